#!/usr/bin/env bash
# Authenticated npm package metadata GETs per second against Gatepass, beside a bare Vert.x server answering the same
# bytes, in one run. Each server is pinned to CPU 0, wrk (-t1 -c64) to CPU 1; 10 s warm-up, then 10 s measured.
# Besides req/s it reports each server's CPU time per request over the measured run (from /proc), whose ratio is
# what req/s's ratio would be on an otherwise idle core.
# Usage: bench/load/packages.sh [SECONDS]     needs wrk, npm, /usr/bin/aws (or aws on PATH) and a built distribution
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
secs="${1:-10}"
aws_cli=/usr/bin/aws; [ -x "$aws_cli" ] || aws_cli=aws
tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

"$root/gatepass" --version >/dev/null 2>&1 || true        # builds the distribution if needed
lib="$root/gatepass-cli/target/dist/lib"
jar="$root/gatepass-cli/target/dist/gatepass.jar"

taskset -c 0 java -Xmx512m -jar "$jar" serve --port 0 --tls-port off \
  --data-dir "$tmp/data" >"$tmp/serve.out" 2>/dev/null &
pids+=($!)
until grep -q "Gatepass ready" "$tmp/serve.out" 2>/dev/null; do sleep 0.1; done
endpoint="$(sed -n 's/^Gatepass ready at \([^ ]*\).*/\1/p' "$tmp/serve.out")"
export AWS_SHARED_CREDENTIALS_FILE="$tmp/data/admin-credentials" AWS_CONFIG_FILE="$tmp/data/admin-config"
export AWS_PROFILE=gatepass AWS_PAGER=""
aws_() { "$aws_cli" --endpoint-url "$endpoint" "$@"; }
aws_ codeartifact create-domain --domain bench >/dev/null
aws_ codeartifact create-repository --domain bench --repository libs >/dev/null
registry="$(aws_ codeartifact get-repository-endpoint --domain bench --repository libs --format npm \
  --query repositoryEndpoint --output text)"
token="$(aws_ codeartifact get-authorization-token --domain bench --query authorizationToken --output text)"

# publish one package, as npm does after `aws codeartifact login --tool npm`
mkdir -p "$tmp/pkg" && cd "$tmp/pkg"
printf '{"name":"bench-pkg","version":"1.0.0","description":"benchmark package"}\n' > package.json
printf 'module.exports = 42;\n' > index.js
export NPM_CONFIG_USERCONFIG="$tmp/npmrc"
npm config set registry "$registry" >/dev/null
npm config set "${registry#http:}:_authToken" "$token" >/dev/null
npm publish --silent >/dev/null
for i in $(seq 1 19); do   # a packument of 20 versions, as a package a team keeps working on
  npm version --no-git-tag-version "1.0.$i" >/dev/null && npm publish --silent >/dev/null
done
curl -sf -H "Authorization: Bearer $token" -H 'Accept: application/vnd.npm.install-v1+json' \
  "${registry}bench-pkg" -o "$tmp/packument.json"

bare_port=$(( 20000 + RANDOM % 20000 ))
taskset -c 0 java -Xmx512m -cp "$lib/*" "$root/bench/load/BareServer.java" "$bare_port" "$tmp/packument.json" \
  application/vnd.npm.install-v1+json >"$tmp/bare.out" 2>&1 &
pids+=($!)
until grep -q "bare server ready" "$tmp/bare.out" 2>/dev/null; do sleep 0.1; done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # the server's user + system CPU, in clock ticks
run() { # url pid → "req/s p50 p99 errors cpu-µs-per-request"
  local url="$1" pid="$2" before after
  taskset -c 1 wrk -t1 -c64 -d"${secs}s" -H "Authorization: Bearer $token" \
    -H 'Accept: application/vnd.npm.install-v1+json' "$url" >/dev/null          # warm-up
  before="$(cpu_ticks "$pid")"
  taskset -c 1 wrk -t1 -c64 -d"${secs}s" --latency -H "Authorization: Bearer $token" \
    -H 'Accept: application/vnd.npm.install-v1+json' "$url" >"$tmp/wrk.out"
  after="$(cpu_ticks "$pid")"
  awk -v ticks="$((after - before))" -v hz="$(getconf CLK_TCK)" \
      '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} / requests in / {n=$1}
       /Non-2xx/ {err+=$NF} /Socket errors/ {err+=1}
       END {printf "%s %s %s %d %.1f\n", rps, p50, p99, err, n ? ticks * 1e6 / hz / n : 0}' "$tmp/wrk.out"
}
read -r bare_rps bare_p50 bare_p99 bare_err bare_cpu <<<"$(run "http://127.0.0.1:$bare_port/bench-pkg" "${pids[1]}")"
read -r gp_rps gp_p50 gp_p99 gp_err gp_cpu <<<"$(run "${registry}bench-pkg" "${pids[0]}")"
rss() { awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$1/status"; }

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); $(java -version 2>&1 | head -1)"
echo "payload: $(wc -c <"$tmp/packument.json") bytes (abbreviated packument), wrk -t1 -c64 ${secs}s after ${secs}s warm-up"
printf '%-34s %10s %8s %8s %7s %8s %12s %9s\n' target req/s p50 p99 errors ratio cpu-us/req cpu-ratio
printf '%-34s %10s %8s %8s %7s %8s %12s %9s\n' "bare Vert.x, same bytes" "$bare_rps" "$bare_p50" "$bare_p99" \
  "$bare_err" 1.00 "$bare_cpu" 1.00
printf '%-34s %10s %8s %8s %7s %8s %12s %9s\n' "Gatepass npm packument (Bearer)" "$gp_rps" "$gp_p50" "$gp_p99" \
  "$gp_err" "$(awk -v a="$gp_rps" -v b="$bare_rps" 'BEGIN {printf "%.2f", a / b}')" "$gp_cpu" \
  "$(awk -v a="$gp_cpu" -v b="$bare_cpu" 'BEGIN {printf "%.2f", (a > 0) ? b / a : 0}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (cpu-ratio: bare's server CPU per request over Gatepass's;" \
  "it stays meaningful when other work shares the cores, req/s does not)"
echo "server RSS after the run: gatepass $(rss "${pids[0]}"), bare $(rss "${pids[1]}")"
[ "$gp_err" -eq 0 ] && [ "$bare_err" -eq 0 ] || { echo "non-200 answers: the run failed" >&2; exit 1; }
