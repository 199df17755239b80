#!/usr/bin/env python3
"""Build clean Kazakh training / held-out pages for the garble channel model.

train pages: clean seed 001, composed_train.txt, and synthetic legal-genre sentences
             whose words are drawn from the training vocabulary and the tesseract-kaz word list.
heldout pages: clean seed 003 and composed_heldout.txt (never used for counts or channel).
Only composed_train.txt and composed_train2.txt are rendered; the language model (train_model.py, real_text.py)
counts every corpus/composed_train*.txt, so new clean text needs no new renders.
Usage: gen_corpus.py WORK_DIR [n_synthetic_pages]
"""
import os, random, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
work = sys.argv[1]; nsyn = int(sys.argv[2]) if len(sys.argv) > 2 else 80
rng = random.Random(1234)

def read(p):
    return open(p, encoding='utf-8').read().replace('\r', '')

def paragraphs(text):
    out = []
    for line in text.split('\n'):
        line = re.sub(r'\s+', ' ', line).strip()
        if line:
            out.append(line)
    return out

TRAIN_DOCS = [os.path.join(ROOT, 'Seeds', f) for f in sorted(os.listdir(os.path.join(ROOT, 'Seeds'))) if f.startswith('001_')]
TRAIN_DOCS.append(os.path.join(HERE, 'corpus', 'composed_train.txt'))
HELD_DOCS = [os.path.join(ROOT, 'Seeds', f) for f in sorted(os.listdir(os.path.join(ROOT, 'Seeds'))) if f.startswith('003_')]
HELD_DOCS.append(os.path.join(HERE, 'corpus', 'composed_heldout.txt'))

train_pars = [p for d in TRAIN_DOCS for p in paragraphs(read(d))]
held_pars = [p for d in HELD_DOCS for p in paragraphs(read(d))]

WORD = re.compile(r'[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:-[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)*')
train_words = [w.lower() for p in train_pars for w in WORD.findall(p)]
kazwords = []
kw = os.path.join(work, 'kaz.words')
if os.path.exists(kw):
    seen = set()
    for w in open(kw, encoding='utf-8'):
        w = w.strip().lower()
        if w and w not in seen and WORD.fullmatch(w):
            seen.add(w); kazwords.append(w)
MONTHS = ['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі',
          'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы']

def synth_sentence():
    n = rng.randint(5, 16)
    ws = []
    for i in range(n):
        r = rng.random()
        if r < 0.45 and train_words:
            w = rng.choice(train_words)
        elif kazwords:
            w = rng.choice(kazwords)
        else:
            w = rng.choice(train_words)
        ws.append(w)
        r = rng.random()
        if r < 0.04:
            ws.append('%d жылғы %d %s' % (rng.randint(1995, 2024), rng.randint(1, 31), rng.choice(MONTHS)))
        elif r < 0.07:
            ws.append('№ %s%d' % (rng.choice(['', '', 'А-', 'ҚР ДСМ-', '']), rng.randint(1, 30000)))
        elif r < 0.09:
            ws.append('%d)' % rng.randint(1, 20))
        elif r < 0.11:
            ws.append('%d-%s' % (rng.randint(1, 99), rng.choice(['бабының', 'тармағына', 'қосымшаға', 'тармақшасына'])))
    s = ' '.join(ws)
    r = rng.random()
    if r < 0.12:
        return s.upper()
    s = s[0].upper() + s[1:]
    if rng.random() < 0.1:
        k = rng.randint(0, len(ws) - 1)
    if rng.random() < 0.15:
        s = '"' + s + '"'
    if rng.random() < 0.2:
        s = '%d. %s' % (rng.randint(1, 40), s)
    return s + rng.choice(['.', '.', '.', ';', ':', ','])

def pages_from(pars, chars=1600):
    pages, cur, n = [], [], 0
    for p in pars:
        cur.append(p); n += len(p)
        if n >= chars:
            pages.append('\n'.join(cur)); cur, n = [], 0
    if cur:
        pages.append('\n'.join(cur))
    return pages

os.makedirs(os.path.join(work, 'train'), exist_ok=True)
os.makedirs(os.path.join(work, 'heldout'), exist_ok=True)
train_pages = pages_from(train_pars)
for i in range(nsyn):
    pars = []
    n = 0
    while n < 1600:
        par = ' '.join(synth_sentence() for _ in range(rng.randint(1, 4)))
        pars.append(par); n += len(par)
    train_pages.append('\n'.join(pars))
held_pages = pages_from(held_pars)
# later additions to the composed text go after the synthetic pages, so earlier page numbers stay stable
extra_pars = [p for p in paragraphs(read(os.path.join(HERE, 'corpus', 'composed_train2.txt')))]
n_before_extra = len(train_pages)
train_pages.extend(pages_from(extra_pars))
n_real = len(pages_from(train_pars))
for i, t in enumerate(train_pages):
    open(os.path.join(work, 'train', 'p%04d.txt' % i), 'w', encoding='utf-8').write(t + '\n')
    if i < n_real or i >= n_before_extra:  # marks pages of real documents (word counts and bigrams)
        open(os.path.join(work, 'train', 'p%04d.real' % i), 'w').close()
for i, t in enumerate(held_pages):
    for v in ('', 'b'):  # every held-out page is rendered twice, in two styles
        open(os.path.join(work, 'heldout', 'p%04d%s.txt' % (i, v)), 'w', encoding='utf-8').write(t + '\n')
print('train pages', len(train_pages), 'heldout pages', len(held_pages))
