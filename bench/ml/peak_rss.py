#!/usr/bin/python3
"""peak_rss.py CMD...: runs CMD, forwards its last stdout line (a JSON object) with the
child's peak resident memory added as "peak_mb"."""
import json
import resource
import os
import subprocess
import sys

p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)
out, _ = p.communicate()
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if p.returncode != 0:
    sys.exit(p.returncode)
result = json.loads(out.decode().strip().splitlines()[-1])
result["peak_mb"] = peak_kib / 1024.0
print(json.dumps(result))
