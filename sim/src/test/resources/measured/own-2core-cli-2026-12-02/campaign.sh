#!/bin/bash
# Quiet-machine campaign on own-2core's cli workspace with cratesim measure (2026-12-02).
set -u
J="java -jar /work/meas/cratesim.jar measure /work/meas/cli -j 2"
O=/work/meas/campaign
mkdir -p $O
CACHE='cache=RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Zcache-proc-macros'
$J --kind incremental-check --edit src/model.rs --edit-kind comment --reps 5 --variant base --variant "$CACHE" -o $O/incr-check-comment
$J --kind incremental-check --edit src/main.rs --edit-kind body --reps 5 --variant base --variant "$CACHE" -o $O/incr-check-body
$J --kind incremental --edit src/model.rs --edit-kind comment --reps 5 --variant base --variant "$CACHE" -o $O/incr-dev-comment
$J --kind incremental --edit src/main.rs --edit-kind body --reps 5 --variant base --variant "$CACHE" -o $O/incr-dev-body
sccache --stop-server >/dev/null 2>&1; rm -rf /tmp/cratesim-sc-warm
$J --kind clean --reps 3 --variant base --variant 'sccache=RUSTC_WRAPPER=sccache SCCACHE_DIR=/tmp/cratesim-sc-warm' --warm sccache -o $O/clean-dev-sccache
sccache --stop-server >/dev/null 2>&1
echo campaign-done
