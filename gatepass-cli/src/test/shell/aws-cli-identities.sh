#!/usr/bin/env bash
# Drives an unmodified AWS CLI against a running Gatepass: identities, keys, roles, assume-role, a denied call.
# Usage: aws-cli-identities.sh AWS_BINARY ENDPOINT_URL ADMIN_KEY_ID ADMIN_SECRET
# Prints one line per check and "N passed, M failed" at the end; exits non-zero when a check fails.
set -uo pipefail
AWS_BIN="$1"; ENDPOINT="$2"; ADMIN_ID="$3"; ADMIN_SECRET="$4"
passed=0; failed=0
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY

check() { # name, condition result (0 = ok), detail
  if [ "$2" -eq 0 ]; then passed=$((passed+1)); echo "ok   - $1"; else failed=$((failed+1)); echo "FAIL - $1: $3"; fi
}
as() { # key secret [token] -- aws args...
  local id="$1" secret="$2" token="$3"; shift 3
  AWS_ACCESS_KEY_ID="$id" AWS_SECRET_ACCESS_KEY="$secret" AWS_SESSION_TOKEN="$token" \
    "$AWS_BIN" --endpoint-url "$ENDPOINT" --output text "$@"
}
admin() { as "$ADMIN_ID" "$ADMIN_SECRET" "" "$@"; }

suffix="$RANDOM$RANDOM"
user="ci-$suffix"; role="deployer-$suffix"

out="$(admin sts get-caller-identity --query Arn 2>&1)"
[[ "$out" =~ ^arn:aws:iam::[0-9]{12}:root$ ]]; check "sts get-caller-identity as the administrator" $? "$out"
account="${out#arn:aws:iam::}"; account="${account%%:*}"

out="$(admin iam create-user --user-name "$user" --query User.Arn 2>&1)"
[ "$out" = "arn:aws:iam::$account:user/$user" ]; check "iam create-user" $? "$out"

out="$(admin iam create-user --user-name "$user" 2>&1)"; rc=$?
[ $rc -ne 0 ] && [[ "$out" == *EntityAlreadyExists* ]]; check "iam create-user twice is EntityAlreadyExists" $? "$out"

keys="$(admin iam create-access-key --user-name "$user" --query '[AccessKey.AccessKeyId,AccessKey.SecretAccessKey]' 2>&1)"
read -r user_id user_secret <<<"$keys"
[[ "$user_id" =~ ^AKIA[A-Z2-7]{16}$ ]] && [ ${#user_secret} -eq 40 ]; check "iam create-access-key" $? "$keys"

out="$(as "$user_id" "$user_secret" "" sts get-caller-identity --query Arn 2>&1)"
[ "$out" = "arn:aws:iam::$account:user/$user" ]; check "the new key signs as the user" $? "$out"

trust="{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::$account:user/$user\"},\"Action\":\"sts:AssumeRole\"}]}"
out="$(admin iam create-role --role-name "$role" --assume-role-policy-document "$trust" --query Role.Arn 2>&1)"
[ "$out" = "arn:aws:iam::$account:role/$role" ]; check "iam create-role" $? "$out"

policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}'
out="$(admin iam put-role-policy --role-name "$role" --policy-name get-role --policy-document "$policy" 2>&1)"
check "iam put-role-policy" $? "$out"

out="$(admin iam get-role-policy --role-name "$role" --policy-name get-role --query 'PolicyDocument.Statement[0].Action' 2>&1)"
[ "$out" = "iam:GetRole" ]; check "iam get-role-policy returns the document the CLI can read" $? "$out"

creds="$(as "$user_id" "$user_secret" "" sts assume-role --role-arn "arn:aws:iam::$account:role/$role" \
  --role-session-name build-42 --query '[Credentials.AccessKeyId,Credentials.SecretAccessKey,Credentials.SessionToken]' 2>&1)"
read -r role_id role_secret role_token <<<"$creds"
[[ "$role_id" =~ ^ASIA[A-Z2-7]{16}$ ]] && [ -n "$role_token" ]; check "sts assume-role as the user" $? "$creds"

out="$(as "$role_id" "$role_secret" "$role_token" sts get-caller-identity --query Arn 2>&1)"
[ "$out" = "arn:aws:sts::$account:assumed-role/$role/build-42" ]; check "a call signed with the assumed-role credentials" $? "$out"

out="$(as "$role_id" "$role_secret" "$role_token" iam get-role --role-name "$role" --query Role.RoleName 2>&1)"
[ "$out" = "$role" ]; check "the role's policy allows iam:GetRole" $? "$out"

out="$(as "$role_id" "$role_secret" "$role_token" iam create-user --user-name "x$suffix" 2>&1)"; rc=$?
[ $rc -ne 0 ] && [[ "$out" == *AccessDenied* ]] && [[ "$out" == *"iam:CreateUser"* ]]
check "a call the role's policy does not allow is AccessDenied" $? "$out"

out="$(as "$role_id" "${role_secret}x" "$role_token" sts get-caller-identity 2>&1)"; rc=$?
[ $rc -ne 0 ] && [[ "$out" == *SignatureDoesNotMatch* ]]; check "a wrong secret is SignatureDoesNotMatch" $? "$out"

out="$(as "AKIAAAAAAAAAAAAAAAAA" "$ADMIN_SECRET" "" sts get-caller-identity 2>&1)"; rc=$?
[ $rc -ne 0 ] && [[ "$out" == *InvalidClientTokenId* ]]; check "an unknown key is InvalidClientTokenId" $? "$out"

admin iam update-access-key --user-name "$user" --access-key-id "$user_id" --status Inactive >/dev/null 2>&1
out="$(as "$user_id" "$user_secret" "" sts get-caller-identity 2>&1)"; rc=$?
[ $rc -ne 0 ] && [[ "$out" == *InvalidClientTokenId* ]]; check "an inactive key is refused" $? "$out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
