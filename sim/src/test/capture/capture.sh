#!/usr/bin/env bash
# capture.sh JAR OUTDIR: runs every command line of commands.sh with JAR in one JVM (from the
# repository root, beside ../shared) and stores each one's stdout, stderr and exit code in OUTDIR.
# Two captures are compared with compare.sh: a behaviour-preserving change must leave them equal.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
jar=$(readlink -f "$1"); out=$(readlink -f -m "$2")
classes=$(mktemp -d)
javac -cp "$jar" -d "$classes" "$here/Harness.java"
cmds=$(mktemp)
(cd "$root" && bash "$here/commands.sh" > "$cmds")
printf 'calibrate.out\tcalibrate\t--shared\t../shared\n' >> "$cmds"
rm -rf "$out"
(cd "$root" && java -Xmx3g -cp "$jar:$classes" Harness "$cmds" "$out")
rm -rf "$classes" "$cmds"
echo "captured $(ls "$out" | wc -l) outputs in $out"
