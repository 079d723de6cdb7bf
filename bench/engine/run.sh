#!/usr/bin/env bash
# Prefill and decode throughput of the managed engine next to PyTorch CPU on the same shapes, in one command.
# Usage (from the repository root, with the shared data beside it as ../shared):
#   bench/engine/run.sh [THREADS] [STEPS]
# Needs: apt-get install -y python3-torch python3-numpy libopenblas0-openmp
set -euo pipefail
cd "$(dirname "$0")/../.."
THREADS=${1:-2}
STEPS=${2:-3}
OUT=bench/.work/engine-$(date +%Y%m%d-%H%M%S).jsonl
mkdir -p bench/.work
dotnet build -c Release bench/engine -nologo -v q >/dev/null

# The fair PyTorch set-up (see the baselines note): OpenMP OpenBLAS with its AVX-512 kernels forced.
export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OPENBLAS_CORETYPE=SkylakeX
TORCH=../shared/baselines/torch_lora_ref.py
declare -A SHAPE=(
  [stories260k]="--preset tiny --hidden 64 --layers 5 --heads 8 --kv-heads 4 --inter 172 --vocab 512 --tied yes"
  [smol135]="--preset smol135"
)
for preset in stories260k smol135; do
  DOTNET_PROCESSOR_COUNT=$THREADS dotnet bench/engine/bin/Release/net10.0/EngineBench.dll --preset "$preset" --seq 256 --decode-tokens 32 --warmup 1 --steps "$STEPS" | tee -a "$OUT"
  for mode in infer decode; do
    # shellcheck disable=SC2086
    /usr/bin/python3 "$TORCH" ${SHAPE[$preset]} --mode $mode --seq 256 --decode-tokens 32 --threads "$THREADS" --warmup 1 --steps "$STEPS" \
      | python3 -c "import json,sys; d=json.loads(sys.stdin.read()); d['engine']='torch'; d['bench_preset']='$preset'; print(json.dumps(d))" | tee -a "$OUT"
  done
done

# PyTorch's SGEMM (OpenBLAS) on the same product shape as EngineBench's matmul_gflops, same threads.
/usr/bin/python3 - "$THREADS" <<'PY' | tee -a "$OUT"
import json, sys, time, torch
torch.set_num_threads(int(sys.argv[1]))
x, w = torch.rand(256, 576), torch.rand(1536, 576)
times = []
for i in range(9):
    t0 = time.perf_counter(); torch.mm(x, w.t()); times.append(time.perf_counter() - t0)
s = sorted(times[2:])[len(times[2:]) // 2]
print(json.dumps({"engine": "torch-sgemm", "mode": "sgemm", "sgemm_gflops": round(2 * 256 * 576 * 1536 / s / 1e9, 1)}))
PY

python3 - "$OUT" "$THREADS" <<'PY'
import json, os, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(f"\nthreads={sys.argv[2]}  load average={os.getloadavg()[0]:.1f}")
print("| shape | engine | prefill tok/s (seq 256) | decode tok/s (KV cache) | decode by recomputing tok/s |")
print("|---|---|---:|---:|---:|")
for preset in ("stories260k", "smol135"):
    ours = next(r for r in rows if r.get("engine") == "persona" and r["preset"] == preset)
    torch = {r["mode"]: r for r in rows if r.get("engine") == "torch" and r["bench_preset"] == preset}
    print(f"| {preset} | persona (C#) | {ours['prefill_tokens_per_s']} | {ours['decode_tokens_per_s']} | {ours['recompute_decode_tokens_per_s']} |")
    print(f"| {preset} | PyTorch {torch['infer']['torch']} + OpenBLAS | {torch['infer']['tokens_per_s']} | {torch['decode']['tokens_per_s']} | |")
    print(f"prefill ratio persona/torch {preset}: {ours['prefill_tokens_per_s'] / torch['infer']['tokens_per_s']:.2f}", file=sys.stderr)
ours = next(r for r in rows if r.get("engine") == "persona" and "matmul_gflops" in r)
sgemm = next(r for r in rows if r.get("mode") == "sgemm")
print(f"\nmatrix product (256×576)·(1536×576)ᵀ: persona {ours['matmul_gflops']} GFLOP/s, PyTorch SGEMM {sgemm['sgemm_gflops']} GFLOP/s")
PY
