#!/usr/bin/env python3
"""Expand hunspell-kk stems that the training documents use into all their affixed forms (unmunch).
Forms the tesseract-kaz list lacks enter the lexicon with a low prior.
Usage: hunspell_forms.py WORK_DIR   (reads WORK_DIR/train/*.txt of real documents, writes WORK_DIR/unmunch.txt)"""
import os, re, subprocess, sys
work = sys.argv[1]
WORD = re.compile(r'[а-яёәғқңөұүһі]+')
words = set()
tdir = os.path.join(work, 'train')
for f in os.listdir(tdir):
    if f.endswith('.real'):
        words.update(WORD.findall(open(os.path.join(tdir, f[:-5] + '.txt'), encoding='utf-8').read().lower()))
prefixes = set()
for w in words:
    for i in range(3, len(w) + 1):
        prefixes.add(w[:i])
dic = [l.rstrip('\n') for l in open('/usr/share/hunspell/kk_KZ.dic', encoding='utf-8')][1:]
keep = [l for l in dic if l.split('/')[0].lower() in prefixes and len(l.split('/')[0]) >= 3]
sub = os.path.join(work, 'kk_sub.dic')
with open(sub, 'w', encoding='utf-8') as f:
    f.write('%d\n' % len(keep)); f.write('\n'.join(keep) + '\n')
out = subprocess.run(['unmunch', sub, '/usr/share/hunspell/kk_KZ.aff'], capture_output=True).stdout.decode('utf-8', 'replace')
forms = sorted({w for w in out.split() if re.fullmatch(r'[а-яёәғқңөұүһі]+', w.lower())})
open(os.path.join(work, 'unmunch.txt'), 'w', encoding='utf-8').write('\n'.join(forms) + '\n')
# the full expansion, only to confirm forms of the tesseract list
full = subprocess.run(['unmunch', '/usr/share/hunspell/kk_KZ.dic', '/usr/share/hunspell/kk_KZ.aff'], capture_output=True).stdout.decode('utf-8', 'replace')
allf = {w.lower() for w in full.split() if re.fullmatch(r'[а-яёәғқңөұүһі]+', w.lower())}
open(os.path.join(work, 'unmunch_full.txt'), 'w', encoding='utf-8').write('\n'.join(sorted(allf)) + '\n')
print('hunspell stems', len(keep), 'forms', len(forms), file=sys.stderr)
