#!/usr/bin/env python3
"""Estimate the garble channel model and build the compact binary repair model.

Usage: train_model.py WORK_DIR OUT.bin
WORK_DIR holds train/pNNNN.txt (clean) with train/pNNNN.eng.txt (tesseract -l eng output), kaz.words
(dawg2wordlist of tesseract-ocr-kaz) and unmunch.txt (hunspell-kk forms). Held-out pages are never read here.
The language model counts real_text.py's documents (seed 001 + corpus/composed_train*.txt) and
corpus/gazetteer_kz.txt. Environment: REUSE_TRAINING=1 (exact channel from WORK_DIR/train.lex-cache.pkl, written
by every full run), CORPUS_DIR, CHANNEL_DUMP (where channel.txt goes), COUNT_SCALE, COUNT_SYNTHETIC, GAZ_COUNT,
KEEP_CONFIRMED, REAL_SOURCE=pages. REAL_SOURCE=pages GAZ_COUNT=0 KEEP_CONFIRMED=0 COUNT_SYNTHETIC=1 COUNT_SCALE=1
rebuilds the previous (pre-genre-corpus) model byte for byte.
"""
import collections, math, os, re, struct, sys, random
try:
    from rapidfuzz.distance import Levenshtein
    def lev_norm(a, b):
        return Levenshtein.normalized_distance(a, b)
except ImportError:  # slower fallback
    import difflib
    def lev_norm(a, b):
        return 1.0 - difflib.SequenceMatcher(None, a, b).ratio()

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
work, out_path = sys.argv[1], sys.argv[2]

KAZ_SPECIFIC = set('әғқңөұүһі')
LETTERS = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя'
ALPHA = list(LETTERS) + ['-']          # lexicon alphabet, index 1..N (0 = none)
AIDX = {c: i + 1 for i, c in enumerate(ALPHA)}
WORD = re.compile(r'[а-яёәғқңөұүһі]+(?:-[а-яёәғқңөұүһі]+)*')

# ---------------------------------------------------------------- prior (only to start EM / align words)
PRIOR = {
 'а': ['a'], 'б': ['6', 'o', 'b', 'g'], 'в': ['b', '8'], 'г': ['r'], 'ғ': ['f', 'r'], 'д': ['g', 'a', 'd', 'j'],
 'е': ['e'], 'ё': ['e'], 'ж': ['xk', '>k', ')k', '%k', '*k', 'x', 'k'], 'з': ['3'], 'и': ['u', 'n', 'h'],
 'й': ['u', 'n', 'i'], 'к': ['k'], 'қ': ['k'], 'л': ['ji', 'jl', 'si', 'n', 'l'], 'м': ['m'], 'н': ['h'],
 'ң': ['h', 'h,', 'n'], 'о': ['o'], 'ө': ['o', 'e', '6'], 'п': ['n', 'ii', 'il'], 'р': ['p'], 'с': ['c'],
 'т': ['t', 'm'], 'у': ['y'], 'ұ': ['y', '¥'], 'ү': ['y', 'v'], 'ф': ['o'], 'х': ['x'], 'һ': ['h'],
 'ц': ['u', 'ii'], 'ч': ['y', '4'], 'ш': ['iii', 'w', 'lll', 'ill', 'lil'], 'щ': ['w', 'iii'], 'ъ': ['b'],
 'ы': ['bi', 'bl', 'b1', 'bi'], 'і': ['i', 'l', '1'], 'ь': ['b'], 'э': ['3'], 'ю': ['10', 'io'],
 'я': ['r', 'a', 's'], 'ә': ['9', 'a', 'e'], '№': ['ne', 'no'], '-': ['-'],
}

def fold_g(s):
    return s.lower()

def translit(w):
    return ''.join(PRIOR.get(c, [c])[0] for c in w)

# ---------------------------------------------------------------- read pages
pages, page_real = [], []   # (clean, OCR) pairs; whether the page is real text
tdir = os.path.join(work, 'train')
for f in sorted(os.listdir(tdir)):
    if re.fullmatch(r'p\d+\.txt', f) and os.path.exists(os.path.join(tdir, f[:-4] + '.eng.txt')):
        clean = open(os.path.join(tdir, f), encoding='utf-8').read()
        garb = open(os.path.join(tdir, f[:-4] + '.eng.txt'), encoding='utf-8').read()
        pages.append((clean, garb)); page_real.append(os.path.exists(os.path.join(tdir, f[:-4] + '.real')))
        # large-glyph renders (the scanned-document look: small-caps-like Cyrillic read as capitals) count double
        pf = os.path.join(tdir, f[:-4] + '.params')
        if os.environ.get('DOUBLE_BIG', '0') == '1' and os.path.exists(pf) and 'scale=100' in open(pf).read() and re.search(r'dpi=[4-9]\d\d', open(pf).read()):
            pages.append((clean, garb)); page_real.append(page_real[-1])
