package org.cratesim.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cratesim.importer.Calibration;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.model.Mode;

/**
 * Refits the shipped calibration (calibration.toml) on the ground truth: the procedure behind
 * {@code cratesim calibrate}.
 *
 * <ul>
 *   <li>{@code epyc-2022.<mode>}: all of {@link Calibrator#defaultParams()}, on the lqd-epyc-2022
 *       {@code -j1 -> -j8} pairs of that mode;
 *   <li>{@code 2core-2026.<mode>}: the epyc-2022 values, with the machine's contention refitted on
 *       own-2core-2026 {@code -j1 -> -j2} clean builds of that mode, imported with each workspace's
 *       {@code --unit-graph} (few pairs: few parameters).
 * </ul>
 */
public final class ModelCalibration {
  /** The many-core data set, relative to the shared folder. */
  public static final String LQD = "groundtruth/lqd-epyc-2022/";

  /** The two-core data set, relative to the shared folder. */
  public static final String OWN = "groundtruth/own-2core-2026";

  /** The epyc-2022 rounds per mode: mode, -j1 folder, -j8 folder. */
  private static final String[][] EPYC = {
    {"check", "round-7-cargo-timing-check-j1", "round-11-cargo-timing-check-j8"},
    {"debug", "round-8-cargo-timing-debug-j1", "round-12-cargo-timing-debug-j8"},
    {"release", "round-9-cargo-timing-opt-j1", "round-13-cargo-timing-opt-j8"}
  };

  /** The own-2core-2026 timing files per mode (in {@link Mode} order). */
  private static final String[] OWN_KINDS = {"check", "clean-dev", "clean-release"};

  private ModelCalibration() {}

  /**
   * How to fit.
   *
   * @param rounds coordinate-descent rounds per fit
   * @param crossValidate also fit each epyc mode on half the pairs and report the other half
   * @param threads worker threads
   * @param objective what the fit minimises
   */
  public record Options(
      int rounds, boolean crossValidate, int threads, Calibrator.Objective objective) {}

  /**
   * The fit.
   *
   * @param fitted every calibration, epyc-2022 modes first, then 2core-2026
   * @param notes one line per fit (and cross-validation), for the file's header
   */
  public record Result(List<Calibration> fitted, List<String> notes) {
    public Result {
      fitted = List.copyOf(fitted);
      notes = List.copyOf(notes);
    }

    /** The calibration.toml text: the header with the notes, then the calibrations. */
    public String toml() {
      return header(notes) + Calibrations.toToml(fitted);
    }
  }

  /**
   * Fits every calibration on the ground truth under {@code shared}; {@code log} gets the progress,
   * one line at a time.
   *
   * @throws DataException when {@code shared} holds no lqd-epyc-2022 data
   */
  public static Result calibrate(Path shared, Options o, Consumer<String> log) throws Exception {
    if (!Files.isDirectory(shared.resolve(LQD))) {
      throw new DataException(shared + ": no " + LQD + " inside");
    }
    int n = o.threads();
    Calibrations start = Calibrations.start();
    List<Calibration> fitted = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Calibration> epycFits = new ArrayList<>();
    for (String[] e : EPYC) {
      Mode mode = Mode.parse(e[0]);
      List<Validation.Pair> pairs =
          Validation.pair(shared.resolve(LQD + e[1]), shared.resolve(LQD + e[2]));
      List<Validation.Loaded> pages = Validation.load(pairs, false, n, i -> {});
      EdgeKnowledge known =
          EdgeKnowledge.pool(pages.stream().map(Validation.Loaded::from).toList());
      log.accept(
          "fitting " + Calibrations.MANY_CORE + "." + mode.id() + " on " + pairs.size() + " pairs");
      Calibrator.Result r =
          Calibrator.fit(
              pairs,
              pages,
              known,
              start.get(Calibrations.MANY_CORE, mode),
              Calibrator.defaultParams(),
              1.0,
              n,
              o.rounds(),
              o.objective(),
              log);
      fitted.add(r.fitted());
      epycFits.add(r.fitted());
      notes.add(note(Calibrations.MANY_CORE + "." + mode.id(), pairs.size(), r));
      if (o.crossValidate()) {
        notes.add(crossValidate(pairs, pages, known, start.get(Calibrations.MANY_CORE, mode), o));
      }
    }
    for (int i = 0; i < 3; i++) {
      Mode mode = Mode.values()[i];
      Pattern kind = Pattern.compile(".*/timings/" + OWN_KINDS[i] + "-r\\d+$");
      List<Validation.Pair> pairs = new ArrayList<>();
      for (Validation.Pair p : Validation.pair(shared.resolve(OWN), shared.resolve(OWN))) {
        if (kind.matcher(p.key()).matches()) {
          pairs.add(p);
        }
      }
      // own-2core-2026 has each workspace's full --unit-graph: use it
      List<Validation.Loaded> pages = Validation.load(pairs, true, n, x -> {});
      Calibration base = epycFits.get(i);
      Calibration startOwn =
          new Calibration(Calibrations.TWO_CORE, mode, base.values())
              .with(
                  "contention_frontend",
                  start.get(Calibrations.TWO_CORE, mode).get("contention_frontend"))
              .with(
                  "contention_codegen",
                  start.get(Calibrations.TWO_CORE, mode).get("contention_codegen"));
      log.accept(
          "fitting " + Calibrations.TWO_CORE + "." + mode.id() + " on " + pairs.size() + " pairs");
      Calibrator.Result r =
          Calibrator.fit(
              pairs,
              pages,
              EdgeKnowledge.none(),
              startOwn,
              List.of(
                  new Calibrator.Param("contention_frontend", 0, 0.5, 0.02),
                  new Calibrator.Param("contention_codegen", 0, 0.5, 0.02)),
              1.0,
              n,
              o.rounds(),
              o.objective(),
              log);
      fitted.add(r.fitted());
      notes.add(note(Calibrations.TWO_CORE + "." + mode.id(), pairs.size(), r));
    }
    return new Result(fitted, notes);
  }

