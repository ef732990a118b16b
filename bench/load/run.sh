#!/usr/bin/env bash
# Every token path of Gatepass beside a bare Vert.x server answering the same shapes, in one run, on one core each.
# Gatepass (embedded H2 store, default heap) and the bare servers are pinned to CPU 0; the load generator (wrk with
# the SigV4 signer in sigv4.lua, or WebSocketLoad.java) to CPU 1, 64 connections. Each target gets a warm-up, then a
# measured run, against the bare server and then against Gatepass. Prints req/s, p50/p99/p99.9, non-200 answers,
# each server's CPU time per request (from /proc: the ratio that survives a shared machine), the ratio to the bare
# server, and Gatepass's RSS. Any non-200 answer fails the run (exit 1).
#
# Usage: bench/load/run.sh [-d SECONDS] [-c CONNECTIONS] [TARGET...]
#   -d   seconds of warm-up and of measurement for each target (default 10)
#   GATEPASS_DIST=DIR  measure the distribution in DIR instead of this checkout's (built if needed)
#   GATEPASS_JAVA_OPTS  extra JVM options for the Gatepass server (e.g. a JFR recording)
#   GATEPASS_LAUNCHER=1  start the server with ./gatepass serve (the launcher's JVM options) instead of java -jar; with
#                        GATEPASS_DIST, the launcher three directories above that distribution (copy a build as
#                        <dir>/gatepass + <dir>/gatepass-cli/target/dist, keeping the file times: cp -a)
#   GATEPASS_THREADS=1  also print, for each Gatepass run, the CPU of its threads in the warm-up and in the measured
#                       window, by thread name (numbers folded: "C2 CompilerThre", "vert.x-eventloop-thread-"), to see
#                       what besides the request threads (JIT, GC, audit, timers) took the core; the CPU of threads
#                       that ended meanwhile (the JVM stops idle compiler threads) is on a line of its own, "ended: …"
#   GATEPASS_TIMELINE=1  also print, for every warm-up and measured run, the answers per second, and per 100 ms over
#                        its first 2 s: when in a run a server answered slowly (a JIT still compiling, a transient)
#   GATEPASS_WARMUP_RECONNECT=1  the warm-up is two halves, each on its own 64 connections: the server has seen
#                        connections close before the measured run, as a server in service always has (the first
#                        close of a JVM's life costs a transient of its own: docs/benchmarks.md, tenth pass)
#   TARGET: compute authtoken sts npm websocket (default: all). Needs wrk (LuaJIT), libcrypto, /usr/bin/aws, npm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/load"
. "$here/gatepass.sh"
secs=10 conns=64
while getopts "d:c:" opt; do
  case "$opt" in d) secs="$OPTARG" ;; c) conns="$OPTARG" ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(compute authtoken sts npm websocket)
aws_cli=/usr/bin/aws; [ -x "$aws_cli" ] || aws_cli=aws
tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

# GATEPASS_DIST: another build's distribution directory (e.g. one built from an earlier commit), for before/after
if [ -n "${GATEPASS_DIST:-}" ]; then dist="$GATEPASS_DIST"; else
  "$root/gatepass" --version >/dev/null 2>&1 || true      # builds the distribution if needed
  dist="$root/gatepass-cli/target/dist"
fi
lib="$dist/lib"
jar="$dist/gatepass.jar"

if [ "${GATEPASS_LAUNCHER:-0}" = 1 ]; then   # as `./gatepass serve` runs it (its JVM options and CDS archive)
  # The launcher finds its distribution at <its directory>/gatepass-cli/target/dist, so another build's is run by the
  # launcher beside it: GATEPASS_DIST must then be (or link to) <checkout>/gatepass-cli/target/dist with <checkout>/gatepass
  launcher="$root/gatepass"
  if [ -n "${GATEPASS_DIST:-}" ]; then
    launcher="$(cd -P "$dist/../../.." && pwd)/gatepass"
    [ -x "$launcher" ] || { echo "GATEPASS_LAUNCHER=1 with GATEPASS_DIST: no launcher at $launcher" \
      "(copy the build as <dir>/gatepass + <dir>/gatepass-cli/target/dist)" >&2; exit 2; }
  fi
  taskset -c 0 "$launcher" serve --port 0 --tls-port off --data-dir "$tmp/data" \
    >"$tmp/serve.out" 2>"$tmp/serve.err" &
