#!/usr/bin/env bash
# Benchmark: our Parquet writer/reader vs DuckDB's on N rows of the all_messages shape.
# Usage: bench/parquet/run.sh [ROWS] [CODEC]   (defaults: 1000000 snappy)
# Needs: dotnet SDK, node, and `npm ci --prefix tests/oracles` (for @duckdb/node-api).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
CODEC=${2:-snappy}
WORK=bench/.work
mkdir -p "$WORK"
dotnet build -c Release bench/Persona.Parquet.Bench -v quiet -nologo >/dev/null
BIN=bench/Persona.Parquet.Bench/bin/Release/net10.0/Persona.Parquet.Bench
export ORACLES_DIR="$PWD/tests/oracles"

echo "# $ROWS rows, codec $CODEC, $(nproc) cores"
"$BIN" gen "$ROWS"
"$BIN" write "$ROWS" "$WORK/ours.parquet" "$CODEC"
"$BIN" read "$WORK/ours.parquet"
node bench/parquet/duckdb-bench.mjs "$WORK/ours.parquet" "$WORK/duck.parquet" "$CODEC" 1
node bench/parquet/duckdb-bench.mjs "$WORK/ours.parquet" "$WORK/duck.parquet" "$CODEC" "$(nproc)"
echo "# ours reading DuckDB's file:"
"$BIN" read "$WORK/duck.parquet"
