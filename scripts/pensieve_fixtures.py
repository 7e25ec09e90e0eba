#!/usr/bin/env python3
"""Condenses Pensieve's test logs (results/log_sim_{bb,mpc}_<trace>) into abrkit's test fixtures.

Usage: pensieve_fixtures.py RESULTS_DIR OUT_DIR [detail traces...]
Writes OUT_DIR/{bb,robustmpc}.txt, one line per trace: name, the 48 level indices, the sum of the
48 rewards (Python float repr, summed in chunk order), and OUT_DIR/{bb,robustmpc}-chunks.txt with
every column of the named traces' logs except the time stamp (which Pensieve never resets
between traces).
"""
import os
import sys

KBPS = [300, 750, 1200, 1850, 2850, 4300]


def read(path):
    rows = []
    with open(path) as f:
        for line in f:
            parse = line.split()
            if len(parse) < 7:
                break
            rows.append(parse)
    return rows


def main():
    results, out, detail = sys.argv[1], sys.argv[2], sys.argv[3:]
    for script, policy in (("bb", "bb"), ("mpc", "robustmpc")):
        prefix = "log_sim_%s_" % script
        names = sorted(n[len(prefix):] for n in os.listdir(results) if n.startswith(prefix))
        with open(os.path.join(out, policy + ".txt"), "w") as summary, \
                open(os.path.join(out, policy + "-chunks.txt"), "w") as chunks:
            summary.write("# trace levels reward_sum\n")
            chunks.write("# trace chunk level buffer_s rebuffer_s chunk_bytes delay_ms reward\n")
            for name in names:
                rows = read(os.path.join(results, prefix + name))
                assert len(rows) == 48, (name, len(rows))
                levels = "".join(str(KBPS.index(int(r[1]))) for r in rows)
                total = sum(float(r[6]) for r in rows)
                summary.write("%s %s %r\n" % (name, levels, total))
                if name in detail:
                    for i, r in enumerate(rows):
                        chunks.write(" ".join([name, str(i), str(KBPS.index(int(r[1])))] + r[2:7]) + "\n")


if __name__ == "__main__":
    main()
