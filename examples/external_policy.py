#!/usr/bin/env python3
"""A rate-based ABR policy for `abrkit simulate --policy external`: see docs/external-policy.md.

Reads one JSON request per line on stdin, writes one JSON reply per line on stdout.
"""
import json
import sys

SAFETY = 0.9  # dash.js BANDWIDTH_SAFETY_FACTOR
WINDOW = 5    # MPC's (Yin et al. 2015) throughput window

for line in sys.stdin:
    request = json.loads(line)
    done = [d for d in request["downloads"] if not d["abandoned"] and d["seconds"] > 0][-WINDOW:]
    if not done:
        print(json.dumps({"level": 0, "reason": "no_estimate"}), flush=True)
        continue
    # Harmonic mean of recent throughputs, in kbit/s.
    kbps = len(done) / sum(d["seconds"] / (d["bytes"] * 8 / 1000) for d in done)
    fits = [i for i, rate in enumerate(request["bitrates_kbps"]) if rate <= SAFETY * kbps]
    level = fits[-1] if fits else 0
    print(json.dumps({"level": level, "reason": "rate %.0f kbps" % kbps}), flush=True)
