#!/usr/bin/env bash
# Load-robust start-up measure of `gatepass serve` on the embedded store: CPU time (user+sys, all threads, from
# /proc/<pid>/stat) the JVM has used when the "Gatepass ready" line appears, plus wall ms, for first starts (empty data
# dir) and restarts; then one run with -Xlog:class+load counting classes loaded and those from the CDS archive.
# Runs the JVM as the launcher does (its serve_opts, the recorded archive unless NO_CDS=1).
# Usage: bench/startup-cpu.sh [RUNS]   (CLASSES=0: skip the class-load run)
#          (the distribution and archive must be built: ./gatepass --version)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
jar="$root/gatepass-cli/target/dist/gatepass.jar"
jsa="$root/gatepass-cli/target/dist/gatepass.jsa"
eval "$(grep '^serve_opts=' "$root/gatepass")"   # the launcher's JVM options for serve
eval "$(sed -n '/^jit_opts() {/,/^}/p;/^java_version() {/,/^}/p' "$root/gatepass")"   # and its JIT options on 1-3 CPUs
opts=(); jit_opts; serve_opts+=("${opts[@]}")
cds=()
[ -f "$jsa" ] && [ "${NO_CDS:-0}" != 1 ] && cds=(-XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
tck=$(getconf CLK_TCK)
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# start_once DATA_DIR [extra JVM args...] -> "cpu_ms wall_ms"
# (the server's standard output is read from a pipe: nothing runs beside the JVM while it starts; see startup.sh)
start_once() {
  local data="$1"; shift
  local fifo="$tmp/stdout" line seen="" ready=0
  rm -f "$fifo"; mkfifo "$fifo"
  local t0; t0=$(date +%s%N)
  java "${serve_opts[@]}" "${cds[@]}" "$@" -jar "$jar" serve --port 0 --tls-port 0 --bind 127.0.0.1 \
    --data-dir "$data" >"$fifo" 2>/dev/null &
  local pid=$!
  exec 3<"$fifo"
  while IFS= read -r line <&3; do
    case "$line" in "Gatepass ready"*) ready=1; break ;; esac
    seen+="$line"$'\n'
  done
  if [ "$ready" != 1 ]; then
    echo "server died" >&2; printf '%s' "$seen" >&2; exec 3<&-; exit 1
  fi
  local stat; stat=$(cat /proc/$pid/stat)
  local t1; t1=$(date +%s%N)
  kill -TERM "$pid"; cat <&3 >/dev/null; wait "$pid" || true
  exec 3<&-; rm -f "$fifo"
  # fields after the ")" of the command name: utime is the 12th, stime the 13th
  local rest="${stat##*) }"; set -- $rest
  echo "$(( (${12} + ${13}) * 1000 / tck )) $(( (t1 - t0) / 1000000 ))"
}
summary() { # label values...
  local label="$1"; shift
  local s=($(printf '%s\n' "$@" | sort -n)); local n=${#s[@]}
  echo "$label: median ${s[$((n / 2))]}, min ${s[0]}, max ${s[$((n - 1))]} (n=$n)"
}
fc=(); fw=(); rc=(); rw=()
for i in $(seq 1 "$runs"); do
  read -r c w < <(start_once "$tmp/first$i"); fc+=("$c"); fw+=("$w")
  read -r c w < <(start_once "$tmp/first$i"); rc+=("$c"); rw+=("$w")
  rm -rf "$tmp/first$i"
done
echo "first start CPU ms: $(summary x "${fc[@]}" | cut -d' ' -f2-)"
echo "first start wall ms: $(summary x "${fw[@]}" | cut -d' ' -f2-)"
echo "restart CPU ms: $(summary x "${rc[@]}" | cut -d' ' -f2-)"
echo "restart wall ms: $(summary x "${rw[@]}" | cut -d' ' -f2-)"
[ "${CLASSES:-1}" = 1 ] || exit 0
start_once "$tmp/cl" -Xlog:class+load=info:file="$tmp/cl.log" >/dev/null
echo "first start classes loaded: $(grep -c 'source:' "$tmp/cl.log"), from the CDS archive: $(grep -c 'source: shared objects file' "$tmp/cl.log")"
