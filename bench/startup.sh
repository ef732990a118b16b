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

# The server's standard output goes to a pipe that this script reads line by line: it waits for the ready line
# without running anything meanwhile. (Polling the output file with `grep` and `sleep` every 5 ms, as this script did
# until issue 12's seventh pass, started two processes per poll, which took CPU from the starting JVM on a 2-core
# machine and so lengthened what it measured; docs/benchmarks.md.)
start_once() { # prints ms to ready
  local fifo="$data/stdout" line seen="" ready=0
  rm -f "$fifo"; mkfifo "$fifo"
  local t0; t0=$(date +%s%N)
  java "${serve_opts[@]}" "${cds[@]}" ${GATEPASS_JAVA_OPTS:-} -jar "$jar" serve --port 0 --tls-port 0 --data-dir "$data/d" >"$fifo" 2>/dev/null &
  local pid=$!
  exec 3<"$fifo"
  while IFS= read -r line <&3; do
    case "$line" in "Gatepass ready"*) ready=1; break ;; esac
    seen+="$line"$'\n'
  done
  local t1; t1=$(date +%s%N)
  if [ "$ready" != 1 ]; then
    echo "server died" >&2; printf '%s' "$seen" >&2; exec 3<&-; exit 1
  fi
  kill -TERM "$pid"; cat <&3 >/dev/null; wait "$pid" || true
  exec 3<&-; rm -f "$fifo"
  echo $(( (t1 - t0) / 1000000 ))
}

first=$(start_once)
echo "first start (empty data dir): ${first} ms"
times=()
for _ in $(seq 1 "$runs"); do times+=("$(start_once)"); done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "restart, ${runs} runs: min ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms, max ${sorted[$((runs - 1))]} ms"
