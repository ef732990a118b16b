#!/usr/bin/env bash
# Server CPU time per PyPI simple-page GET and per Maven maven-metadata.xml GET (issue 13, sizing), the package
# metadata reads bench/load/run.sh does not cover (it has npm). Starts the distribution with the launcher's JVM options
# (embedded store) pinned to CPU 0, publishes a project of 20 versions of each format with curl, then runs wrk
# (-t1 -c64, CPU 1, Basic aws:<token> as pip and Maven send it) for SECS of warm-up and SECS measured per target.
# Prints req/s, non-2xx answers and the process's CPU per request (user + system from /proc).
#
#   bench/sizing/metadata-cpu.sh [SECS]     # default 10
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"; secs="${1:-10}"
dist="${GATEPASS_DIST:-$root/gatepass-cli/target/dist}"
[ -f "$dist/gatepass.jar" ] || (cd "$root" && mvn -o -B -q -pl gatepass-cli -am package -DskipTests)
tmp="$(mktemp -d)"; pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
taskset -c 0 java -XX:+UseSerialGC -Xms64m -jar "$dist/gatepass.jar" serve --port 0 --tls-port off \
  --throttling off --audit-log off --data-dir "$tmp/data" >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
until grep -q "Gatepass ready" "$tmp/serve.out" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.err" >&2; exit 1; }; sleep 0.2
done
endpoint="$(sed -n 's/^Gatepass ready at \([^ ]*\).*/\1/p' "$tmp/serve.out")"
ak="$(awk -F' *= *' '/aws_access_key_id/ {print $2}' "$tmp/data/admin-credentials")"
sk="$(awk -F' *= *' '/aws_secret_access_key/ {print $2}' "$tmp/data/admin-credentials")"
ca() { curl -sSf --aws-sigv4 "aws:amz:us-east-1:codeartifact" --user "$ak:$sk" "$@"; }   # query keys in sorted order
json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
ca -X POST "$endpoint/v1/domain?domain=sizing" >/dev/null
ca -X POST "$endpoint/v1/repository?domain=sizing&repository=libs" >/dev/null
token="$(ca -X POST "$endpoint/v1/authorization-token?domain=sizing&duration-seconds=43200" | json authorizationToken)"
basic="Authorization: Basic $(printf 'aws:%s' "$token" | base64 -w0)"
pypi="$(ca "$endpoint/v1/repository/endpoint?domain=sizing&format=pypi&repository=libs" | json repositoryEndpoint)"
maven="$(ca "$endpoint/v1/repository/endpoint?domain=sizing&format=maven&repository=libs" | json repositoryEndpoint)"

mkdir "$tmp/files"; versions=""
for i in $(seq 20); do
  v="1.0.$i"; f="$tmp/files/sizing_demo-$v.tar.gz"; head -c 4096 /dev/urandom >"$f"
  curl -sSf -H "$basic" -F ':action=file_upload' -F protocol_version=1 -F metadata_version=2.1 \
    -F name=sizing-demo -F "version=$v" -F filetype=sdist -F pyversion=source \
    -F "sha256_digest=$(sha256sum "$f" | cut -d' ' -f1)" -F "content=@$f" "$pypi" >/dev/null
  j="$tmp/files/demo-$v.jar"; head -c 4096 /dev/urandom >"$j"
  printf '<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>demo</artifactId><version>%s</version></project>' \
    "$v" >"$tmp/files/demo-$v.pom"
  curl -sSf -H "$basic" -T "$j" "${maven}com/example/demo/$v/demo-$v.jar"
  curl -sSf -H "$basic" -T "$tmp/files/demo-$v.pom" "${maven}com/example/demo/$v/demo-$v.pom"
  versions="$versions<version>$v</version>"
done
printf '<metadata><groupId>com.example</groupId><artifactId>demo</artifactId><versioning><latest>1.0.20</latest><release>1.0.20</release><versions>%s</versions></versioning></metadata>' \
  "$versions" >"$tmp/files/maven-metadata.xml"
curl -sSf -H "$basic" -T "$tmp/files/maven-metadata.xml" "${maven}com/example/demo/maven-metadata.xml"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"
measure() {   # NAME URL [header]: warm-up, then measured; prints one row
  local name="$1" url="$2"; shift 2
  curl -sSf -o /dev/null -H "$basic" "$@" "$url"   # the target answers 200 before it is loaded
  taskset -c 1 wrk -t1 -c64 -d"${secs}s" -H "$basic" "$@" "$url" >/dev/null
  local before after out
  before="$(cpu_ticks "$pid")"
  out="$(taskset -c 1 wrk -t1 -c64 -d"${secs}s" -H "$basic" "$@" "$url")"
  after="$(cpu_ticks "$pid")"
  local rps requests non2xx
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  printf '%-44s %10s req/s  non-2xx %-5s cpu %7.1f us/req\n' "$name" "$rps" "${non2xx:-0}" \
    "$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN {print t / hz * 1e6 / n}')"
}
measure "PyPI simple page, 20 versions (PEP 503 HTML)" "${pypi}simple/sizing-demo/"
measure "PyPI simple page, 20 versions (PEP 691 JSON)" "${pypi}simple/sizing-demo/" \
  -H 'Accept: application/vnd.pypi.simple.v1+json'
measure "Maven maven-metadata.xml, 20 versions" "${maven}com/example/demo/maven-metadata.xml"
echo "server RSS $(awk '$1 == "VmRSS:" {print int($2 / 1024)}' "/proc/$pid/status") MB;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M UTC'); $(nproc) cores"