print('pages', len(pages), file=sys.stderr)

def align_words(ct, gt, band=40):
    n, m = len(ct), len(gt)
    INF = 1e9
    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0
    ctr = [translit(w.lower()) for w in ct]
    gl = [fold_g(w) for w in gt]
    for i in range(n + 1):
        jc = int(i * m / max(n, 1))
        for j in range(max(0, jc - band), min(m, jc + band) + 1):
            c = cost[i][j]
            if c >= INF:
                continue
            if i < n and j < m:
                d = lev_norm(ctr[i], gl[j])
                if c + d < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1] = c + d; back[i + 1][j + 1] = 1
            if i < n and c + 0.8 < cost[i + 1][j]:
                cost[i + 1][j] = c + 0.8; back[i + 1][j] = 2
            if j < m and c + 0.8 < cost[i][j + 1]:
                cost[i][j + 1] = c + 0.8; back[i][j + 1] = 3
    pairs = []
    i, j = n, m
    if cost[n][m] >= INF:
        return pairs
    while i > 0 or j > 0:
        b = back[i][j]
        if b == 1:
            d = lev_norm(ctr[i - 1], gl[j - 1])
            pairs.append((ct[i - 1], gt[j - 1], d)); i -= 1; j -= 1
        elif b == 2:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]

# Fast lexicon/LM retraining: a full run saves everything that depends only on the rendered pages (aligned word
# pairs, the full EM channel) to WORK_DIR/train.lex-cache.pkl; REUSE_TRAINING=1 reloads it exactly and skips
# alignment and EM (the page set must be the one the cache was made from).
import pickle
CACHE = os.path.join(work, 'train.lex-cache.pkl')
REUSE_TRAINING = os.environ.get('REUSE_TRAINING', '0') == '1'
cached = None
if REUSE_TRAINING:
    with open(CACHE, 'rb') as f:
        cached = pickle.load(f)
    if cached['npages'] != len(pages):
        sys.exit('train.lex-cache.pkl was made from %d pages, WORK_DIR has %d: run without REUSE_TRAINING' % (cached['npages'], len(pages)))
pairs = []
REUSE = os.environ.get('REUSE_CHANNEL')   # dev shortcut: channel from a channel.txt dump (top entries only; approximate, not for the committed model)
for clean, garb in ([] if REUSE or cached else pages):
    ct, gt = clean.split(), garb.split()
    for c, g, d in align_words(ct, gt):
        if d < 0.7 and len(c) <= 30 and len(g) <= 45:
            pairs.append((c, g))
if cached:
    pairs = cached['pairs']
print('aligned word pairs', len(pairs), file=sys.stderr)

# ---------------------------------------------------------------- EM channel P(s | c), |s| in 0..3
MAXL = 3
def init_channel():
    ch = collections.defaultdict(dict)
    for c, opts in PRIOR.items():
        for o in opts:
            ch[c][o] = ch[c].get(o, 0) + 1.0
    return ch

def normalize(counts, floor_alpha=0.01):
    probs = {}
    for c, d in counts.items():
        tot = sum(d.values())
        probs[c] = {s: v / tot for s, v in d.items()}
    return probs

FLOOR = 1e-5
def prob(ch, c, s):
    d = ch.get(c)
    if d is None:
        return (0.5 if s == c else FLOOR)
    p = d.get(s)
    if p is None:
        return FLOOR if s else FLOOR / 10
    return p

ch = normalize(init_channel())
for c in ch:
    ch[c][c] = ch[c].get(c, 0.0)  # identity kept possible via floor
