#!/usr/bin/env bash
# Executes the teaching notebooks headless and stores their outputs in place (or in OUTDIR).
#   bash notebooks/run.sh [OUTDIR]
# Needs Jupyter (Debian packages) and the rapaio-jupyter-kernel (see notebooks/README.md), and
# the jar: mvn -B -q -DskipTests package. The Java kernel sometimes never answers at start-up
# (a known kernel bug): such a start is retried, up to 8 times; a failing cell is never retried.
# The kernel prints the absolute path of the %jar it adds: make_notebooks.py --scrub makes the
# paths in the outputs relative again, so an executed notebook shows nothing of this machine.
set -uo pipefail
cd "$(dirname "$0")"
out="${1:-}"
[ -f ../sim/target/cratesim.jar ] || { echo "notebooks: build the jar first (mvn -B -q -DskipTests package)" >&2; exit 1; }
export PYDEVD_DISABLE_FILE_VALIDATION=1
status=0
for nb in ${NOTEBOOKS:-[0-9]*.ipynb}; do
  start=$(date +%s)
  for attempt in 1 2 3 4 5 6 7 8; do
    if [ -n "$out" ]; then
      mkdir -p "$out"
      args=(--output-dir "$out")
    else
      args=(--inplace)
    fi
    log=$(mktemp)
    if jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
        --ExecutePreprocessor.startup_timeout=30 "${args[@]}" "$nb" >"$log" 2>&1 \
        && python3 make_notebooks.py --scrub "${out:-.}/$nb" >>"$log" 2>&1; then
      echo "notebooks: $nb ok ($(( $(date +%s) - start )) s, attempt $attempt)"
      rm -f "$log"
      break
    fi
    if grep -q -E "Kernel didn't respond|Kernel died before replying" "$log"; then
      echo "notebooks: $nb: kernel did not start (attempt $attempt), retrying" >&2
      rm -f "$log"
      if [ "$attempt" = 8 ]; then status=1; fi
      continue
    fi
    echo "notebooks: $nb FAILED:" >&2
    sed -n '/An error occurred while executing/,$p' "$log" \
      | grep -v -E "Debugger warning|frozen modules|pydevd|^0\.00s|\[INFO" | head -60 >&2
    rm -f "$log"
    status=1
    break
  done
done
exit $status
