#!/usr/bin/env bash
# How much store each kind of thing a user creates takes, through a running server and its APIs (issue 13, sizing).
# Creates N IAM users, then an access key for each, N registered computes, N repositories and N generic package
# versions (1 KiB assets), then M package versions of 1 MiB, and prints after each step the growth of every table
# that grew (PostgreSQL: pg_total_relation_size, table + indexes + TOAST) or of the H2 file after a graceful stop.
#
#   bench/sizing/store-size.sh postgres [N] [M]   # a new database gatepass_sizing on 127.0.0.1:5432 (user postgres)
#   bench/sizing/store-size.sh embedded [N] [M]   # the embedded store; the file is measured after each graceful stop
#
# Needs curl (--aws-sigv4), psql for postgres, and the distribution (built if missing). Defaults: N=1000, M=20;
# PAR=8 calls at a time (curl and bash per call: on a busy machine the client, not the server, is the limit).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
kind="${1:?postgres or embedded}"; n="${2:-1000}"; m="${3:-20}"
dist="${GATEPASS_DIST:-$root/gatepass-cli/target/dist}"
[ -f "$dist/gatepass.jar" ] || (cd "$root" && mvn -o -B -q -pl gatepass-cli -am package -DskipTests)
tmp="$(mktemp -d)"; pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
db=gatepass_sizing; pg=(psql -h 127.0.0.1 -U postgres -qAtX)
store_args=()
if [ "$kind" = postgres ]; then
  "${pg[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  store_args=(--store "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres")
fi

start() {
  java -XX:+UseSerialGC -Xms64m -jar "$dist/gatepass.jar" serve --port 0 --tls-port off --throttling off \
    --audit-log off --data-dir "$tmp/data" "${store_args[@]}" >"$tmp/serve.out" 2>"$tmp/serve.err" &
  pid=$!
  until grep -q "Gatepass ready" "$tmp/serve.out" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.err" >&2; exit 1; }; sleep 0.2
  done
  export endpoint; endpoint="$(sed -n 's/^Gatepass ready at \([^ ]*\).*/\1/p' "$tmp/serve.out" | tail -1)"
}
stop() { kill -TERM "$pid"; wait "$pid" || true; pid=""; }   # a graceful stop (the embedded store compacts)

# sizes: "table bytes" lines, every table of the store
sizes() {
  if [ "$kind" = postgres ]; then
    "${pg[@]}" -d "$db" -F' ' -c "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c
      JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public' AND c.relkind = 'r' ORDER BY 1"
  else
    stop; echo "gatepass.mv.db $(stat -c %s "$tmp/data/gatepass.mv.db")"; start
  fi
}
# step NAME: what grew since the last step, per table and in all
step() {
  sizes >"$tmp/after"
  echo "== $1"
  LC_ALL=C join <(LC_ALL=C sort "$tmp/before") <(LC_ALL=C sort "$tmp/after") | awk '{d = $3 - $2; t += d; if (d != 0) printf "  %-32s %+10d bytes\n", $1, d}
    END {printf "  %-32s %+10d bytes\n", "(all tables)", t}'
  mv "$tmp/after" "$tmp/before"
}

start
eval "$(awk -F' *= *' '/aws_access_key_id/ {print "export AK=" $2} /aws_secret_access_key/ {print "export SK=" $2}' \
  "$tmp/data/admin-credentials")"
# call SERVICE [curl args...]: one SigV4-signed request; fails on a non-2xx answer
call() { local s="$1"; shift; curl -sSf --aws-sigv4 "aws:amz:us-east-1:$s" --user "$AK:$SK" "$@"; }
iam() { call iam "$endpoint/" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data "Version=2010-05-08&$1" >/dev/null; }
gamelift() { call gamelift "$endpoint/" -H "X-Amz-Target: GameLift.$1" -H 'Content-Type: application/x-amz-json-1.1' \
  --data "$2"; }
publish() {   # publish REPOSITORY PACKAGE VERSION FILE
  call codeartifact -X POST -H 'Content-Type: application/octet-stream' \
    -H "x-amz-content-sha256: $(sha256sum "$4" | cut -d' ' -f1)" --data-binary "@$4" \
    "$endpoint/v1/package/version/publish?asset=$(basename "$4")&domain=sizing&format=generic&namespace=sizing&package=$2&repository=$1&version=$3" \
    >/dev/null   # the query in sorted order: curl 7.88 signs it as written
}
export -f call iam gamelift publish
par() { xargs -P "${PAR:-8}" -I{} bash -c "$1" _ {}; }   # par 'COMMAND using $1' < lines: PAR (8) at a time

sizes >"$tmp/before"
seq "$n" | par 'iam "Action=CreateUser&UserName=user-$1"'; step "$n IAM users (CreateUser)"
seq "$n" | par 'iam "Action=CreateAccessKey&UserName=user-$1"'; step "$n access keys (CreateAccessKey, one per user)"
gamelift CreateLocation '{"LocationName":"custom-sizing"}' >/dev/null
export fleet; fleet="$(gamelift CreateFleet '{"Name":"sizing","ComputeType":"ANYWHERE","Locations":[{"Location":"custom-sizing"}]}' \
  | sed 's/.*"FleetId":"\([^"]*\)".*/\1/')"
sizes >"$tmp/before"
seq "$n" | par 'gamelift RegisterCompute "{\"FleetId\":\"$fleet\",\"ComputeName\":\"compute-$1\",\"IpAddress\":\"10.0.0.1\",\"Location\":\"custom-sizing\"}" >/dev/null'
step "$n registered computes (RegisterCompute, one fleet)"
call codeartifact -X POST "$endpoint/v1/domain?domain=sizing" >/dev/null
sizes >"$tmp/before"
seq "$n" | par 'call codeartifact -X POST "$endpoint/v1/repository?domain=sizing&repository=repo-$1" >/dev/null'
step "$n repositories (CreateRepository, one domain)"
mkdir "$tmp/assets"; head -c 1024 /dev/urandom >"$tmp/assets/small.bin"
export ASSETS="$tmp/assets"
seq "$n" | par 'publish repo-1 "package-$(( $1 % 10 ))" "1.0.$1" "$ASSETS/small.bin"'
step "$n generic package versions (PublishPackageVersion, 10 packages, the same 1 KiB asset)"
for i in $(seq "$m"); do head -c 1048576 /dev/urandom >"$tmp/assets/big-$i.bin"; done
seq "$m" | par 'publish repo-2 large "2.0.$1" "$ASSETS/big-$1.bin"'
step "$m generic package versions of 1 MiB each (distinct bytes)"
if [ "$kind" = postgres ]; then
  echo "connections to $db: $("${pg[@]}" -d postgres -c "SELECT string_agg(n || ' ' || a, ', ') FROM (SELECT
    count(*) n, coalesce(nullif(application_name, ''), '(none)') a FROM pg_stat_activity WHERE datname = '$db'
    AND pid <> pg_backend_pid() GROUP BY 2) t")"
  echo "database size: $("${pg[@]}" -d postgres -c "SELECT pg_size_pretty(pg_database_size('$db'))")"
fi
echo "server RSS $(awk '$1 == "VmRSS:" {print int($2 / 1024)}' "/proc/$pid/status") MB," \
  "peak $(awk '$1 == "VmHWM:" {print int($2 / 1024)}' "/proc/$pid/status") MB"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M UTC'); store: $kind"
