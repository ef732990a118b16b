# Sourced by bench/load/run.sh and warmup-curve.sh: what both do with the Gatepass server under test.

# Waits for the server (PID, writing to $tmp/serve.out and $tmp/serve.err, data in $tmp/data) to say it is ready,
# then sets endpoint, exports the admin's AWS CLI settings, sets key, secret and region for the signer, and defines
# aws_ (the caller's $aws_cli against the server).
await_gatepass() {
  local pid="$1"
  until grep -q "Gatepass ready" "$tmp/serve.out" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.err" >&2; exit 1; }; sleep 0.1
  done
  endpoint="$(sed -n 's/^Gatepass ready at \([^ ]*\).*/\1/p' "$tmp/serve.out")"
  export AWS_SHARED_CREDENTIALS_FILE="$tmp/data/admin-credentials" AWS_CONFIG_FILE="$tmp/data/admin-config"
  export AWS_PROFILE=gatepass AWS_PAGER=""
  key="$(sed -n 's/^aws_access_key_id *= *//p' "$AWS_SHARED_CREDENTIALS_FILE")"
  secret="$(sed -n 's/^aws_secret_access_key *= *//p' "$AWS_SHARED_CREDENTIALS_FILE")"
  region="$(sed -n 's/^region *= *//p' "$AWS_CONFIG_FILE")"; region="${region:-us-east-1}"
}
aws_() { "$aws_cli" --endpoint-url "$endpoint" "$@"; }

# The compute target's GameLift set-up, through aws_: an Anywhere fleet on a custom location with 16 registered
# computes. Sets fleet (its id) and computes (their names).
bench_fleet() {
  aws_ gamelift create-location --location-name custom-bench >/dev/null
  fleet="$(aws_ gamelift create-fleet --name bench --compute-type ANYWHERE --locations Location=custom-bench \
    --query FleetAttributes.FleetId --output text)"
  computes=()
  for i in $(seq -w 0 15); do
    aws_ gamelift register-compute --fleet-id "$fleet" --compute-name "compute-$i" --ip-address 10.0.0.$((10#$i + 1)) \
      --location custom-bench >/dev/null
    computes+=("compute-$i")
  done
}