else
  taskset -c 0 java ${GATEPASS_JAVA_OPTS:-} -jar "$jar" serve --port 0 --tls-port off --data-dir "$tmp/data" \
    >"$tmp/serve.out" 2>"$tmp/serve.err" &
fi
gp_pid=$!; pids+=("$gp_pid")
await_gatepass "$gp_pid"
gp_host="${endpoint#http://}"

bare_port=$(( 20000 + RANDOM % 20000 ))
taskset -c 0 java -Dlogback.configurationFile="$here/logback-bench.xml" -cp "$lib/*" "$here/BareApiServer.java" "$bare_port" >"$tmp/bare.out" 2>&1 &
bare_pid=$!; pids+=("$bare_pid")
until grep -q "bare server ready" "$tmp/bare.out" 2>/dev/null; do sleep 0.1; done
bare_host="127.0.0.1:$bare_port"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system CPU of a process, in clock ticks
# CPU of the threads that serve requests (Vert.x event loops and workers), without the JIT compiler's and the GC's:
# on a shared machine the JIT is still compiling after a short warm-up and would blur the per-request figure
loop_ticks() { cat /proc/"$1"/task/*/stat 2>/dev/null | awk '$2 ~ /^\(vert\.x-/ {t += $14 + $15} END {print t + 0}'; }
# "0 process ticks" (the whole process, threads that have ended included), then "tid name ticks" for every thread,
# numbers in names folded so that threads of one kind add up when reported
thread_ticks() {
  echo "0 process $(cpu_ticks "$1")"
  for f in /proc/"$1"/task/*/stat; do cat "$f" 2>/dev/null; done | awk '
    { match($0, /\(([^)]*)\)/); name = substr($0, RSTART + 1, RLENGTH - 2); gsub(/[0-9]+/, "", name); gsub(/ /, "_", name)
      split(substr($0, RSTART + RLENGTH + 1), a, " "); print $1, name, a[12] + a[13] }'
}
# before-file after-file requests [unit] → the threads' CPU per request by kind, largest first, on stderr. A thread
# that ended between the two (the JVM stops a compiler thread that has been idle a while, and starts one again when
# work comes) is missing from the second: what the process used beyond the threads still there is reported as
# "ended: <their kinds>"
threads_report() {
  awk -v n="$3" -v unit="${4:-us/r}" -v hz="$(getconf CLK_TCK)" '
    NR == FNR { if ($1 == 0) p0 = $3; else { b[$1] = $3; bn[$1] = $2 }; next }
    $1 == 0 { p1 = $3; next }
    { d[$2] += $3 - b[$1]; seen[$1] = 1; live += $3 - b[$1] }
    END { for (t in b) if (!(t in seen)) ended[bn[t]] = 1
          for (k in ended) gone = gone " " k
          if (gone != "") d["ended:" gone] += p1 - p0 - live
          for (k in d) if (d[k] > 0 && n > 0) printf "%d\t    %-28s %7.2f %s\n", d[k], k, d[k] * 1e6 / hz / n, unit }' \
    "$1" "$2" | sort -rn | cut -f2- | head -12 >&2
}
rss_mb() { awk -v f="$2" '$1 == f":" {printf "%d", $2/1024}' "/proc/$1/status"; }
# wrk against URL on server PID, signing for HOST with TARGET ARGS...  → "rps p50 p99 p999 errors cpu-us/req"
wrk_run() {
  local url="$1" pid="$2"; shift 2
  wrk_warm "$pid" -s "$here/sigv4.lua" "$url" -- "$@"
  wrk_measure "$url" "$pid" -s "$here/sigv4.lua" "$url" -- "$@"
}
server_name() { if [ "$1" = "$gp_pid" ]; then echo gatepass; else echo bare; fi; }
threads_wanted() { [ "${GATEPASS_THREADS:-0}" = 1 ] && [ "$1" = "$gp_pid" ]; }   # pid: report its threads' CPU?
wrk_warm() { # pid wrk-args...: the warm-up, in two halves on fresh connections with GATEPASS_WARMUP_RECONNECT=1
  local pid="$1" half; shift
  if threads_wanted "$pid"; then thread_ticks "$pid" >"$tmp/threads.before"; fi
  if [ "${GATEPASS_WARMUP_RECONNECT:-0}" = 1 ]; then
    half=$(( (secs + 1) / 2 ))
    warm_part "$pid" "$half" "warm-up, first half" "$@"
    warm_part "$pid" "$(( secs - half ))" "warm-up, second half" "$@"
  else
    warm_part "$pid" "$secs" "warm-up" "$@"
  fi
  if threads_wanted "$pid"; then
    thread_ticks "$pid" >"$tmp/threads.after"
    echo "  Gatepass threads in the warm-up, seconds of CPU:" >&2
    threads_report "$tmp/threads.before" "$tmp/threads.after" 1000000 s
  fi
}
warm_part() { # pid seconds label wrk-args...: one wrk run of the warm-up, on its own connections
  local pid="$1" seconds="$2" label="$3"; shift 3
  taskset -c 1 wrk -t1 -c"$conns" -d"${seconds}s" "$@" >"$tmp/warm.out"
  timeline_report "$(server_name "$pid") $label" "$tmp/warm.out"
}
timeline_report() { # label wrk-output: answers per second (thousands), and per 100 ms over the first 2 s
  [ "${GATEPASS_TIMELINE:-0}" = 1 ] || return 0
  awk -v label="$1" '/^timeline/ {
      line = ""; for (i = 2; i <= NF; i++) { s[int((i - 2) / 10)] += $i; n = int((i - 2) / 10) }
      for (j = 0; j <= n; j++) line = line sprintf(" %.1f", s[j] / 1000)
      first = ""; for (i = 2; i <= NF && i <= 21; i++) first = first sprintf(" %.0f", $i / 100)
      printf "  %s, k answers/s by second:%s\n    the first 2 s by 100 ms:%s\n", label, line, first }' "$2" >&2
}
wrk_measure() {
  local url="$1" pid="$2" before after lbefore lafter; shift 2
  threads_wanted "$pid" && thread_ticks "$pid" >"$tmp/threads.before" \
    && echo "  measured window from $(date -u +%H:%M:%S.%3N)" >&2
  before="$(cpu_ticks "$pid")"; lbefore="$(loop_ticks "$pid")"
  taskset -c 1 wrk -t1 -c"$conns" -d"${secs}s" "$@" >"$tmp/wrk.out"
  after="$(cpu_ticks "$pid")"; lafter="$(loop_ticks "$pid")"
  timeline_report "$(server_name "$pid") measured" "$tmp/wrk.out"
  if threads_wanted "$pid"; then
    thread_ticks "$pid" >"$tmp/threads.after"
    echo "  Gatepass threads, measured window to $(date -u +%H:%M:%S.%3N) ($url):" >&2
    threads_report "$tmp/threads.before" "$tmp/threads.after" "$(awk '/ requests in / {print $1}' "$tmp/wrk.out")"
  fi
  grep -q '^first failure' "$tmp/wrk.out" && sed -n 's/^first failure: /  first non-200: /p' "$tmp/wrk.out" >&2
  awk -v ticks="$((after - before))" -v lticks="$((lafter - lbefore))" -v hz="$(getconf CLK_TCK)" \
      '/Requests\/sec/ {rps=$2} /^latency_us/ {p50=$3; p99=$5; p999=$7} / requests in / {n=$1}
       /^non200/ {err+=$2} /Non-2xx/ {err+=$NF} /Socket errors/ {err+=1}
       END {printf "%.0f %.2f %.2f %.2f %d %.1f %.1f\n", rps, p50/1000, p99/1000, p999/1000, err,
            n ? ticks * 1e6 / hz / n : 0, n ? lticks * 1e6 / hz / n : 0}' \
      "$tmp/wrk.out"
}
ws_run() { # host:port pid query → same fields
  local hp="$1" pid="$2" query="$3" before after lbefore lafter
  taskset -c 1 java -Dlogback.configurationFile="$here/logback-bench.xml" -cp "$lib/*" "$here/WebSocketLoad.java" "${hp%:*}" "${hp#*:}" "$query" "$conns" "$secs" "$secs" \
    2>&1 | while IFS= read -r line; do   # the CPU count starts when the generator says the warm-up is over
      case "$line" in
        measuring) cpu_ticks "$pid" >"$tmp/ws.before"; loop_ticks "$pid" >"$tmp/ws.lbefore" ;;
        rps*|first\ error*) echo "$line" ;;
      esac
    done >"$tmp/ws.out"
  after="$(cpu_ticks "$pid")"; before="$(cat "$tmp/ws.before")"
  lafter="$(loop_ticks "$pid")"; lbefore="$(cat "$tmp/ws.lbefore")"
  grep -q '^first error' "$tmp/ws.out" && sed 's/^/  /' "$tmp/ws.out" | grep 'first error' >&2
  awk -v ticks="$((after - before))" -v lticks="$((lafter - lbefore))" -v hz="$(getconf CLK_TCK)" -v secs="$secs" \
      '/^rps/ {n = $2 * secs; printf "%.0f %.2f %.2f %.2f %d %.1f %.1f\n", $2, $4/1000, $6/1000, $8/1000, $10,
               n ? ticks * 1e6 / hz / n : 0, n ? lticks * 1e6 / hz / n : 0}' "$tmp/ws.out"
}

