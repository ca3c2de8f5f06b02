#!/usr/bin/env bash
# Tests make_notebooks.py --check on a scratch copy of notebooks/: it passes on the committed
# notebooks, and fails, naming the cell, on an edited source and on an output that shows a
# machine path or an object identity.   bash notebooks/test_check.sh
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect_failure() { # name, expected text in the message
  if python3 "$tmp/$1/make_notebooks.py" --check 2>"$tmp/err"; then
    echo "test_check: --check missed: $1" >&2; exit 1
  fi
  if ! grep -q -F "$2" "$tmp/err"; then
    echo "test_check: $1: wrong message:" >&2; cat "$tmp/err" >&2; exit 1
  fi
}
copy() { mkdir "$tmp/$1" && cp -r ./*.ipynb make_notebooks.py src "$tmp/$1/"; }

copy same
python3 "$tmp/same/make_notebooks.py" --check >/dev/null

copy edited-source
sed -i 's/^show(tiny);$/show(jobs(tiny, 2));/' "$tmp/edited-source/src/1-critical-path-and-cores.md"
expect_failure edited-source "1-critical-path-and-cores.ipynb cell 4, line 2"

copy edited-setup
sed -i 's/^import org.cratesim.cargo.\*;$/import org.cratesim.build.*;/' \
  "$tmp/edited-setup/src/setup.jsh"
expect_failure edited-setup "1-critical-path-and-cores.ipynb cell 2, line 2"

copy machine-path
# the bad strings are put together here, so this file itself holds no machine path
abs="/ro""ot/x/notebooks"
sed -i "s|Add \.\./sim/target/cratesim\.jar|Add $abs/../sim/target/cratesim.jar|" \
  "$tmp/machine-path/3-codegen-units.ipynb"
expect_failure machine-path "3-codegen-units.ipynb cell 1, output 0 shows a machine path"

copy object-identity
ident="java.io.PrintStream""@4c828dd2"
sed -i "s|\"baseline 8|\"$ident baseline 8|" \
  "$tmp/object-identity/2-pipelining-and-proc-macros.ipynb"
expect_failure object-identity "shows an object identity"

copy extra-notebook
cp "$tmp/extra-notebook/3-codegen-units.ipynb" "$tmp/extra-notebook/9-new.ipynb"
expect_failure extra-notebook "9-new.ipynb has no source"

echo "test_check: ok (6 cases)"