data = [(c.lower(), fold_g(g)) for c, g in pairs]
uniq = collections.Counter(data)   # EM over distinct pairs, weighted by multiplicity
print('distinct pairs', len(uniq), file=sys.stderr)
for it in range(0 if cached else int(os.environ.get('EM_ITERS', '3'))):
    counts = collections.defaultdict(lambda: collections.defaultdict(float))
    total_ll = 0.0
    for (x, y), mult in uniq.items():
        n, m = len(x), len(y)
        if m > 3 * n + 2:
            continue
        A = [[0.0] * (m + 1) for _ in range(n + 1)]
        A[0][0] = 1.0
        for i in range(1, n + 1):
            c = x[i - 1]
            Ai, Ap = A[i], A[i - 1]
            for j in range(0, m + 1):
                t = 0.0
                for l in range(0, min(MAXL, j) + 1):
                    a = Ap[j - l]
                    if a:
                        t += a * prob(ch, c, y[j - l:j])
                Ai[j] = t
        Z = A[n][m]
        if Z <= 0:
            continue
        total_ll += mult * math.log(Z)
        B = [[0.0] * (m + 1) for _ in range(n + 1)]
        B[n][m] = 1.0
        for i in range(n - 1, -1, -1):
            c = x[i]
            Bi, Bn = B[i], B[i + 1]
            for j in range(m, -1, -1):
                t = 0.0
                for l in range(0, min(MAXL, m - j) + 1):
                    b = Bn[j + l]
                    if b:
                        t += prob(ch, c, y[j:j + l]) * b
                Bi[j] = t
        for i in range(n):
            c = x[i]
            for j in range(m + 1):
                a = A[i][j]
                if not a:
                    continue
                for l in range(0, min(MAXL, m - j) + 1):
                    b = B[i + 1][j + l]
                    if b:
                        s = y[j:j + l]
                        counts[c][s] += mult * a * prob(ch, c, s) * b / Z
    # add the prior as pseudo-counts so rare letters keep sensible options
    for c, opts in PRIOR.items():
        for o in opts:
            counts[c][o] += 0.5
    newch = {}
    for c, d in counts.items():
        items = {s: v for s, v in d.items() if v >= 0.05}
        tot = sum(items.values())
        if tot > 0:
            newch[c] = {s: v / tot for s, v in items.items()}
    ch = newch
    print('EM iter', it, 'loglik', round(total_ll, 1), file=sys.stderr)

if cached:
    ch = cached['ch']
elif not REUSE:
    with open(CACHE + '.tmp', 'wb') as f:
        pickle.dump({'npages': len(pages), 'pairs': pairs, 'ch': ch}, f, protocol=4)
    os.replace(CACHE + '.tmp', CACHE)
if REUSE:
    ch = {}
    for line in open(REUSE, encoding='utf-8'):
        c, rest = line.rstrip('\n').split('\t')
        d = {}
        for item in rest.split(' '):
            sub, p = item.rsplit(':', 1)
            d['' if sub == '∅' else sub] = float(p)
        ch[c] = d
with open(os.environ.get('CHANNEL_DUMP', os.path.join(work, 'channel.txt')), 'w', encoding='utf-8') as f:
    for c in sorted(ch):
        top = sorted(ch[c].items(), key=lambda kv: -kv[1])[:12]
        f.write(c + '\t' + ' '.join('%s:%.3f' % (s if s else '∅', p) for s, p in top) + '\n')

# ---------------------------------------------------------------- case model (naive Bayes on folded-away case)
def case_class(w):
    letters = [ch_ for ch_ in w if ch_.isalpha()]
    if not letters:
        return None
    if len(letters) >= 2 and all(ch_.isupper() for ch_ in letters):
        return 2
    if letters[0].isupper() and all(not ch_.isupper() for ch_ in letters[1:]):
        return 1
    if all(not ch_.isupper() for ch_ in letters):
        return 0
    return None
case_counts = [collections.Counter(), collections.Counter(), collections.Counter()]
case_first = [collections.Counter(), collections.Counter(), collections.Counter()]
case_prior = collections.Counter()
for c, g in pairs:
    k = case_class(c)
    if k is None:
        continue
    gl = [x for x in g if x.isalpha() or x in '¥>)%*']
    if not gl:
        continue
    case_prior[k] += 1
    case_first[k][gl[0]] += 1
    for x in gl[1:]:
        case_counts[k][x] += 1