rows=()
failed=0
row='%-30s %8s %7s %7s %7s %6s %8s %8s %6s %6s %6s'
report() { # name bare-fields gatepass-fields
  local name="$1"; read -r br bp50 bp99 bp999 berr bcpu bloop <<<"$2"; read -r gr gp50 gp99 gp999 gerr gcpu gloop <<<"$3"
  rows+=("$(printf "$row" "bare: $name" "$br" "$bp50" "$bp99" "$bp999" "$berr" "$bcpu" "$bloop" 1.00 1.00 1.00)")
  rows+=("$(printf "$row" "gatepass: $name" "$gr" "$gp50" "$gp99" "$gp999" "$gerr" "$gcpu" "$gloop" \
    "$(awk -v a="$gr" -v b="$br" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')" \
    "$(awk -v a="$gcpu" -v b="$bcpu" 'BEGIN {printf "%.2f", (a > 0) ? b / a : 0}')" \
    "$(awk -v a="$gloop" -v b="$bloop" 'BEGIN {printf "%.2f", (a > 0) ? b / a : 0}')")")
  echo "${rows[-2]}" >&2
  [ "$berr" -eq 0 ] && [ "$gerr" -eq 0 ] && [ "$gr" != 0 ] || failed=1
  echo "${rows[-1]}" >&2
}

for target in "${targets[@]}"; do
  case "$target" in
    compute)
      bench_fleet   # sets fleet and computes (bench/load/gatepass.sh)
      report "GetComputeAuthToken (16)" \
        "$(wrk_run "http://$bare_host/" "$bare_pid" compute "$bare_host" "$key" "$secret" "$region" "$fleet" "${computes[@]}")" \
        "$(wrk_run "$endpoint/" "$gp_pid" compute "$gp_host" "$key" "$secret" "$region" "$fleet" "${computes[@]}")" ;;
    authtoken)
      aws_ codeartifact create-domain --domain bench >/dev/null 2>&1 || true
      report "GetAuthorizationToken (900s)" \
        "$(wrk_run "http://$bare_host/v1/authorization-token?domain=bench&duration=900" "$bare_pid" authtoken "$bare_host" "$key" "$secret" "$region" bench 900)" \
        "$(wrk_run "$endpoint/v1/authorization-token?domain=bench&duration=900" "$gp_pid" authtoken "$gp_host" "$key" "$secret" "$region" bench 900)" ;;
    sts)
      report "STS GetCallerIdentity" \
        "$(wrk_run "http://$bare_host/" "$bare_pid" sts "$bare_host" "$key" "$secret" "$region")" \
        "$(wrk_run "$endpoint/" "$gp_pid" sts "$gp_host" "$key" "$secret" "$region")" ;;
    npm)
      aws_ codeartifact create-domain --domain bench >/dev/null 2>&1 || true
      aws_ codeartifact create-repository --domain bench --repository libs >/dev/null
      registry="$(aws_ codeartifact get-repository-endpoint --domain bench --repository libs --format npm \
        --query repositoryEndpoint --output text)"
      token="$(aws_ codeartifact get-authorization-token --domain bench --query authorizationToken --output text)"
      mkdir -p "$tmp/pkg"
      (cd "$tmp/pkg"
       printf '{"name":"bench-pkg","version":"1.0.0","description":"benchmark package"}\n' > package.json
       printf 'module.exports = 42;\n' > index.js
       export NPM_CONFIG_USERCONFIG="$tmp/npmrc"
       npm config set registry "$registry" >/dev/null
       npm config set "${registry#http:}:_authToken" "$token" >/dev/null
       npm publish --silent >/dev/null
       for i in $(seq 1 19); do npm version --no-git-tag-version "1.0.$i" >/dev/null && npm publish --silent >/dev/null; done)
      curl -sf -H "Authorization: Bearer $token" -H 'Accept: application/vnd.npm.install-v1+json' \
        "${registry}bench-pkg" -o "$tmp/packument.json"
      npm_port=$(( bare_port + 1 ))
      taskset -c 0 java -Dlogback.configurationFile="$here/logback-bench.xml" -cp "$lib/*" "$here/BareServer.java" "$npm_port" "$tmp/packument.json" \
        application/vnd.npm.install-v1+json >"$tmp/bare-npm.out" 2>&1 &
      npm_pid=$!; pids+=("$npm_pid")
      until grep -q "bare server ready" "$tmp/bare-npm.out" 2>/dev/null; do sleep 0.1; done
      npm_args=(-s "$here/sigv4.lua" -H "Authorization: Bearer $token" -H 'Accept: application/vnd.npm.install-v1+json')
      npm_run() {
        wrk_warm "$2" "${npm_args[@]}" "$1" -- none
        wrk_measure "$1" "$2" "${npm_args[@]}" "$1" -- none
      }
      report "npm packument GET (Bearer)" "$(npm_run "http://127.0.0.1:$npm_port/bench-pkg" "$npm_pid")" \
        "$(npm_run "${registry}bench-pkg" "$gp_pid")" ;;
    websocket)
      if [ -z "${fleet:-}" ]; then
        aws_ gamelift create-location --location-name custom-ws >/dev/null
        fleet="$(aws_ gamelift create-fleet --name ws --compute-type ANYWHERE --locations Location=custom-ws \
          --query FleetAttributes.FleetId --output text)"
        aws_ gamelift register-compute --fleet-id "$fleet" --compute-name compute-00 --ip-address 10.0.0.1 \
          --location custom-ws >/dev/null
      fi
      ctoken="$(aws_ gamelift get-compute-auth-token --fleet-id "$fleet" --compute-name compute-00 \
        --query AuthToken --output text)"
      query="Authorization=$ctoken&ComputeId=compute-00&FleetId=$fleet&IdempotencyToken=bench&sdkLanguage=Cpp&sdkVersion=5.4.0"
      report "SDK websocket + 1 message" "$(ws_run "$bare_host" "$bare_pid" "$query")" \
        "$(ws_run "$gp_host" "$gp_pid" "$query")" ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
done

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(free -m | awk '/Mem:/ {print $2 " MB"}');" \
  "$(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "servers pinned to CPU 0, load generator to CPU 1, $conns connections, ${secs}s warm-up + ${secs}s measured per target;" \
  "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
printf "$row\n" target req/s p50-ms p99-ms p999-ms non200 cpu-us/r loop-us/r ratio cpu-r loop-r
printf '%s\n' "${rows[@]}"
echo "gatepass RSS: $(rss_mb "$gp_pid" VmRSS) MB now, $(rss_mb "$gp_pid" VmHWM) MB peak; bare $(rss_mb "$bare_pid" VmRSS) MB" \
  "(ratio: Gatepass req/s over bare's; cpu-r: bare's process CPU per request over Gatepass's; loop-r: the same for" \
  "the request threads alone, without JIT and GC)"
[ "$failed" -eq 0 ] || { echo "non-200 answers or no answers: the run failed" >&2; exit 1; }
