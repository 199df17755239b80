"""The real (clean, non-synthetic) training text the language model counts: seed 001 and every
scripts/repair/corpus/composed_train*.txt, rendered or not (only the garble channel needs renders).
CORPUS_DIR overrides the corpus directory (e.g. a frozen snapshot while comparing models)."""
import glob, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))

def real_documents():
    seeds = os.path.join(ROOT, 'Seeds')
    docs = [os.path.join(seeds, f) for f in sorted(os.listdir(seeds)) if f.startswith('001_')]
    docs += sorted(glob.glob(os.path.join(os.environ.get('CORPUS_DIR', os.path.join(HERE, 'corpus')), 'composed_train*.txt')))
    out = []
    for d in docs:
        lines = (re.sub(r'\s+', ' ', l).strip() for l in open(d, encoding='utf-8').read().replace('\r', '').split('\n'))
        out.append('\n'.join(l for l in lines if l))
    return out
