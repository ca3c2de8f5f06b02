# own-2core's async workspace, clean release -j2: cargo's LTO settings and codegen-units = 1
# (profile overrides through cargo's CARGO_PROFILE_RELEASE_* environment variables).
set -u
J="java -jar /work/meas/cratesim.jar measure /work/meas/async -j 2"
O=/work/meas/campaign
$J --kind clean --reps 3 --variant base \
  --variant off=CARGO_PROFILE_RELEASE_LTO=off \
  --variant thin=CARGO_PROFILE_RELEASE_LTO=thin \
  --variant fat=CARGO_PROFILE_RELEASE_LTO=fat \
  --variant cgu1=CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  -o $O/async-clean-release-lto -- --release
echo campaign5-done