# ---------------------------------------------------------------- clean text counts (train docs only)
# The language model (word counts, bigrams, case lists) reads the real clean training text straight from its
# sources (real_text.py: seed 001 and every corpus/composed_train*.txt, whether rendered or not; only the
# channel needs renders). REAL_SOURCE=pages counts the rendered pages marked .real instead (the older recipe).
sys.path.insert(0, HERE)
from real_text import real_documents
if os.environ.get('REAL_SOURCE', 'corpus') == 'pages':
    real_texts = [c for (c, _), r in zip(pages, page_real) if r]
else:
    real_texts = real_documents()
synthetic_texts = [c for (c, _), r in zip(pages, page_real) if not r]
print('real text words', sum(len(WORD.findall(t.lower())) for t in real_texts), file=sys.stderr)

def line_words(t):
    for line in t.split('\n'):
        yield [w.lower() for w in WORD.findall(line.lower())]
# Gazetteer (corpus/gazetteer_kz.txt): place names with their case forms enter the counts and the Capitalized list.
def case_forms(w):
    vowels = [c for c in w if c in 'аоұыәеөүіэ']
    back = not vowels or vowels[-1] in 'аоұы'
    last = w[-1]
    vowel = last in 'аәеиоөұүыіэюя'    # final у behaves like л, р, й (Атыраудың)
    voiceless = last in 'бвгғдкқпстфхцчшщ'
    nasal = last in 'мнң'
    def h(a, b): return a if back else b
    gen = h('ның', 'нің') if vowel or nasal else h('тың', 'тің') if voiceless else h('дың', 'дің')
    dat = h('қа', 'ке') if voiceless else h('ға', 'ге')
    loc = h('та', 'те') if voiceless else h('да', 'де')
    abl = h('тан', 'тен') if voiceless else h('нан', 'нен') if nasal else h('дан', 'ден')
    acc = h('ны', 'ні') if vowel else h('ты', 'ті') if voiceless else h('ды', 'ді')
    ins = 'пен' if voiceless else 'мен' if vowel or last in 'лрйу' else 'бен'
    return [w] + [w + x for x in (gen, dat, loc, abl, acc, ins)]
GAZ_COUNT = float(os.environ.get('GAZ_COUNT', '1'))
gazetteer, gazetteer_cap = set(), set()
gp = os.path.join(HERE, 'corpus', 'gazetteer_kz.txt')
if GAZ_COUNT and os.path.exists(gp):
    for line in open(gp, encoding='utf-8'):
        ws = line.split('#')[0].lower().split()
        if not ws:
            continue
        if ws[-1] == 'облысы':           # "Қарағанды облысы": the name stays in the nominative
            forms = ws[:-1]
        else:
            forms = ws[:-1] + case_forms(ws[-1])
        gazetteer.update(forms)
        if len(forms) == 1 or ws[-1] != 'облысы':   # Capitalized list: not the "Батыс" of "Батыс Қазақстан"
            gazetteer_cap.update(forms[-1:] if ws[-1] == 'облысы' else case_forms(ws[-1]))
uni = collections.Counter()
bi = collections.Counter()
for w in gazetteer:
    uni[w] += GAZ_COUNT
# synthetic pages (word salad over the word lists) add to the unigram counts only when COUNT_SYNTHETIC=1
# (the recipe before the composed genre text existed)
COUNT_ALL = os.environ.get('COUNT_SYNTHETIC', '0') == '1'
for t in real_texts + (synthetic_texts if COUNT_ALL else []):
    for ws in line_words(t):
        uni.update(ws)
for t in real_texts:
    for ws in line_words(t):
        for a, b in zip(ws, ws[1:]):
            bi[(a, b)] += 1

# ---------------------------------------------------------------- lexicon
dawg = set()
for w in open(os.path.join(work, 'kaz.words'), encoding='utf-8'):
    w = w.strip().lower()
    if WORD.fullmatch(w):
        dawg.add(w)
hun = set()
up = os.path.join(work, 'unmunch.txt')
if os.path.exists(up):
    for w in open(up, encoding='utf-8'):
        w = w.strip().lower()
        if WORD.fullmatch(w) and w not in dawg:
            hun.add(w)
# forms confirmed by hunspell-kk (full unmunch expansion, if present) are more trustworthy than the bare
# tesseract list, which also holds junk and Russified spellings
confirmed = set()
fp = os.path.join(work, 'unmunch_full.txt')
if os.path.exists(fp):
    for w in open(fp, encoding='utf-8'):
        confirmed.add(w.strip().lower())
lex = {}
for w in dawg:
    lex[w] = 1.5 if w in confirmed else float(os.environ.get('DAWG_ONLY_WEIGHT', '0.5'))
