#!/usr/bin/env bash
# Drives an unmodified AWS CLI against a running Gatepass: the GameLift Anywhere tour of the README.
# Usage: aws-cli-gamelift.sh AWS_BINARY ENDPOINT_URL ADMIN_KEY_ID ADMIN_SECRET
# Prints one line per check and "N passed, M failed" at the end; exits non-zero when a check fails.
set -uo pipefail
AWS_BIN="$1"; ENDPOINT="$2"
passed=0; failed=0
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
export AWS_ACCESS_KEY_ID="$3" AWS_SECRET_ACCESS_KEY="$4"
unset AWS_PROFILE AWS_SESSION_TOKEN

check() { # name, condition result (0 = ok), detail
  if [ "$2" -eq 0 ]; then passed=$((passed+1)); echo "ok   - $1"; else failed=$((failed+1)); echo "FAIL - $1: $3"; fi
}
gl() { "$AWS_BIN" --endpoint-url "$ENDPOINT" --output text gamelift "$@"; }

suffix="$RANDOM$RANDOM"
location="custom-home-$suffix"
compute="rack-$suffix"

out="$(gl create-location --location-name "$location" --query Location.LocationName 2>&1)"
[ "$out" = "$location" ]; check "create-location" $? "$out"

fleet="$(gl create-fleet --name "studio-$suffix" --compute-type ANYWHERE --locations "Location=$location" \
  --query FleetAttributes.FleetId 2>&1)"
[[ "$fleet" =~ ^fleet-[0-9a-f-]{36}$ ]]; check "create-fleet --compute-type ANYWHERE" $? "$fleet"

out="$(gl describe-fleet-attributes --fleet-ids "$fleet" --query 'FleetAttributes[0].Status' 2>&1)"
[ "$out" = "ACTIVE" ]; check "the fleet is ACTIVE at once" $? "$out"

out="$(gl register-compute --fleet-id "$fleet" --compute-name "$compute" --ip-address 10.0.0.7 \
  --location "$location" --query Compute.ComputeStatus 2>&1)"
[ "$out" = "ACTIVE" ]; check "register-compute" $? "$out"

first="$(gl get-compute-auth-token --fleet-id "$fleet" --compute-name "$compute" \
  --query '[AuthToken,ExpirationTimestamp]' 2>&1)"
second="$(gl get-compute-auth-token --fleet-id "$fleet" --compute-name "$compute" \
  --query '[AuthToken,ExpirationTimestamp]' 2>&1)"
token="$(cut -f1 <<<"$first")"
[[ "$token" =~ ^[A-Za-z0-9-]{1,64}$ ]]; check "get-compute-auth-token returns a token" $? "$first"
[ "$first" = "$second" ]; check "get-compute-auth-token twice returns the same token and expiry" $? "$first / $second"

out="$(gl describe-compute --fleet-id "$fleet" --compute-name "$compute" --query Compute.GameLiftServiceSdkEndpoint 2>&1)"
[[ "$out" == wss://127.0.0.1:*/gamelift/sdk ]]; check "describe-compute shows the SDK endpoint on this server's TLS listener" $? "$out"

out="$(gl list-compute --fleet-id "$fleet" --location "$location" --query 'ComputeList[].ComputeName' 2>&1)"
[ "$out" = "$compute" ]; check "list-compute --location" $? "$out"

out="$(gl deregister-compute --fleet-id "$fleet" --compute-name "$compute" 2>&1)"
check "deregister-compute" $? "$out"

out="$(gl get-compute-auth-token --fleet-id "$fleet" --compute-name "$compute" 2>&1)"; rc=$?
[ $rc -ne 0 ] && [[ "$out" == *NotFoundException* ]]; check "get-compute-auth-token after deregistering is NotFoundException" $? "$out"

out="$(gl create-fleet --name "ec2-$suffix" --compute-type EC2 --locations "Location=$location" 2>&1)"; rc=$?
[ $rc -ne 0 ] && [[ "$out" == *InvalidRequestException* ]]; check "create-fleet --compute-type EC2 is InvalidRequestException" $? "$out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
