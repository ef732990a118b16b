# Sourced by bench/load/run.sh and warmup-curve.sh: the GameLift set-up of the compute target, made through aws_
# (the caller's aws CLI against the server under test): an Anywhere fleet on a custom location with 16 registered
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
