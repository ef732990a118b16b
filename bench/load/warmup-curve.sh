#!/usr/bin/env bash
# The JIT warm-up of one Gatepass server, as the load generator sees it burst by burst: TARGETs in sequence, each as
# BURSTS wrk runs of SECS seconds (64 connections, server on CPU 0, wrk on CPU 1, as bench/load/run.sh), and after
# each burst the server's CPU per request (whole process and request threads) beside the cumulative CPU of the whole
# process and of its C2 and C1 compiler threads (from /proc). Compare two builds or two JVM option sets by the request
# CPU at the same cumulative process CPU: on one core that is the time a dedicated core would have taken, so the curve
# survives a shared machine far better than req/s does (which only says how much of CPU 0 the server got).
#
# Usage: bench/load/warmup-curve.sh [-b BURSTS] [-s SECS] [TARGET...]      TARGET: compute authtoken sts (default compute)
#   GATEPASS_DIST, GATEPASS_JAVA_OPTS: as for bench/load/run.sh (the server always runs through the launcher)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/load"
. "$here/gatepass.sh"
bursts=10 secs=5
while getopts "b:s:" opt; do
  case "$opt" in b) bursts="$OPTARG" ;; s) secs="$OPTARG" ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(compute)
launcher="$root/gatepass"
if [ -n "${GATEPASS_DIST:-}" ]; then launcher="$(cd -P "$GATEPASS_DIST/../../.." && pwd)/gatepass"; fi
tmp="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
taskset -c 0 "$launcher" serve --port 0 --tls-port off --data-dir "$tmp/data" >"$tmp/serve.out" 2>"$tmp/serve.err" &
gp=$!; pids+=("$gp")
await_gatepass "$gp"
host="${endpoint#http://}"
aws_cli=/usr/bin/aws; [ -x "$aws_cli" ] || aws_cli=aws
# clock ticks of the request threads, the C2 and C1 compiler threads and the whole process
ticks() {
  for f in /proc/"$gp"/task/*/stat; do cat "$f" 2>/dev/null; done | awk '
    { match($0, /\(([^)]*)\)/); name = substr($0, RSTART + 1, RLENGTH - 2)
      split(substr($0, RSTART + RLENGTH + 1), a, " "); t = a[12] + a[13]; all += t
      if (name ~ /^vert\.x-/) loop += t; else if (name ~ /^C2 Compiler/) c2 += t; else if (name ~ /^C1 Compiler/) c1 += t }
    END { print loop + 0, c2 + 0, c1 + 0, all + 0 }'
}
hz="$(getconf CLK_TCK)"
echo "options: the launcher's ${GATEPASS_JAVA_OPTS:-}; cumulative figures count from the ready line (set-up calls included)"
printf "%-9s %5s %7s %8s %9s %9s %8s %8s\n" target burst req/s cpu-us/r loop-us/r cum-cpu-s cum-c2-s cum-c1-s
read -r _ c2_0 c1_0 all_0 <<<"$(ticks)"
for target in "${targets[@]}"; do
  case "$target" in
    compute)
      bench_fleet   # sets fleet and computes (bench/load/gatepass.sh)
      url="$endpoint/"; args=(compute "$host" "$key" "$secret" "$region" "$fleet" "${computes[@]}") ;;
    authtoken)
      aws_ codeartifact create-domain --domain bench >/dev/null 2>&1 || true
      url="$endpoint/v1/authorization-token?domain=bench&duration=900"
      args=(authtoken "$host" "$key" "$secret" "$region" bench 900) ;;
    sts) url="$endpoint/"; args=(sts "$host" "$key" "$secret" "$region") ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  for b in $(seq 1 "$bursts"); do
    read -r l1 _ _ a1 <<<"$(ticks)"
    taskset -c 1 wrk -t1 -c64 -d"${secs}s" -s "$here/sigv4.lua" "$url" -- "${args[@]}" >"$tmp/wrk.out"
    read -r l2 c2 c1 a2 <<<"$(ticks)"
    awk -v t="$target" -v b="$b" -v da="$((a2 - a1))" -v dl="$((l2 - l1))" -v ca="$((a2 - all_0))" \
        -v cc2="$((c2 - c2_0))" -v cc1="$((c1 - c1_0))" -v hz="$hz" '
      / requests in / {n = $1} /Requests\/sec/ {rps = $2} /^non200/ {err += $2} /Non-2xx/ {err += $NF}
      END { if (n == 0) n = 1
            printf "%-9s %5d %7.0f %8.1f %9.1f %9.2f %8.2f %8.2f%s\n", t, b, rps, da * 1e6 / hz / n, dl * 1e6 / hz / n,
                   ca / hz, cc2 / hz, cc1 / hz, (err > 0 ? "  non-200: " err : "") }' "$tmp/wrk.out"
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
