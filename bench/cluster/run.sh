#!/usr/bin/env bash
# Categorize + cluster N generated messages (k search 3..6) with Persona, then scikit-learn's
# TF-IDF + KMeans (k = 3..6, n_init=10) on the same messages, one after the other.
# usage: bench/cluster/run.sh [messages=10000] [repeats=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-10000}"
repeats="${2:-3}"
work="$root/bench/.work/cluster"
mkdir -p "$work"
dotnet build -c Release "$root/bench/cluster/ClusterBench.csproj" -v q -nologo >/dev/null
bench="$root/bench/cluster/bin/Release/net10.0/ClusterBench.dll"
export="$work/conversations-$n.json"
[ -f "$export" ] || dotnet "$bench" "$n" "$export" 5 >/dev/null
ref="$root/../shared/baselines/sklearn_cluster_ref.py"
# wall and CPU (user + sys) seconds of the whole process, from bash's time
seconds() { local TIMEFORMAT="%R wall, %U user + %S sys"; { time "$@" > "$work/last.json"; } 2>&1; }
for r in $(seq 1 "$repeats"); do
  ours=$(seconds dotnet "$bench" "$n" - 5); echo "persona  run $r: $ours; $(cat "$work/last.json")"
  theirs=$(seconds /usr/bin/python3 "$ref" --export "$export" --n-docs "$n" --ks 3,4,5,6); echo "sklearn  run $r: $theirs; $(cat "$work/last.json")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
