"""Number context for the repair decoder's bigram table.

Every digit token counts as the word "0" (GarbleRepairer.numberContext), so "2015 жылғы", "29 шілдедегі" and
"№ 5413 болып" give the bigrams "0 жылғы", "0 шілдедегі", "0 болып", keyed like word bigrams (FNV-1a of "a b")
with log P(word | a number before it).
"""
import collections, math, re

WORD_OR_NUMBER = re.compile(r'[а-яёәғқңөұүһі]+(?:-[а-яёәғқңөұүһі]+)*|\d+')


def number_bigrams(texts, lex, fnv):
    """(key, log-prob) entries "0 w" over the clean texts, for words w of the lexicon."""
    after = collections.Counter()
    numbers = 0
    for t in texts:
        for line in t.split('\n'):
            ws = ['0' if w[0].isdigit() else w for w in WORD_OR_NUMBER.findall(line.lower())]
            numbers += ws.count('0')
            for a, b in zip(ws, ws[1:]):
                if a == '0' and b != '0':
                    after[b] += 1
    return [(fnv('0 ' + b), math.log(n / numbers)) for b, n in after.items() if b in lex]


def number_followers(texts, lex, top=100, min_count=3):
    """The lexicon words most often right after a number (months in their case forms, жылғы …), most frequent
    first: the decoder proposes them after a number even when its beam missed them."""
    after = collections.Counter()
    for t in texts:
        for line in t.split('\n'):
            ws = ['0' if w[0].isdigit() else w for w in WORD_OR_NUMBER.findall(line.lower())]
            for a, b in zip(ws, ws[1:]):
                if a == '0' and b != '0' and b in lex:
                    after[b] += 1
    return [w for w, n in after.most_common(top) if n >= min_count]
