#!/usr/bin/env bash
# Wall time of one whole `codeartifact get-authorization-token` call, gatepass (through the ./gatepass launcher, as a
# user runs it) against aws CLI v2 (/usr/bin/aws), same server, same machine, alternating runs; prints medians.
# Usage: bench/cli-latency.sh [RUNS]   (default 15)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-15}"
aws_v2=/usr/bin/aws
tmp="$(mktemp -d)"
out="$tmp/serve.out"
"$root/gatepass" serve --port 0 --tls-port 0 --data-dir "$tmp/data" >"$out" 2>/dev/null &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
until grep -q "Gatepass ready" "$out" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "server died" >&2; exit 1; }
  sleep 0.05
done
endpoint="$(sed -n 's/^Gatepass ready at \([^ ]*\).*/\1/p' "$out")"
export AWS_SHARED_CREDENTIALS_FILE="$tmp/data/admin-credentials" AWS_CONFIG_FILE="$tmp/data/admin-config"
export AWS_PROFILE=gatepass AWS_PAGER=""
"$aws_v2" --endpoint-url "$endpoint" codeartifact create-domain --domain bench >/dev/null
call=(--endpoint-url "$endpoint" codeartifact get-authorization-token --domain bench --duration-seconds 900
      --query expiration --output text)
"$root/gatepass" "${call[@]}" >/dev/null   # builds and trains the archives if needed

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
g=(); a=()
for _ in $(seq 1 "$runs"); do
  g+=("$(ms "$root/gatepass" "${call[@]}")")
  a+=("$(ms "$aws_v2" "${call[@]}")")
done
gm=$(printf '%s\n' "${g[@]}" | median); am=$(printf '%s\n' "${a[@]}" | median)
echo "gatepass: median ${gm} ms over ${runs} runs (all: ${g[*]})"
echo "aws v2:   median ${am} ms over ${runs} runs (all: ${a[*]})"
awk -v g="$gm" -v a="$am" 'BEGIN {printf "gatepass / aws = %.2f\n", g / a}'