for w in hun:
    lex[w] = 0.1
COUNT_SCALE = float(os.environ.get('COUNT_SCALE', '2'))   # weight of a clean-text token against the word lists' mass
for w, n in uni.items():
    lex[w] = lex.get(w, 0.0) + COUNT_SCALE * n
# the normalizer ignores COUNT_SCALE: scaling lifts attested words without lowering the word lists' forms
total = sum(lex.values()) - (COUNT_SCALE - 1) * sum(uni.values())
logp = {w: math.log(v / total) for w, v in lex.items()}
DEKAZ = str.maketrans('әғқңөұүһі', 'агкноуухи')
# Russified spellings (алгашкы for алғашқы): a form without Kazakh letters never beats its twin that has them,
# unless the clean documents attest the plain form at least as often (бас and бәс are both real words).
kaz_by_plain = collections.defaultdict(list)
for w in lex:
    if any(ch_ in KAZ_SPECIFIC for ch_ in w):
        kaz_by_plain[w.translate(DEKAZ)].append(w)
demoted = 0
KEEP_CONFIRMED = os.environ.get('KEEP_CONFIRMED', '1') == '1'
for w in list(lex):
    if not any(ch_ in KAZ_SPECIFIC for ch_ in w) and w in kaz_by_plain:
        twin = max(kaz_by_plain[w], key=lambda v: logp[v])
        if uni.get(w, 0) >= 3 and uni.get(w, 0) >= uni.get(twin, 0):
            continue
        if KEEP_CONFIRMED and w in confirmed:   # hunspell-kk's own form (жауабын beside жауабың): not Russified
            continue
        if logp[w] > logp[twin] - 2.0:
            logp[w] = logp[twin] - 2.0; demoted += 1
print('lexicon', len(lex), 'dawg', len(dawg), 'hunspell-only', len(hun), 'demoted russified twins', demoted, file=sys.stderr)

def q(lp):  # quantize log prob to 1..255
    return max(1, min(255, int(round(255 + lp * 10))))

# trie in BFS order, children contiguous
class Node:
    __slots__ = ('ch', 'score', 'best')
    def __init__(self):
        self.ch = {}; self.score = 0; self.best = 0
root = Node()
for w, lp in logp.items():
    nd = root
    for c in w:
        nd = nd.ch.setdefault(AIDX[c], Node())
    nd.score = q(lp)
def fill_best(nd):
    b = nd.score
    stack = [(nd, False)]
    # iterative post-order
    order = []
    st = [nd]
    while st:
        x = st.pop(); order.append(x)
        st.extend(x.ch.values())
    for x in reversed(order):
        x.best = max([x.score] + [y.best for y in x.ch.values()])
fill_best(root)
nodes = [(root, 0)]
flat = []
queue = collections.deque([(root, 0)])
idx = 0
order = []
while queue:
    nd, label = queue.popleft()
    order.append((nd, label))
    for lab in sorted(nd.ch):
        queue.append((nd.ch[lab], lab))
# assign first child indices
first = []
nxt = 1
for nd, label in order:
    first.append(nxt); nxt += len(nd.ch)
print('trie nodes', len(order), file=sys.stderr)

# ---------------------------------------------------------------- char trigram over lexicon alphabet (+ boundary 0)
N = len(ALPHA) + 1
tri = collections.Counter(); bic = collections.Counter()
def feed(w, weight):
    s = [0, 0] + [AIDX[c] for c in w] + [0]
    for i in range(2, len(s)):
        tri[(s[i - 2], s[i - 1], s[i])] += weight
        bic[(s[i - 2], s[i - 1])] += weight
for w in dawg:
    feed(w, 1.0)
for w, n in uni.items():
    feed(w, 5.0 * n)
tri_table = [0.0] * (N * N * N)
for a in range(N):
    for b in range(N):
        den = bic.get((a, b), 0.0)
        for c in range(N):
            tri_table[(a * N + b) * N + c] = math.log((tri.get((a, b, c), 0.0) + 0.05) / (den + 0.05 * N))

# ---------------------------------------------------------------- garble symbols + channel export
gsyms = collections.Counter()
for _, g in data:
    gsyms.update(g)
for c, d in ch.items():
    for s in d:
        gsyms.update(s)
