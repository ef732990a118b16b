#!/usr/bin/env bash
# Measures `gatepass serve` start-up: milliseconds from process start to the "Gatepass ready" line, on the embedded
# store, for the first start (empty data dir: migrations + bootstrap) and for restarts (existing data dir).
# Usage: bench/startup.sh [RUNS]   (builds the distribution first via ./gatepass if needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
"$root/gatepass" --version >/dev/null
jar="$root/gatepass-cli/target/dist/gatepass.jar"
jsa="$root/gatepass-cli/target/dist/gatepass.jsa"
# Like the launcher's `serve`: its JVM options (serve_opts, read from ./gatepass so the two never differ) and the
# class-data-sharing archive it records (unless NO_CDS=1), with the jar's absolute path (the archive records the class
# path it was made with; another spelling of it is a mismatch and the archive is silently not used).
eval "$(grep '^serve_opts=' "$root/gatepass")"
eval "$(sed -n '/^jit_opts() {/,/^}/p;/^java_version() {/,/^}/p' "$root/gatepass")"   # and its JIT options on 1-3 CPUs
opts=(); jit_opts; serve_opts+=("${opts[@]}")
cds=()
[ -f "$jsa" ] && [ "${NO_CDS:-0}" != 1 ] && cds=(-XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
data="$(mktemp -d)"; trap 'rm -rf "$data"' EXIT

start_once() { # prints ms to ready
  local out; out="$(mktemp)"
  local t0; t0=$(date +%s%N)
  java "${serve_opts[@]}" "${cds[@]}" ${GATEPASS_JAVA_OPTS:-} -jar "$jar" serve --port 0 --tls-port 0 --data-dir "$data/d" >"$out" 2>/dev/null &
  local pid=$!
  until grep -q "Gatepass ready" "$out" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "server died" >&2; cat "$out" >&2; exit 1; }
    sleep 0.005
  done
  local t1; t1=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" || true
  rm -f "$out"
  echo $(( (t1 - t0) / 1000000 ))
}

first=$(start_once)
echo "first start (empty data dir): ${first} ms"
times=()
for _ in $(seq 1 "$runs"); do times+=("$(start_once)"); done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "restart, ${runs} runs: min ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms, max ${sorted[$((runs - 1))]} ms"
