#!/usr/bin/env bash
# persona import vs. CPython json.load + active-thread walk (../shared/baselines/json_parse_ref.py) on the
# same ~110 MB ChatGPT-shaped export (../shared/baselines/gen_export.py, seed 42), one after the other,
# each timed by /usr/bin/time -v. Two builds of the CLI are timed: the framework-dependent ready-to-run
# publish (what we ship; runtime settings from Persona.Cli.csproj), and a self-contained composite
# ready-to-run publish (framework and app compiled together, so the generic instantiations the
# framework-dependent build still JIT-compiles are precompiled; faster, more memory).
# Usage: bench/import/run.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
work=bench/.work
baselines=../shared/baselines
mkdir -p "$work"

if [ ! -f "$work/conversations.json" ]; then
  python3 "$baselines/gen_export.py" --out "$work/conversations.json" --seed 42
fi

# Both publishes compile into the same intermediate folder, and an incremental publish would reuse the
# other kind's ready-to-run images (a framework-dependent build with composite images aborts at start-up):
# remove them before each publish.
r2r=src/Persona.Cli/obj/Release/net10.0/linux-x64/R2R
# Ready-to-run (precompiled) CLI: a one-shot command spends much of a short run in the JIT otherwise.
rm -rf "$r2r"
dotnet publish src/Persona.Cli -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$work/persona-r2r" > "$work/publish.log"
# Composite needs self-contained; UseAppHost=true overrides Persona.Notebooks' framework-dependent setting.
rm -rf "$r2r"
dotnet publish src/Persona.Cli -c Release -r linux-x64 --self-contained true -p:UseAppHost=true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$work/persona-composite" > "$work/publish-composite.log"
rm -rf "$r2r"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

for i in $(seq 1 "$runs"); do
  rm -rf "$work/out"
  /usr/bin/time -v "$work/persona-r2r/persona" import "$work/conversations.json" --out "$work/out" \
    > "$work/persona-$i.stdout" 2> "$work/persona-$i.time"
  rm -rf "$work/out"
  /usr/bin/time -v "$work/persona-composite/persona" import "$work/conversations.json" --out "$work/out" \
    > "$work/composite-$i.stdout" 2> "$work/composite-$i.time"
  /usr/bin/time -v python3 "$baselines/json_parse_ref.py" "$work/conversations.json" --iters 1 \
    > "$work/python-$i.json" 2> "$work/python-$i.time"
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$work" "$runs" "$load_before" "$load_after" <<'PY'
import re, statistics, sys, os
work, runs = sys.argv[1], int(sys.argv[2])
print(f"load average (1/5/15 min): before {sys.argv[3]}, after {sys.argv[4]}")
def parse(path):
    text = open(path).read()
    wall = text.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split("\n")[0]
    parts = [float(p) for p in wall.split(":")]
    secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return secs, user + sys_, rss
size = os.path.getsize(os.path.join(work, "conversations.json")) / 1e6
rows = {}
for tool in ("persona", "composite", "python"):
    m = [parse(os.path.join(work, f"{tool}-{i}.time")) for i in range(1, runs + 1)]
    rows[tool] = [statistics.median(x[k] for x in m) for k in range(3)]
print(f"input: {size:.1f} MB, {runs} runs, medians")
print(f"{'tool':<11}{'wall s':>9}{'cpu s':>9}{'peak RSS MiB':>14}")
for tool, (wall, cpu, rss) in rows.items():
    print(f"{tool:<11}{wall:>9.2f}{cpu:>9.2f}{rss:>14.0f}")
b = rows["python"]
for tool in ("persona", "composite"):
    p = rows[tool]
    print(f"{tool}: speed-up (wall) {b[0] / p[0]:.2f}x   speed-up (cpu) {b[1] / p[1]:.2f}x   peak RSS / file size {p[2] * 1.048576 / size:.2f}")
PY
