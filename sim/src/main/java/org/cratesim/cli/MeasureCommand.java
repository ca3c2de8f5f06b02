package org.cratesim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cratesim.measure.BuildKind;
import org.cratesim.measure.Edit;
import org.cratesim.measure.MeasureInputException;
import org.cratesim.measure.MeasureReport;
import org.cratesim.measure.Measurement;
import org.cratesim.measure.Variant;
import org.cratesim.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim measure}: a real cargo build under a baseline and variants, interleaved. */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description = {
      "Measures real cargo builds, variants interleaved.",
      "Runs a real cargo build of WORKSPACE under a baseline and variants, interleaved (A B "
          + "A B ...), --reps times each, and keeps every run's --timings page: the calibration "
          + "loop for your own build. clean and check runs start from an empty target directory "
          + "(each variant has its own CARGO_TARGET_DIR, OUT/target/<variant>); incremental runs "
          + "follow an edit of --edit FILE (a line appended, different every run, the file "
          + "restored after) in a target directory built once, unrecorded, before the first run. "
          + "--warm NAME gives a variant one unrecorded warm-up run (to fill sccache's cache). "
          + "Writes OUT/runs.csv (own-2core-2026's columns: "
          + "workspace,kind,jobs,rep,wall_s,rc,cpu_pct,maxrss_kb,cmd; kind is <kind>-<variant>, "
          + "e.g. check-base), OUT/summary.csv (min, median, max, spread, ratio to the baseline's "
          + "median), OUT/timings/<variant>-r<N>.html, OUT/logs/; progress on stderr, one line "
          + "per run. CSVs are written at the end; an interrupted run leaves the pages, the logs "
          + "and OUT/runs.partial.csv. OUT holding a previous measurement is refused unless "
          + "--force. Without cargo: exit 1; --cargo naming a missing file: exit 2.",
      "A variant is NAME=WORD... : each WORD is KEY=VALUE (an environment variable set on "
          + "top of yours; KEY= sets it empty: RUSTC_WRAPPER= turns a wrapper off) or a cargo "
          + "argument starting with '-' (--release, --config profile.dev.debug=0, -j 1; the "
          + "options that take a value, --config -Z --profile -p --features -F --target ..., take "
          + "the next word). Quotes group: RUSTFLAGS='-C debuginfo=0'. A variant's -j replaces "
          + "-j. The first variant is the baseline. Arguments after -- go to cargo in every run."
    },
    footer = {
      "",
      "Example (2 variants x 2 clean check builds of the small workspace shipped for tests):",
      "  cratesim measure sim/src/test/resources/measure/hello --kind check --reps 2 -j 2 \\",
      "    --variant 'base=' --variant 'nodebug=CARGO_PROFILE_DEV_DEBUG=0' -o /tmp/measured",
      "Incremental, a comment edit of the top crate, sccache against none:",
      "  cratesim measure sim/src/test/resources/measure/hello --kind incremental \\",
      "    --edit src/main.rs --reps 5 --variant base \\",
      "    --variant 'sccache=RUSTC_WRAPPER=sccache' --warm sccache -o out"
    })
public final class MeasureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The directory of Cargo.toml.")
  Path workspace;

  @Parameters(
      index = "1..*",
      paramLabel = "CARGO_ARG",
      description = "After --: arguments given to cargo in every run (e.g. -- --release -p app).")
  List<String> cargoArgs = new ArrayList<>();

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "clean (cargo build, empty target dir; default), check (cargo check, empty target dir),"
              + " incremental (cargo build after --edit), incremental-check (cargo check after "
              + "--edit).")
  String kind = "clean";

  @Option(
      names = "--edit",
      paramLabel = "FILE",
      description = "The .rs file incremental runs edit (relative to WORKSPACE, or absolute).")
  Path edit;

  @Option(
      names = "--edit-kind",
      paramLabel = "KIND",
      description =
          "comment (default: '// cratesim measure <run>' appended), pub-fn (a new empty pub fn "
              + "appended: an API-visible edit) or body (a private probe fn whose returned literal"
              + " changes every run: a body edit).")
  String editKind = "comment";

  @Option(
      names = "--reps",
      paramLabel = "N",
      description = "Recorded runs per variant (default: ${DEFAULT-VALUE}).")
  int reps = 3;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "cargo's -j (default: the number of CPUs, cargo's default).")
  Integer jobs;

  @Option(
      names = "--variant",
      paramLabel = "NAME=WORD...",
      description = "A variant (repeatable; the first is the baseline; default: one, 'base').")
  List<String> variants = new ArrayList<>();

  @Option(
      names = "--warm",
      paramLabel = "NAME",
      description =
          "One unrecorded warm-up run of this variant first (repeatable; the incremental kinds "
              + "build every variant once first anyway).")
  List<String> warm = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT_DIR",
      description = "The output directory (created).")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text (default) or json: {workspace, kind, cargo, reps, out, variants: [{variant, kind,"
              + " jobs, n, min_s, median_s, max_s, spread, ratio_to_baseline, variant_spec}], "
              + "runs: [{workspace, kind, variant, jobs, rep, wall_s, rc, cpu_pct, maxrss_kb, "
              + "cmd}]}.")
  String format = "text";

  @Option(
      names = "--cargo",
      paramLabel = "PATH",
      description = "The cargo to run (default: cargo on PATH, then ~/.cargo/bin/cargo).")
  Path cargo;

  @Option(
      names = "--time",
      paramLabel = "PATH",
      description =
          "GNU time, for cpu_pct and maxrss_kb (default: ${DEFAULT-VALUE}; 'none': leave them "
              + "empty; without GNU time they are empty).",
      defaultValue = "/usr/bin/time")
  String time;

  @Option(names = "--force", description = "Replace a previous measurement in OUT_DIR.")
  boolean force;

  @Option(
      names = "--keep-target",
      description = "Keep OUT_DIR/target (the variants' target directories) at the end.")
  boolean keepTarget;

  @Override
  public Integer call() {
    ReportFormat f =
        Output.format(
            format,
            "--format: expected text or json, got '" + format + "'",
            ReportFormat.TEXT,
            ReportFormat.JSON);
    BuildKind k =
        BuildKind.byId(kind)
            .orElseThrow(
                () ->
                    new BadInputException(
                        "--kind: expected clean, check, incremental or incremental-check, got '"
                            + kind
                            + "'"));
    Edit.Kind ek = Edit.Kind.byId(editKind);
    if (ek == null) {
      throw new BadInputException(
          "--edit-kind: expected comment, pub-fn or body, got '" + editKind + "'");
    }
    try {
      List<Variant> vs = Variant.parseAll(variants.isEmpty() ? List.of("base") : variants);
      Measurement.Request req =
          new Measurement.Request(
              workspace,
              k,
              Optional.ofNullable(edit),
              ek,
              reps,
              jobs == null ? Runtime.getRuntime().availableProcessors() : jobs,
              vs,
              new LinkedHashSet<>(warm),
              cargoArgs,
              out,
              Optional.ofNullable(cargo),
              time.equals("none") ? Optional.empty() : Optional.of(Path.of(time)),
              force,
              keepTarget,
              System.getenv());
      Measurement.Result r =
          Measurement.run(
              req,
              line -> {
                var err = spec.commandLine().getErr();
                err.println(line);
                err.flush();
              });
      Output.print(spec, f == ReportFormat.JSON ? MeasureReport.json(r) : MeasureReport.text(r));
      return 0;
    } catch (MeasureInputException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