GS = [s for s, n in gsyms.most_common() if n >= 1][:250]
GIDX = {s: i + 1 for i, s in enumerate(GS)}
chan = []   # (key, letterIdx, logp)
dele = [ -30.0 ] * (N)
nsym_letter = {'№': 255}
for c, d in ch.items():
    if c in AIDX:
        li = AIDX[c]
    elif c == '№':
        li = 255
    else:
        continue
    for s, p in d.items():
        if p < 0.002:
            continue
        if s == '':
            if li != 255:
                dele[li] = math.log(p)
            continue
        if any(x not in GIDX for x in s):
            continue
        key = 0
        for x in s:
            key = key * 256 + GIDX[x]
        chan.append((key, li, math.log(p)))
# identity for Cyrillic letters appearing inside garbled tokens (mixed tokens)
for c in LETTERS:
    if c not in GIDX and len(GS) < 255:
        GS.append(c); GIDX[c] = len(GS)
    if c in GIDX:
        chan.append((GIDX[c], AIDX[c], math.log(0.9)))
print('channel entries', len(chan), 'garble symbols', len(GS), file=sys.stderr)

# case NB tables over raw (unfolded) garble characters
raw = collections.Counter()
for k in range(3):
    raw.update(case_first[k]); raw.update(case_counts[k])
CS = [x for x, n in raw.most_common(250)]
case_tab = []
for k in range(3):
    tf = sum(case_first[k].values()); tc = sum(case_counts[k].values())
    row_f = [math.log((case_first[k].get(x, 0) + 0.5) / (tf + 0.5 * (len(CS) + 1))) for x in [''] + CS]
    row_c = [math.log((case_counts[k].get(x, 0) + 0.5) / (tc + 0.5 * (len(CS) + 1))) for x in [''] + CS]
    case_tab.append((row_f, row_c))
cp_tot = sum(case_prior.values())
case_pri = [math.log((case_prior[k] + 1) / (cp_tot + 3)) for k in range(3)]
print('case prior', dict(case_prior), file=sys.stderr)

# word bigrams: keep pairs seen >= 1 in real documents, store log P(b | a) keyed by 64-bit FNV-1a
def fnv(s):
    h = 0xcbf29ce484222325
    for byte in s.encode('utf-8'):
        h ^= byte; h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
big = []
for (a, b), n in bi.items():
    if a in lex and b in lex:
        big.append((fnv(a + ' ' + b), math.log(n / uni[a])))
# numbers as context ("2015 жылғы", "29 шілдедегі"): every digit token counts as the word "0"
from context_counts import number_bigrams, number_followers
big += number_bigrams(real_texts, lex, fnv)
followers = number_followers(real_texts, lex)
print('number followers', len(followers), ' '.join(followers[:12]), file=sys.stderr)
big.sort()
print('bigrams', len(big), file=sys.stderr)

# words written Capitalized mid-sentence in the real documents (proper nouns, titles)
capc = collections.Counter(); allc = collections.Counter()
for t in real_texts:
    toks = t.split()
    for i, tok in enumerate(toks):
        m = WORD.search(tok.lower())
        if not m or i == 0 or re.search(r'[.!?:]["»)]?$', toks[i - 1]) or re.fullmatch(r'\d+[.)]', toks[i - 1]):
            continue
        core = re.sub(r'^[^\w]+|[^\w-]+$', '', tok)
        if not core or len(core) < 2:
            continue
        w = core.lower()
        allc[w] += 1
        if core[0].isupper() and not core.isupper():
            capc[w] += 1
capital = {w for w in allc if capc[w] >= int(os.environ.get("CAP_MIN", "1")) and capc[w] >= 0.6 * allc[w]}
capital |= {w for w in gazetteer_cap if capc[w] >= 0.6 * allc[w]}   # place names, unless the text writes them lowercase
capital = sorted(fnv(w) for w in capital)
print('capitalized words', len(capital), file=sys.stderr)
# words usually written in ALL CAPS in the real documents (formulae such as БҰЙЫРАМЫН, ЕТЕДІ)
upc = collections.Counter(); anyc = collections.Counter()
for t in real_texts:
    for tok in t.split():
        core = re.sub(r'^[^\w]+|[^\w-]+$', '', tok)
        if len(core) < 3 or not WORD.fullmatch(core.lower()):
            continue
        anyc[core.lower()] += 1
        if core.isupper():
            upc[core.lower()] += 1
