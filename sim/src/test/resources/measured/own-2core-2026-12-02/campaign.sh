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
# Second quiet-machine campaign on own-2core's cli (2026-12-02): linkers, codegen-units, -Z threads.
set -u
J="java -jar /work/meas/cratesim.jar measure /work/meas/cli -j 2"
O=/work/meas/campaign
# rustc 1.95 links x86_64-unknown-linux-gnu with rust-lld by default (Rust 1.90)
$J --kind incremental --edit src/model.rs --reps 5 --variant base \
  --variant "ld=RUSTFLAGS=-Clinker-features=-lld" \
  --variant "mold=RUSTFLAGS='-Clinker-features=-lld -Clink-arg=-fuse-ld=mold'" -o $O/incr-dev-linker
$J --kind clean --reps 3 --variant base --variant "cgu1=--config profile.dev.codegen-units=1" -o $O/clean-dev-cgu1
N=/root/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/bin/cargo
PATH=/root/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/bin:$PATH $J --cargo $N --kind check --reps 3 --variant base --variant "threads2=RUSTFLAGS=-Zthreads=2" -o $O/check-zthreads
echo campaign2-done
# -Z threads on nightly (cargo 1.97), own-2core's mono (one ~23k-line crate, no dependencies), check -j2.
# (cli's Debian proc-macro2 does not build on this nightly: E0635.)
set -u
N=/root/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/bin
PATH=$N:$PATH java -jar /work/meas/cratesim.jar measure /work/meas/ws/mono -j 2 --cargo $N/cargo --kind check --reps 3 \
  --variant base --variant "threads2=RUSTFLAGS=-Zthreads=2" -o /work/meas/campaign/mono-check-zthreads
echo campaign3-done
# own-2core's async workspace (bin kvserve; tokio full, futures, serde): the expansion cache and sccache.
set -u
J="java -jar /work/meas/cratesim.jar measure /work/meas/async -j 2"
O=/work/meas/campaign
CACHE='cache=RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Zcache-proc-macros'
$J --kind incremental-check --edit src/protocol.rs --edit-kind comment --reps 5 --variant base --variant "$CACHE" -o $O/async-incr-check-comment
$J --kind incremental-check --edit src/main.rs --edit-kind body --reps 5 --variant base --variant "$CACHE" -o $O/async-incr-check-body
$J --kind incremental --edit src/protocol.rs --edit-kind comment --reps 5 --variant base --variant "$CACHE" -o $O/async-incr-dev-comment
$J --kind incremental --edit src/main.rs --edit-kind body --reps 5 --variant base --variant "$CACHE" -o $O/async-incr-dev-body
sccache --stop-server >/dev/null 2>&1; rm -rf /tmp/cratesim-sc-async
$J --kind clean --reps 3 --variant base --variant 'sccache=RUSTC_WRAPPER=sccache SCCACHE_DIR=/tmp/cratesim-sc-async' --warm sccache -o $O/async-clean-dev-sccache
sccache --stop-server >/dev/null 2>&1
echo campaign4-done
