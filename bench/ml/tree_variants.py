#!/usr/bin/python3
"""Sextant's decision tree with several parameter sets, each the mean 10-fold accuracy
over fold seeds 1 to 5, on Weka's example files and the bundled examples (Sextant only:
the references are family_quality.py's).

Usage: tree_variants.py SEXTANT '[{"categorical": "subsets"}, {"criterion": "entropy"}]'
       [comma-separated file-name prefixes]
Prints one line per file: its name and one accuracy (percent) per parameter set.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tree_quality as tq  # noqa: E402


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    exe = sys.argv[1]
    variants = json.loads(sys.argv[2])
    files = tq.benchmark_files('/usr/share/doc/weka/examples', with_examples=True,
                               only=sys.argv[3].split(',') if len(sys.argv) > 3 else None)
    tmp = tempfile.mkdtemp()
    for path in files:
        prepared = tq.prepare_file(path, tmp)
        if prepared is None:
            continue
        name, plain, _attrs, target, _rows = prepared
        data = os.path.basename(plain)
        out = []
        try:
            for v in variants:
                accs = [tq.sextant_accuracy(exe, tmp, target, {'prepare': 'auto', **v},
                                            'model.decision_tree', raw=True, data=data,
                                            fold_seed=s) for s in range(1, 6)]
                out.append(sum(accs) / len(accs))
        except Exception as e:  # a file the cross-validation refuses (too few rows)
            print(name, 'failed:', str(e)[-200:], flush=True)
            continue
        print(name, ' '.join(f'{100 * a:.2f}' for a in out), flush=True)


if __name__ == '__main__':
    main()
