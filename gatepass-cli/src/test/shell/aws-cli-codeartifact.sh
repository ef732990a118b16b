#!/usr/bin/env bash
# Drives an unmodified AWS CLI against a running Gatepass: the package repositories tour of the README.
# Usage: aws-cli-codeartifact.sh AWS_BINARY ENDPOINT_URL ADMIN_KEY_ID ADMIN_SECRET
# Prints one line per check and "N passed, M failed" at the end; exits non-zero when a check fails.
set -uo pipefail
AWS_BIN="$1"; ENDPOINT="$2"
passed=0; failed=0
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials" HOME="$work"
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
export AWS_ACCESS_KEY_ID="$3" AWS_SECRET_ACCESS_KEY="$4"
unset AWS_PROFILE AWS_SESSION_TOKEN

check() { # name, condition result (0 = ok), detail
  if [ "$2" -eq 0 ]; then passed=$((passed+1)); echo "ok   - $1"; else failed=$((failed+1)); echo "FAIL - $1: $3"; fi
}
ca() { "$AWS_BIN" --endpoint-url "$ENDPOINT" --output text codeartifact "$@"; }

suffix="$RANDOM$RANDOM"
domain="team-$suffix"; repo="libs"
base="${ENDPOINT}/codeartifact/"

out="$(ca create-domain --domain "$domain" --query domain.status 2>&1)"
[ "$out" = "Active" ]; check "create-domain" $? "$out"
owner="$(ca describe-domain --domain "$domain" --query domain.owner 2>&1)"
[[ "$owner" =~ ^[0-9]{12}$ ]]; check "describe-domain names the owner account" $? "$owner"

out="$(ca create-repository --domain "$domain" --repository "$repo" --query repository.name 2>&1)"
[ "$out" = "$repo" ]; check "create-repository" $? "$out"

out="$(ca get-repository-endpoint --domain "$domain" --repository "$repo" --format npm --query repositoryEndpoint 2>&1)"
[ "$out" = "${base}${domain}-${owner}/npm/${repo}/" ]; check "get-repository-endpoint --format npm" $? "$out"

token="$(ca get-authorization-token --domain "$domain" --query authorizationToken --output text 2>&1)"
[[ "$token" =~ ^[A-Za-z0-9._~-]+$ ]]; check "get-authorization-token --query authorizationToken" $? "${#token} chars"

out="$(ca get-authorization-token --domain "$domain" --duration-seconds 900 --query expiration 2>&1)"
# CLI v2 prints ISO-8601; CLI v1 prints the wire's epoch seconds, as it does against AWS.
if [[ "$out" =~ ^[0-9]+(\.[0-9]+)?$ ]]; then exp=${out%.*}; else exp=$(date -d "$out" +%s 2>/dev/null || echo 0); fi
now=$(date +%s)
[ $((exp - now)) -ge 840 ] && [ $((exp - now)) -le 960 ]; check "--duration-seconds 900 prints an expiration 15 minutes ahead" $? "$out"

out="$(ca get-authorization-token --domain "$domain" --duration-seconds 899 2>&1)"; rc=$?
[ $rc -ne 0 ] && [[ "$out" == *ValidationException* ]]; check "--duration-seconds 899 is ValidationException" $? "$out"

out="$("$AWS_BIN" --endpoint-url "$ENDPOINT" codeartifact login --tool npm --domain "$domain" --repository "$repo" --dry-run 2>&1)"
# The CLI leaves the _authToken line out of a dry run, so that the token is not printed.
[[ "$out" == *"npm config set registry ${base}${domain}-${owner}/npm/${repo}/"* ]] \
  && [[ "$out" == *"npm config set //${ENDPOINT#http://}/codeartifact/${domain}-${owner}/npm/${repo}/:always-auth true"* ]]
check "codeartifact login --tool npm --dry-run prints the Gatepass registry" $? "$out"

out="$("$AWS_BIN" --endpoint-url "$ENDPOINT" codeartifact login --tool pip --domain "$domain" --repository "$repo" --dry-run 2>&1)"
hostpath="${ENDPOINT#http://}"
[[ "$out" == *"index-url http://aws:"*"@${hostpath}/codeartifact/${domain}-${owner}/pypi/${repo}/simple/"* ]]
check "codeartifact login --tool pip --dry-run prints the Gatepass index URL" $? "$out"

out="$(ca delete-domain --domain "$domain" 2>&1)"; rc=$?
[ $rc -ne 0 ] && [[ "$out" == *ConflictException* ]]; check "delete-domain with a repository is ConflictException" $? "$out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
