#!/usr/bin/env bash
# Counts how many fuzz cases break the promise (instead of failing on the first), per input family.
#   bash sim/fuzz-counts.sh            this tree
#   bash sim/fuzz-counts.sh REV        the tree of git revision REV (e.g. the commit before the
#                                      hardening), with this tree's fuzz tests copied in
# Each family runs in its own JVM (an OutOfMemoryError of the original tree must not stop the
# others); the figures land in TREE/sim/target/fuzz-counts-FAMILY.txt and are printed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tree=$here
if [ $# -gt 0 ]; then
  tree=$(mktemp -d)
  git -C "$here" archive "$1" | tar -x -C "$tree"
  cp "$here/sim/pom.xml" "$tree/sim/pom.xml"
  cp "$here"/sim/src/test/java/org/cratesim/cli/{Promise,Generators,FuzzTest}.java \
    "$tree/sim/src/test/java/org/cratesim/cli/"
fi
cd "$tree"
for family in scenarios sweepFiles timingPages mutatedRealPages; do
  mvn -B -q -o test -Dtest="FuzzTest#$family" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -Dspotless.apply.skip=true \
    -Dcratesim.fuzz.count=true -Dcratesim.fuzz.tag="$family" >/dev/null 2>&1 || true
  cat "sim/target/fuzz-counts-$family.txt" 2>/dev/null || echo "$family: no counts (the JVM died)"
done