capsw = sorted(fnv(w) for w in anyc if upc[w] >= 1 and upc[w] >= 0.6 * anyc[w])
# words Capitalized after a given word (Республикасының Цифрлық …) or after "(" ((Нормативтік …)
pairc = collections.Counter(); paircap = collections.Counter()
quotec = collections.Counter(); quotelower = collections.Counter()
QUOTE_LOWER = '"lower'   # CaseRestorer: GarbleModel.isLowerCaseAfterQuote
for t in real_texts:
    toks = t.split()
    for i in range(1, len(toks)):
        if re.search(r'[.!?:]["»)]?$', toks[i - 1]):
            continue
        tok = toks[i]
        core = re.sub(r'^[^\w]+|[^\w-]+$', '', tok)
        if len(core) < 2 or not WORD.fullmatch(core.lower()) or core.isupper():
            continue
        prev = '(' if tok.startswith('(') else re.sub(r'^[^\w]+|[^\w-]+$', '', toks[i - 1]).lower()
        if not prev:
            continue
        key = prev + ' ' + core.lower()
        pairc[key] += 1
        if core[0].isupper():
            paircap[key] += 1
        if tok[0] in '"«“':   # a word opening a quote mid-sentence: a title ("Құқықтық актілер туралы") or not
            quotec[core.lower()] += 1
            if not core[0].isupper():
                quotelower[core.lower()] += 1
capbig = [fnv(k) for k in pairc if paircap[k] >= 1 and paircap[k] >= 0.6 * pairc[k]]
# words that stay lower-case after an opening quote ("электрондық үкіметтің" порталы), under a marked key
capbig += [fnv(QUOTE_LOWER + ' ' + w) for w in quotec if quotelower[w] >= 2 and quotelower[w] >= 0.6 * quotec[w]]
print('lower-case after a quote', sum(1 for w in quotec if quotelower[w] >= 2 and quotelower[w] >= 0.6 * quotec[w]), file=sys.stderr)
capbig = sorted(capbig)
print('capitalized after a word', len(capbig), file=sys.stderr)
print('all-caps words', len(capsw), file=sys.stderr)

# ---------------------------------------------------------------- write
with open(out_path, 'wb') as f:
    f.write(b'KZGM'); f.write(struct.pack('<I', 1))
    f.write(struct.pack('<I', len(ALPHA)))
    for c in ALPHA:
        f.write(struct.pack('<I', ord(c)))
    f.write(struct.pack('<I', len(GS)))
    for s in GS:
        f.write(struct.pack('<I', ord(s)))
    f.write(struct.pack('<I', len(chan)))
    for key, li, lp in sorted(chan):
        f.write(struct.pack('<IBf', key, li, lp))
    f.write(struct.pack('<I', N))
    f.write(struct.pack('<%df' % N, *dele))
    f.write(struct.pack('<I', len(order)))
    buf = bytearray()
    for (nd, label), fc in zip(order, first):
        buf += struct.pack('<IBBBB', fc, label, len(nd.ch), nd.score, nd.best)
    f.write(buf)
    f.write(struct.pack('<%df' % len(tri_table), *tri_table))
    f.write(struct.pack('<I', len(big)))
    f.write(b''.join(struct.pack('<Q', k) for k, _ in big))
    f.write(b''.join(struct.pack('<f', v) for _, v in big))
    f.write(struct.pack('<I', len(CS)))
    for x in CS:
        f.write(struct.pack('<I', ord(x)))
    f.write(struct.pack('<3f', *case_pri))
    for row_f, row_c in case_tab:
        f.write(struct.pack('<%df' % len(row_f), *row_f))
        f.write(struct.pack('<%df' % len(row_c), *row_c))
    pass
with open(out_path, 'ab') as f:
    f.write(struct.pack('<I', len(capital)))
    f.write(b''.join(struct.pack('<Q', k) for k in capital))
    f.write(struct.pack('<I', len(capsw)))
    f.write(b''.join(struct.pack('<Q', k) for k in capsw))
    f.write(struct.pack('<I', len(capbig)))
    f.write(b''.join(struct.pack('<Q', k) for k in capbig))
    f.write(struct.pack('<I', len(followers)))
    for w in followers:
        b = w.encode('utf-8')
        f.write(struct.pack('<I', len(b)) + b)
print('wrote', out_path, os.path.getsize(out_path), 'bytes', file=sys.stderr)