  private static String crossValidate(
      List<Validation.Pair> pairs,
      List<Validation.Loaded> pages,
      EdgeKnowledge known,
      Calibration start,
      Options o)
      throws Exception {
    List<List<Validation.Pair>> pf = Calibrator.folds(pairs);
    List<List<Validation.Loaded>> gf = Calibrator.folds(pages);
    StringBuilder sb =
        new StringBuilder("  cross-validation (fit on one half, test on the other):");
    for (int k = 0; k < 2; k++) {
      Calibrator.Result r =
          Calibrator.fit(
              pf.get(k),
              gf.get(k),
              known,
              start,
              Calibrator.defaultParams(),
              1.0,
              o.threads(),
              o.rounds(),
              o.objective(),
              x -> {});
      Validation.Summary test =
          Validation.summarize(
              Validation.predict(
                  pf.get(1 - k), gf.get(1 - k), (p, m) -> r.fitted(), known, o.threads(), x -> {}),
              1.0);
      sb.append(
          String.format(
              Locale.ROOT,
              " half %d: median %.1f %%, p90 %.1f %%;",
              1 - k,
              100 * test.medianAbsError(),
              100 * test.p90AbsError()));
    }
    return sb.toString();
  }

  private static String note(String what, int pairs, Calibrator.Result r) {
    return String.format(
        Locale.ROOT,
        "%-20s %3d pairs (%3d >= 1 s): median |error| %.1f %% -> %.1f %%, p90 %.1f %% -> "
            + "%.1f %%, within 10 %% %.0f %% -> %.0f %%",
        what,
        pairs,
        r.after().pairs(),
        100 * r.before().medianAbsError(),
        100 * r.after().medianAbsError(),
        100 * r.before().p90AbsError(),
        100 * r.after().p90AbsError(),
        100 * r.before().within10pct(),
        100 * r.after().within10pct());
  }

  private static String header(List<String> notes) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        """
        # cratesim calibration: the fitted parameters of the model of what changes when a measured
        # build runs again with another -j. Written by `cratesim calibrate --shared ../shared
        # -o sim/src/main/resources/org/cratesim/importer/calibration.toml` (deterministic:
        # the same data gives the same file). Fitted on ../shared/groundtruth only.
        #
        # Procedure: for each mode, pages measured at -j1 are imported (front end = .rmeta time,
        # codegen = the rest; units without .rmeta split by the *_frontend_share keys), the
        # dependency edges recorded in all -j1 pages are pooled per package, and each build is
        # simulated at the partner page's -j. Coordinate descent (Calibrator) minimises
        # median |error| + p90 |error| / 2 over pairs measured >= 1 s.
        #
        # Keys:
        #   contention_{frontend,codegen,other}  slowdown per extra busy thread: a thread runs at
        #                                        speed / (1 + c * (busy - 1))
        #   speed_{frontend,codegen,other}       speed of the predicted run relative to the
        #                                        measured one (epyc-2022.release speed_frontend:
        #                                        the -j1 opt round ran front ends slower than the
        #                                        -j8 round, a property of that dataset)
        #   codegen_serial_share                 share of codegen on rustc's main thread
        #   codegen_fixed_s                      serial codegen seconds before CGUs, per unit
        #   codegen_units                        CGUs per unit (rustc: 16 when not incremental)
        #   proc_macro_frontend_share            front-end share of a dependency proc macro
        #   root_proc_macro_frontend_share       the same for the proc macro being built
        #   build_script_frontend_share          front-end share of a build-script compile
        #   bin_frontend_share                   front-end share of a bin without .rmeta
        #   build_script_run_parallel_share      parallel share of a build-script run >= 1 s
        #
        # Results (validate errors before -> after this fit):
        """);
    for (String n : notes) {
      sb.append("#   ").append(n).append('\n');
    }
    return sb.append('\n').toString();
  }
}
