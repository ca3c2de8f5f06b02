#!/usr/bin/env bash
# prints the command list for Harness.java, one line per command: OUTNAME<TAB>ARGS... (run from the repository root)
S=../shared/groundtruth
T=$'\t'
for f in $(find scenarios -name '*.toml' ! -name reference.toml ! -path '*/sweeps/*' | sort); do n=$(echo "$f" | tr / _)
  echo "run-$n.txt${T}run${T}$f"
  echo "run-$n.json${T}run${T}$f${T}--format${T}json"
  echo "run-$n.csv${T}run${T}$f${T}--format${T}csv"
  echo "run-$n.htmlrun${T}run${T}$f${T}--html${T}@OUT@/run-$n.html"
  for m in check release; do echo "run-$n-$m.json${T}run${T}$f${T}--mode${T}$m${T}--format${T}json"; done
  echo "run-$n-warm.json${T}run${T}$f${T}-j${T}4${T}--build-kind${T}warm${T}--format${T}json"
  echo "run-$n-j3-lto.txt${T}run${T}$f${T}-j${T}3${T}--mode${T}release${T}--set${T}profile.lto=fat${T}--set${T}profile.codegen_units=4"
done
for f in scenarios/seeds/*.toml scenarios/serde-like.toml scenarios/split-crates.toml; do n=$(echo "$f" | tr / _)
  for s in precompiled-proc-macros wasm-proc-macros wasm-proc-macros:runtime=jit expansion-cache shared-cache proc-macros-first; do
    for fmt in text csv json; do echo "cmp-$n-$s.$fmt${T}compare${T}$f${T}--strategy${T}$s${T}--strategy${T}shared-cache+proc-macros-first${T}--format${T}$fmt"; done
    echo "run-$n-$s.json${T}run${T}$f${T}--strategy${T}$s${T}--format${T}json"
  done
done
for p in $(find sim/src/test/resources -name '*.html' -o -name '*.json' | grep -v broken | grep -v golden | sort); do n=$(echo "$p" | tr / _)
  for j in 1 2 8; do echo "pred-$n-$j.json${T}predict${T}$p${T}-j${T}$j${T}--format${T}json"; echo "pred-$n-$j.txt${T}predict${T}$p${T}-j${T}$j"; done
  echo "imp-$n.out${T}import${T}$p${T}-o${T}@OUT@/imp-$n.toml"
  echo "imp2-$n.out${T}import${T}$p"
done
for d in check-j1:check-j8 debug-j1:debug-j8 opt-j1:opt-j8; do a=${d%:*}; b=${d#*:}
  A=$(ls -d $S/lqd-epyc-2022/round-*-cargo-timing-$a); B=$(ls -d $S/lqd-epyc-2022/round-*-cargo-timing-$b)
  echo "val-$a.json${T}validate${T}--from${T}$A${T}--to${T}$B${T}--format${T}json${T}--rows${T}@OUT@/val-$a.rows.csv"
  echo "val-$a.txt${T}validate${T}--from${T}$A${T}--to${T}$B"
done
O=$S/own-2core-2026
echo "val-own.json${T}validate${T}--from${T}$O${T}--to${T}$O${T}--format${T}json${T}--unit-graphs${T}--match${T}clean|check"
echo "valreb.txt${T}validate-rebuilds"
echo "valexp.json${T}validate-experiments${T}../shared/groundtruth/lqd-experiments${T}--format${T}json"
echo "sweep1.out${T}sweep${T}scenarios/sweeps/serde-cores-strategies.toml${T}-o${T}@OUT@/sweep1"
echo "sweep2.out${T}sweep${T}scenarios/serde-like.toml${T}--vary${T}jobs=1,2,4${T}--vary${T}codegen_units=1,16${T}--vary${T}lto=off,fat${T}--replications${T}5${T}--seed${T}3${T}-o${T}@OUT@/sweep2"
echo "sweep3.out${T}sweep${T}scenarios/sweeps/cgus-lto.toml${T}--replications${T}3${T}-o${T}@OUT@/sweep3"
echo "report.out${T}report${T}@OUT@/sweep1"
echo "split.out${T}split${T}scenarios/workspaces/mono.toml${T}--crate${T}mono${T}--into${T}4${T}-o${T}@OUT@/split.toml"
echo "split2.out${T}split${T}scenarios/workspaces/mono.toml${T}--crate${T}mono${T}--into${T}3${T}--shape${T}chain${T}-o${T}@OUT@/split2.toml"
echo "merge.out${T}merge${T}@OUT@/split.toml${T}--crates${T}mono-1,mono-2,mono-3,mono-4${T}--into${T}mono${T}-o${T}@OUT@/merge.toml"
echo "calcosts.out${T}calibrate-costs${T}--shared${T}../shared${T}--write${T}@OUT@/costs.toml"
for c in run compare import predict validate sweep report validate-rebuilds calibrate calibrate-costs split merge bench; do echo "help-$c.txt${T}$c${T}--help"; done
echo "help.txt${T}--help"
echo "bad1.txt${T}run${T}nosuch.toml"
echo "bad2.txt${T}run${T}scenarios/tiny.toml${T}--set${T}profile.nope=1"
