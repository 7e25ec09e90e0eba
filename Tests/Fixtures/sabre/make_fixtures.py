#!/usr/bin/env python3
"""Record sabre.py's printed metrics as compact TSV fixtures (one row per trace x policy).

Usage: python3 make_fixtures.py SABRE_PY DATA_DIR
  SABRE_PY  src/sabre.py of github.com/UMass-LIDS/sabre at commit 09b03bb (copied outside the repo)
  DATA_DIR  the shared data directory (traces/sabre-3g, traces/sabre-4g, videos/sabre)

Writes sabre-3g-bbb.tsv and sabre-4g-bbb4k.tsv (the MMSys 2018 pairings) next to this script.
Each row holds the text sabre.py printed, value by value: column `label` names are sabre.py's
labels; `bola buffer` is the bare line BOLA-E prints on construction (empty for other policies).
"""
import os
import subprocess
import sys

POLICIES = ['bola', 'bolae', 'throughput', 'dynamic', 'dynamicdash']
PAIRS = [('3g', 'bbb'), ('4g', 'bbb4k')]


def run(sabre, trace, movie, policy):
    out = subprocess.run([sys.executable, sabre, '-n', trace, '-m', movie, '-a', policy],
                         check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()
    buffer = '' if ': ' in lines[0] else lines.pop(0)
    pairs = [line.split(': ', 1) for line in lines]
    return buffer, [label for label, _ in pairs], [value for _, value in pairs]


def main():
    sabre, data = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    for trace_set, video in PAIRS:
        trace_dir = os.path.join(data, 'traces', 'sabre-' + trace_set)
        movie = os.path.join(data, 'videos', 'sabre', video + '.json')
        rows, header = [], None
        for name in sorted(f for f in os.listdir(trace_dir) if f.endswith('.json')):
            for policy in POLICIES:
                buffer, labels, values = run(sabre, os.path.join(trace_dir, name), movie, policy)
                header = header or ['trace', 'policy', 'bola buffer'] + labels
                assert header[3:] == labels, (name, policy)
                rows.append([name[:-5], policy, buffer] + values)
        with open(os.path.join(here, 'sabre-%s-%s.tsv' % (trace_set, video)), 'w') as f:
            f.write('\t'.join(header) + '\n')
            for row in rows:
                f.write('\t'.join(row) + '\n')


if __name__ == '__main__':
    main()
