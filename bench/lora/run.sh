#!/usr/bin/env bash
# LoRA training throughput of the managed trainer next to PyTorch CPU on the same shape, in one command.
# Usage (from anywhere, with the shared data beside the repository as ../shared):
#   bench/lora/run.sh [THREADS] [STEPS] [BATCHES]      e.g. bench/lora/run.sh 2 3 "1 4"
# Needs: apt-get install -y python3-torch python3-numpy libopenblas0-openmp
set -euo pipefail
cd "$(dirname "$0")/../.."
THREADS=${1:-2}
STEPS=${2:-3}
BATCHES=${3:-1 4}
OUT=bench/.work/lora-$(date +%Y%m%d-%H%M%S).jsonl
mkdir -p bench/.work
dotnet build -c Release bench/lora -nologo -v q >/dev/null

# The fair PyTorch set-up (see the baselines note): OpenMP OpenBLAS with its AVX-512 kernels forced.
TORCH=../shared/baselines/torch_lora_ref.py
for batch in $BATCHES; do
  DOTNET_PROCESSOR_COUNT=$THREADS dotnet bench/lora/bin/Release/net10.0/LoraBench.dll --batch "$batch" --seq 256 --warmup 1 --steps "$STEPS" | tee -a "$OUT"
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OPENBLAS_CORETYPE=SkylakeX \
    /usr/bin/python3 "$TORCH" --preset smol135 --batch "$batch" --mode train --seq 256 --threads "$THREADS" --warmup 1 --steps "$STEPS" \
    | python3 -c "import json,sys; d=json.loads(sys.stdin.read()); d['engine']='torch'; print(json.dumps(d))" | tee -a "$OUT"
done

python3 - "$OUT" "$THREADS" <<'PY'
import json, os, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(f"\nSmolLM2-135M shape, LoRA r=16 a=32 on q/v, seq 256, threads={sys.argv[2]}, load average={os.getloadavg()[0]:.1f}")
print("| batch | engine | train tok/s | median step s | peak RSS MiB | ratio persona/torch |")
print("|---:|---|---:|---:|---:|---:|")
for batch in sorted({r["batch"] for r in rows}):
    ours = next(r for r in rows if r["engine"] == "persona" and r["batch"] == batch)
    torch = next(r for r in rows if r["engine"] == "torch" and r["batch"] == batch)
    ratio = ours["tokens_per_s"] / torch["tokens_per_s"]
    print(f"| {batch} | persona (C#) | {ours['tokens_per_s']} | {ours['step_s_median']} | {ours['peak_rss_MiB']:.0f} | {ratio:.2f} |")
    print(f"| {batch} | PyTorch {torch['torch']} + OpenBLAS ({torch.get('OPENBLAS_CORETYPE')}) | {torch['tokens_per_s']} | {torch['step_s_median']} | {torch['peak_rss_MiB']:.0f} | |")
PY
