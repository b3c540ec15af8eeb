#!/usr/bin/python3
"""The same 24-point sweep of the wine example on this machine's process pool and on the
local Slurm (tools/slurm-local: one node, this machine's cores), timed in the same run.

    bench/sweep_slurm.py SEXTANT [--jobs N] [--full]

SEXTANT is the sextant executable. --jobs: the local pool's size (default: the cores, the
number of tasks Slurm runs at once on the one node). --full: the example as shipped
(100 trees, 200 epochs, 5 folds); by default the quick settings of the tests.

Prints, for each backend: wall time, the tasks' own time (sum of what each task measured),
and for Slurm the per-task overhead

    (wall_slurm - wall_local) * slots / points

(the extra wall time each task costs when `slots` run at once), the time from starting the
sweep to the first task starting (submission and first scheduling), the mean time a slot
stays idle between one task's end and the next one's start, the bytes that crossed
(inputs) and the bytes each run wrote.
"""
import argparse
import datetime
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WINE = ROOT / "resources" / "examples" / "wine-classify.sextant"
QUICK = ["--set", "6.trees=10", "--set", "13.epochs=20", "--set", "11.folds=3"]
GRID = ["--grid", "5.C=0.01,0.1,1,10", "--grid", "3.seed=1,2,3,4,5,6"]


def sweep(sextant, out, extra):
    args = [sextant, "sweep", str(WINE), *extra, *GRID, "--out", str(out)]
    t0 = time.time()
    p = subprocess.run(args, capture_output=True, text=True)
    wall = time.time() - t0
    if p.returncode != 0:
        sys.exit(f"sweep failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return t0, wall


def tasks(out):
    reports = []
    for task in sorted((out / "runs").glob("*/task.json")):
        reports.append(json.loads(task.read_text()))
    return reports


def iso(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


def slot_gaps(reports, slots):
    """Mean idle time of a Slurm slot between one task's end and the next task's start:
    tasks sorted by start, the k-th start after the first `slots` following the
    (k - slots)-th end."""
    spans = sorted((iso(t["started"]), iso(t["finished"])) for t in reports)
    ends = sorted(e for _, e in spans)
    starts = [s for s, _ in spans]
    gaps = [starts[k] - ends[k - slots] for k in range(slots, len(starts))]
    return sum(gaps) / len(gaps) if gaps else 0.0


def folder_bytes(path):
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sextant")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--full", action="store_true")
    a = ap.parse_args()
    extra = [] if a.full else QUICK
    ping = subprocess.run(["scontrol", "ping"], capture_output=True, text=True)
    if "UP" not in ping.stdout:
        sys.exit("no Slurm controller answers: run tools/slurm-local start")
    slots = int(subprocess.run(["sinfo", "-h", "-o", "%c"], capture_output=True,
                               text=True).stdout.split()[0])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        t_local0, wall_local = sweep(a.sextant, tmp / "local", extra + ["--jobs", str(a.jobs)])
        t_slurm0, wall_slurm = sweep(a.sextant, tmp / "slurm", extra + ["--backend", "slurm"])
        local, slurm = tasks(tmp / "local"), tasks(tmp / "slurm")
        n = len(slurm)
        assert n == len(local) == 24, (n, len(local))
        own_local = sum(t["seconds"] for t in local)
        own_slurm = sum(t["seconds"] for t in slurm)
        first_start = min(iso(t["started"]) for t in slurm) - t_slurm0
        inputs = folder_bytes(tmp / "slurm" / "input")
        per_run = folder_bytes(tmp / "slurm" / "runs") / n
        same = json.loads((tmp / "slurm" / "results.json").read_text())
        ref = json.loads((tmp / "local" / "results.json").read_text())
        by = {p["index"]: p["metrics"] for p in ref["points"]}
        # Timings (".seconds" columns of the compare table) are not results.
        def results(m):
            return {k: v for k, v in m.items() if not k.endswith(".seconds")}
        equal = all(results(p["metrics"]) == results(by[p["index"]]) for p in same["points"])
        gaps = slot_gaps(slurm, slots)
    overhead = (wall_slurm - wall_local) * slots / n
    print(f"points {n}, Slurm slots {slots}, local pool {a.jobs}, "
          f"{'full' if a.full else 'quick'} settings, load {os.getloadavg()[0]:.2f}")
    print(f"local: wall {wall_local:.2f} s, tasks' own time {own_local:.2f} s "
          f"({own_local / n:.3f} s per task)")
    print(f"slurm: wall {wall_slurm:.2f} s, tasks' own time {own_slurm:.2f} s "
          f"({own_slurm / n:.3f} s per task)")
    print(f"slurm / local wall: {wall_slurm / wall_local:.2f}x")
    print(f"per-task Slurm overhead: {overhead:.3f} s "
          f"(= (wall_slurm - wall_local) * {slots} / {n})")
    print(f"sweep start to first task start on Slurm: {first_start:.2f} s")
    print(f"mean idle time of a slot between two tasks: {gaps:.2f} s")
    print(f"inputs crossed: {inputs} bytes once; each run wrote {per_run:.0f} bytes")
    print(f"metrics equal on both backends: {equal}")


if __name__ == "__main__":
    main()
