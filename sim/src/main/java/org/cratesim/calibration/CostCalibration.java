package org.cratesim.calibration;

import static org.cratesim.calibration.LogLeastSquares.logFit;
import static org.cratesim.calibration.LogLeastSquares.median;
import static org.cratesim.calibration.LogLeastSquares.predict;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.cratesim.cost.CostModel;
import org.cratesim.model.CostRates;
import org.cratesim.model.Mode;
import org.cratesim.timings.PageUnit;
import org.cratesim.timings.TimingsFormatException;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;

/**
 * Calibrates the size-based rates of {@link CostModel} ({@link CostRates}) on the leaf crates of
 * {@code groundtruth/lqd-epyc-2022}: their sizes and {@code -Ztime-passes} seconds ({@code
 * leaf-crate-profiles.csv}) and their units in the {@code -j1} timing pages of rounds 7 (check), 8
 * (debug) and 9 (opt).
 *
 * <p>What is measured where:
 *
 * <ul>
 *   <li>Absolute times come from the {@code -j1} pages only: the front end is the leaf unit's
 *       {@code .rmeta} time, codegen work is its duration minus that (at {@code -j1} rustc
 *       optimised its CGUs one at a time, so that span is work).
 *   <li>The {@code -Ztime-passes} columns come from other runs whose LLVM work ran on several
 *       threads and whose clock differs; they are used only to split: expansion and metadata shares
 *       of the front end's per-line slope (check mode), and the serial mono collector and MIR-to-IR
 *       translation, converted to {@code -j1} seconds by the slope of the check {@code -j1} front
 *       end against the check pass total (κ).
 *   <li>Front-end rates are fitted on check and debug only (the opt round is reported, not fitted).
 * </ul>
 *
 * <p>Every fit minimises the squared error of logarithms (a relative error, so that small and large
 * crates weigh alike) with non-negative coefficients, over crates whose leaf unit took at least
 * {@link #MIN_DURATION_S} at {@code -j1}. Values below the resolution of their source count as half
 * of it. Fitted rates are rounded to {@link #SIG_DIGITS} significant digits before later fits use
 * them, so the written file is self-consistent. Deterministic: the same data gives the same result,
 * to the bit.
 */
public final class CostCalibration {
  /** The data set, relative to the shared folder. */
  public static final String DATA_DIR = "groundtruth/lqd-epyc-2022";

  /** The per-crate sizes and passes, in {@link #DATA_DIR}. */
  public static final String PROFILES = "leaf-crate-profiles.csv";

  /** The command that regenerates the shipped costs.toml, run from the repository's top. */
  public static final String COMMAND =
      "java -jar sim/target/cratesim.jar calibrate-costs "
          + "--shared ../shared -o sim/src/main/resources/org/cratesim/cost/costs.toml";

  /** Crates whose leaf unit took less at -j1 carry too little signal. */
  public static final double MIN_DURATION_S = 0.2;

  /** cargo's release profile: 16 codegen units. */
  public static final int RELEASE_CGUS = Mode.RELEASE.defaultCodegenUnits();

  /** Significant digits of the written rates. */
  public static final int SIG_DIGITS = 4;

  /** Half the 1 ms resolution of the -Ztime-passes columns. */
  static final double PASS_FLOOR_S = 0.0005;

  /** Half the 10 ms resolution of cargo's timing pages. */
  static final double TIMING_FLOOR_S = 0.005;

  /** Fewer crates than this in a fit is an error. */
  static final int MIN_CRATES = 10;

  /** The range searched for llvm_opt_exponent. */
  static final double EXPONENT_MIN = 0.5;

  static final double EXPONENT_MAX = 2.0;

  private static final double K = 1000.0;

  /** The keys this calibration fits; every other key keeps its prior value. */
  public static final List<String> FITTED_KEYS =
      List.of(
          "frontend_fixed_s",
          "frontend_per_kloc_s",
          "expand_per_kloc_s",
          "metadata_write_per_kloc_s",
          "copies_per_line",
          "ir_lines_per_line",
          "ir_lines_per_instantiation",
          "mono_per_kinst_s",
          "translate_per_kir_s",
          "llvm_debug_per_kir_s",
          "llvm_opt_per_kir_s",
          "llvm_opt_exponent",
          "codegen_fixed_s");

  /** Why a key is not fitted here and where its value comes from. */
  static final Map<String, String> KEPT_SOURCES = keptSources();

  private CostCalibration() {}

  /**
   * How the data set names a mode: the prefix of the CSV's pass columns and the mode in the timing
   * files' names ({@code check}, {@code debug}, and cargo's profile name {@code opt} for release).
   */
  public static String dataId(Mode mode) {
    return mode == Mode.RELEASE ? "opt" : mode.id();
  }

  /** The folder of a mode's -j1 timing files, in {@link #DATA_DIR}: rounds 7, 8 and 9. */
  public static String folder(Mode mode) {
    return switch (mode) {
      case CHECK -> "round-7-cargo-timing-check-j1";
      case DEBUG -> "round-8-cargo-timing-debug-j1";
      case RELEASE -> "round-9-cargo-timing-opt-j1";
    };
  }

  /**
   * One row of the CSV.
   *
   * @param crate {@code name-version}
   * @param lines rust_code_lines (NaN when empty)
   * @param irLines llvm_lines_debug (NaN when empty)
   * @param copies llvm_copies_debug (NaN when empty)
   * @param passes every other numeric column by name ({@code check_expand_s}, ...); empty cells are
   *     absent
   */
  public record Profile(
      String crate, double lines, double irLines, double copies, Map<String, Double> passes) {
    public Profile {
      Objects.requireNonNull(crate);
      passes = Collections.unmodifiableMap(new LinkedHashMap<>(passes));
    }

    /** A -Ztime-passes column, {@code <mode>_<pass>_s}, or NaN when empty. */
    public double pass(Mode mode, String pass) {
      Double v = passes.get(dataId(mode) + "_" + pass + "_s");
      return v == null ? Double.NaN : v;
    }
  }

  /** The leaf crate's unit in a -j1 page: its duration and .rmeta time (null: none emitted). */
  public record Leaf(double duration, Double rmetaTime) {}

  /** One crate: its profile and its leaf unit in each round where one was found. */
  public record Sample(Profile profile, Map<Mode, Leaf> leaves) {
    public Sample {
      Objects.requireNonNull(profile);
      EnumMap<Mode, Leaf> m = new EnumMap<>(Mode.class);
      m.putAll(leaves);
      leaves = Collections.unmodifiableMap(m);
    }

    Leaf leaf(Mode mode) {
      return leaves.get(mode);
    }
  }

  /**
   * How well a fit predicts, per crate.
   *
   * @param n crates
   * @param medianAbsRelError median of |predicted / measured - 1|
   * @param r2Log 1 - SS(ln measured - ln predicted) / SS(ln measured - mean)
   * @param medianRelError median of predicted / measured - 1 (the bias)
   */
  public record Quality(int n, double medianAbsRelError, double r2Log, double medianRelError) {}

  /** A line of the report: what was fitted, on what, the rates, and how well. */
  public record Row(String quantity, String fittedOn, String rates, Quality quality) {}

  /**
   * The calibration.
   *
   * @param rates the prior rates with {@link #FITTED_KEYS} replaced
   * @param rows fit quality per pass or quantity
   * @param notes observations about the data, one line each
   */
  public record Result(CostRates rates, List<Row> rows, List<String> notes) {
    public Result {
      rows = List.copyOf(rows);
      notes = List.copyOf(notes);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** Reads the CSV and every crate's -j1 leaf units under {@code shared}. */
  public static List<Sample> load(Path shared) {
    Path dir = shared.resolve(DATA_DIR);
    if (!Files.isDirectory(dir)) {
      throw new DataException(shared + ": no " + DATA_DIR + " inside");
    }
    Path csv = dir.resolve(PROFILES);
    if (!Files.isRegularFile(csv)) {
      throw new DataException(csv + ": no such file");
    }
    List<Profile> profiles = readProfiles(csv);
    List<Sample> samples = new ArrayList<>();
    for (Profile p : profiles) {
      Map<Mode, Leaf> leaves = new EnumMap<>(Mode.class);
      for (Mode m : Mode.values()) {
        Path f = dir.resolve(folder(m)).resolve(timingFileName(p.crate(), m));
        if (!Files.isRegularFile(f)) {
          continue;
        }
        TimingsPage page;
        try {
          page = TimingsReader.read(f);
        } catch (TimingsFormatException e) {
          throw new DataException(e.getMessage());
        }
        Leaf leaf = leafOf(page, p.crate());
        if (leaf != null) {
          leaves.put(m, leaf);
        }
      }
      samples.add(new Sample(p, leaves));
    }
    return samples;
  }

  /**
   * {@code cargo-timing-<crate>-<mode>-j1.json}: how a crate's file is found (versions may hold
   * dashes).
   */
  public static String timingFileName(String crate, Mode mode) {
    return "cargo-timing-" + crate + "-" + dataId(mode) + "-j1.json";
  }

  /**
   * The leaf crate's library unit of a page: name-version equal to {@code crate}, target {@code ""}
   * or {@code " lib (check)"}; null when the page has none (a crate with only a bin).
   */
  public static Leaf leafOf(TimingsPage page, String crate) {
    for (PageUnit u : page.units()) {
      if ((u.name() + "-" + u.version()).equals(crate)
          && (u.target().isEmpty() || u.target().equals(" lib (check)"))) {
        return new Leaf(u.duration(), u.rmetaTime());
      }
    }
    return null;
  }

  /** Reads leaf-crate-profiles.csv. */
  public static List<Profile> readProfiles(Path csv) {
    try {
      return parseProfiles(Files.readString(csv, StandardCharsets.UTF_8), csv.toString());
    } catch (IOException e) {
      throw new DataException(csv + ": " + e.getMessage());
    }
  }

  /** Parses the CSV text; {@code source} names it in error messages. */
  public static List<Profile> parseProfiles(String text, String source) {
    String[] lines = text.split("\r?\n", -1);
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new DataException(source + ": empty file");
    }
    String[] header = lines[0].strip().split(",", -1);
    List<String> names = Arrays.asList(header);
    for (String need :
        List.of("crate", "rust_code_lines", "llvm_lines_debug", "llvm_copies_debug")) {
      if (!names.contains(need)) {
        throw new DataException(source + ":1: no column '" + need + "'");
      }
    }
    List<Profile> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != header.length) {
        throw new DataException(
            source + ":" + (i + 1) + ": " + cells.length + " cells, header has " + header.length);
      }
      String crate = null;
      double lines_ = Double.NaN;
      double ir = Double.NaN;
      double copies = Double.NaN;
      Map<String, Double> passes = new LinkedHashMap<>();
      for (int c = 0; c < header.length; c++) {
        String name = header[c];
        String cell = cells[c].strip();
        if (name.equals("crate")) {
          if (cell.isEmpty()) {
            throw new DataException(source + ":" + (i + 1) + ": empty crate");
          }
          crate = cell;
          continue;
        }
        if (cell.isEmpty()) {
          continue;
        }
        double v;
        try {
          v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
          throw new DataException(
              source + ":" + (i + 1) + ": " + name + " '" + cell + "' is not a number");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new DataException(
              source + ":" + (i + 1) + ": " + name + " must be >= 0, was " + cell);
        }
        switch (name) {
          case "rust_code_lines" -> lines_ = v;
          case "llvm_lines_debug" -> ir = v;
          case "llvm_copies_debug" -> copies = v;
          default -> passes.put(name, v);
        }
      }
      out.add(new Profile(crate, lines_, ir, copies, passes));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Calibration

  /**
   * The whole of {@code calibrate-costs}: the rates fitted on the leaf crates of {@link #DATA_DIR}
   * under {@code shared}, starting from the shipped ones, then the LTO rates fitted on top ({@link
   * LtoCalibration#withLto}).
   */
  public static Result calibrate(Path shared) {
    Result result = calibrate(load(shared), CostRates.shipped());
    try {
      return LtoCalibration.withLto(shared, result);
    } catch (IOException | TimingsFormatException e) {
      throw new DataException("LTO step: " + e.getMessage());
    }
  }

  /**
   * Calibrates {@link #FITTED_KEYS} on {@code samples}; every other key keeps {@code prior}'s
   * value.
   */
  public static Result calibrate(List<Sample> samples, CostRates prior) {
    List<Row> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, Double> fitted = new LinkedHashMap<>();

    // 1. The pass clock against the -j1 clock, and the front end's split (check passes).
    List<Sample> fePass =
        select(
            samples,
            s ->
                signal(s, Mode.CHECK)
                    && s.profile().lines() > 0
                    && !Double.isNaN(s.profile().pass(Mode.CHECK, "total"))
                    && !Double.isNaN(s.profile().pass(Mode.CHECK, "expand"))
                    && !Double.isNaN(s.profile().pass(Mode.CHECK, "typeck"))
                    && !Double.isNaN(s.profile().pass(Mode.CHECK, "borrowck"))
                    && !Double.isNaN(s.profile().pass(Mode.CHECK, "metadata")),
            "the front-end split");
    double[] checkTotal =
        col(fePass, s -> floor(s.profile().pass(Mode.CHECK, "total"), PASS_FLOOR_S));
    double[] checkRmeta = col(fePass, s -> floor(s.leaf(Mode.CHECK).rmetaTime(), TIMING_FLOOR_S));
    double[] scale = logFit(design(fePass.size(), i -> 1.0, i -> checkTotal[i]), checkRmeta, null);
    double kappa = scale[1];
    rows.add(
        new Row(
            "passes -> j1 scale",
            "check j1 rmeta ~ a + k*check_total_s (passes)",
            "a=" + fmt(sig(scale[0])) + " k=" + fmt(sig(kappa)) + " (k converts pass seconds)",
            quality(
                checkRmeta,
                predict(design(fePass.size(), i -> 1.0, i -> checkTotal[i]), scale, null))));

    double[][] xKloc = design(fePass.size(), i -> 1.0, i -> fePass.get(i).profile().lines() / K);
    double[] feTotal = logFit(xKloc, checkTotal, null);
    rows.add(
        new Row(
            "front end (passes)",
            "check_total_s ~ a + b*kloc",
            "a="
                + fmt(sig(feTotal[0]))
                + " b="
                + fmt(sig(feTotal[1]))
                + " (the shares' denominator)",
            quality(checkTotal, predict(xKloc, feTotal, null))));
    double[] shares = new double[3];
    String[][] parts = {
      {"expand", "check_expand_s"},
      {"type+borrow check", "check_typeck_s + check_borrowck_s"},
      {"metadata", "check_metadata_s"}
    };
    List<ToDoubleFunction<Sample>> partValues =
        List.of(
            s -> s.profile().pass(Mode.CHECK, "expand"),
            s -> s.profile().pass(Mode.CHECK, "typeck") + s.profile().pass(Mode.CHECK, "borrowck"),
            s -> s.profile().pass(Mode.CHECK, "metadata"));
    double[][] partFits = new double[3][];
    double[][] partY = new double[3][];
    for (int k = 0; k < 3; k++) {
      ToDoubleFunction<Sample> f = partValues.get(k);
      partY[k] = col(fePass, s -> floor(f.applyAsDouble(s), PASS_FLOOR_S));
      partFits[k] = logFit(xKloc, partY[k], null);
      shares[k] = feTotal[1] > 0 ? partFits[k][1] / feTotal[1] : 0;
    }
    if (shares[0] + shares[2] > 1) {
      throw new DataException(
          "expansion and metadata slopes exceed the front end's ("
              + fmt(sig(shares[0]))
              + " + "
              + fmt(sig(shares[2]))
              + ")");
    }

    // 2. Front end in -j1 seconds: check and debug rmeta times, pooled.
    List<Mode> feModes = List.of(Mode.CHECK, Mode.DEBUG);
    List<double[]> fePoints = new ArrayList<>(); // {kloc, rmeta, mode ordinal}
    for (Mode m : feModes) {
      for (Sample s : samples) {
        if (signal(s, m) && s.profile().lines() >= 0) {
          fePoints.add(
              new double[] {
                s.profile().lines() / K, floor(s.leaf(m).rmetaTime(), TIMING_FLOOR_S), m.ordinal()
              });
        }
      }
    }
    requireCrates(fePoints.size(), "the front end");
    double[][] feX = design(fePoints.size(), i -> 1.0, i -> fePoints.get(i)[0]);
    double[] feY = new double[fePoints.size()];
    for (int i = 0; i < feY.length; i++) {
      feY[i] = fePoints.get(i)[1];
    }
    double[] fe = logFit(feX, feY, null);
    double perKloc = fe[1];
    fitted.put("frontend_fixed_s", sig(fe[0]));
    fitted.put("expand_per_kloc_s", sig(shares[0] * perKloc));
    fitted.put("metadata_write_per_kloc_s", sig(shares[2] * perKloc));
    fitted.put("frontend_per_kloc_s", sig(perKloc * (1 - shares[0] - shares[2])));
    CostRates feRates = with(prior, fitted);
    double[] fePred = new double[feY.length];
    for (int i = 0; i < feY.length; i++) {
      fePred[i] = frontend(feRates, fePoints.get(i)[0] * K);
    }
    rows.add(
        new Row(
            "front end",
            "rmeta_time, check + debug j1 ~ fixed + per_kloc*kloc",
            keys(
                fitted,
                "frontend_fixed_s",
                "frontend_per_kloc_s",
                "expand_per_kloc_s",
                "metadata_write_per_kloc_s"),
            quality(feY, fePred)));
    for (Mode m : Mode.values()) {
      List<Sample> sel =
          samples.stream().filter(s -> signal(s, m) && s.profile().lines() >= 0).toList();
      if (sel.isEmpty()) {
        continue;
      }
      double[] y = col(sel, s -> floor(s.leaf(m).rmetaTime(), TIMING_FLOOR_S));
      double[] pr = col(sel, s -> frontend(feRates, s.profile().lines()));
      rows.add(
          new Row(
              "  front end, " + dataId(m),
              m == Mode.RELEASE
                  ? "rmeta_time, opt j1 (not fitted)"
                  : "rmeta_time, " + dataId(m) + " j1",
              "the rates above",
              quality(y, pr)));
    }
    for (int k = 0; k < 3; k++) {
      String rate =
          switch (k) {
            case 0 -> "expand_per_kloc_s=" + fmt(fitted.get("expand_per_kloc_s"));
            case 1 -> "(in frontend_per_kloc_s)";
            default -> "metadata_write_per_kloc_s=" + fmt(fitted.get("metadata_write_per_kloc_s"));
          };
      rows.add(
          new Row(
              parts[k][0],
              parts[k][1] + " ~ a + b*kloc (passes)",
              "b="
                  + fmt(sig(partFits[k][1]))
                  + " a="
                  + fmt(sig(partFits[k][0]))
                  + "; share of the"
                  + " per-kloc front end "
                  + pct(shares[k])
                  + " -> "
                  + rate,
              quality(partY[k], predict(xKloc, partFits[k], null))));
    }

    // 3. IR lines from lines and copies.
    List<Sample> irSet =
        select(
            samples,
            s -> s.profile().irLines() > 0 && s.profile().copies() > 0 && s.profile().lines() > 0,
            "IR lines");
    double[][] irX =
        design(
            irSet.size(),
            i -> irSet.get(i).profile().lines(),
            i -> irSet.get(i).profile().copies());
    double[] irY = col(irSet, s -> s.profile().irLines());
    double[] ir = logFit(irX, irY, null);
    fitted.put("ir_lines_per_line", sig(ir[0]));
    fitted.put("ir_lines_per_instantiation", sig(ir[1]));
    rows.add(
        new Row(
            "IR lines",
            "llvm_lines_debug ~ a*lines + b*copies",
            keys(fitted, "ir_lines_per_line", "ir_lines_per_instantiation"),
            quality(
                irY,
                col(
                    irSet,
                    s ->
                        irLines(with(prior, fitted), s.profile().lines(), s.profile().copies())))));
    // copies count every function a crate codegens, generic or not; a crate described by its
    // lines alone gets the median number of copies per line
    double[] perLine = col(irSet, s -> s.profile().copies() / s.profile().lines());
    double cpl = sig(median(perLine));
    fitted.put("copies_per_line", cpl);
    rows.add(
        new Row(
            "copies per line",
            "llvm_copies_debug / rust_code_lines, median",
            "copies_per_line=" + fmt(cpl),
            quality(
                col(irSet, s -> s.profile().copies()),
                col(irSet, s -> cpl * s.profile().lines()))));

    // 4. Codegen work, debug: serial parts from the passes (times k), the rest fitted on j1.
    List<Sample> dbg =
        select(
            samples,
            s ->
                hasCodegen(s, Mode.DEBUG)
                    && !Double.isNaN(s.profile().pass(Mode.DEBUG, "mono_collect"))
                    && !Double.isNaN(s.profile().pass(Mode.DEBUG, "codegen_ir")),
            "debug codegen");
    double[] kinst = col(dbg, s -> s.profile().copies() / K);
    double[] kir = col(dbg, s -> s.profile().irLines() / K);
    double[][] monoX = design(dbg.size(), i -> 1.0, i -> kinst[i]);
    double[] monoY =
        col(dbg, s -> floor(s.profile().pass(Mode.DEBUG, "mono_collect"), PASS_FLOOR_S));
    double[] mono = logFit(monoX, monoY, null);
    double[][] cgirX = design(dbg.size(), i -> 1.0, i -> kir[i]);
    double[] cgirY = col(dbg, s -> floor(s.profile().pass(Mode.DEBUG, "codegen_ir"), PASS_FLOOR_S));
    double[] cgir = logFit(cgirX, cgirY, null);
    fitted.put("mono_per_kinst_s", sig(kappa * mono[1]));
    fitted.put("translate_per_kir_s", sig(kappa * cgir[1]));
    rows.add(
        new Row(
            "mono collect",
            "debug_mono_collect_s ~ a + b*kinst (passes)",
            "b="
                + fmt(sig(mono[1]))
                + " a="
                + fmt(sig(mono[0]))
                + "; mono_per_kinst_s = k*b = "
                + fmt(fitted.get("mono_per_kinst_s")),
            quality(monoY, predict(monoX, mono, null))));
    rows.add(
        new Row(
            "codegen_ir",
            "debug_codegen_ir_s ~ a + b*kir (passes)",
            "b="
                + fmt(sig(cgir[1]))
                + " a="
                + fmt(sig(cgir[0]))
                + "; translate_per_kir_s = k*b = "
                + fmt(fitted.get("translate_per_kir_s")),
            quality(cgirY, predict(cgirX, cgir, null))));
    double[] dbgY = col(dbg, s -> floor(codegenWork(s.leaf(Mode.DEBUG)), TIMING_FLOOR_S));
    // the serial part with mono and translate as fitted, but without its fixed seconds: the
    // fit's intercept
    CostRates serialRates = with(prior, fitted).with("codegen_fixed_s", 0);
    double[] dbgOff = new double[dbg.size()];
    for (int i = 0; i < dbgOff.length; i++) {
      dbgOff[i] =
          CostModel.serialCodegen(
              serialRates,
              dbg.get(i).profile().copies(),
              kir[i],
              CostModel.debuginfoFactor(serialRates, 2));
    }
    double[][] dbgX = design(dbg.size(), i -> 1.0, i -> kir[i]);
    double[] dbgFit = logFit(dbgX, dbgY, dbgOff);
    fitted.put("codegen_fixed_s", sig(dbgFit[0]));
    fitted.put("llvm_debug_per_kir_s", sig(dbgFit[1]));
    CostRates dbgRates = with(prior, fitted);
    double[] dbgPred =
        col(dbg, s -> debugCodegen(dbgRates, s.profile().copies(), s.profile().irLines()));
    double[] serialShare = new double[dbgY.length];
    for (int i = 0; i < dbgPred.length; i++) {
      serialShare[i] = dbgOff[i] / dbgY[i];
    }
    rows.add(
        new Row(
            "codegen work debug",
            "debug j1 duration - rmeta ~ fixed + mono*kinst + (translate + llvm_debug)*kir",
            keys(fitted, "codegen_fixed_s", "llvm_debug_per_kir_s") + " (mono, translate above)",
            quality(dbgY, dbgPred)));

    // 5. Codegen work, release: LLVM at opt-level 3 per CGU, as CostModel computes it.
    double dbgNone = CostModel.debuginfoFactor(prior, 0); // cargo's release profile
    double ref = prior.get("llvm_opt_ref_kir");
    double minCgu = prior.get("min_cgu_kir");
    double thinLocal = prior.get("thin_local_lto_share");
    List<Sample> rel = select(samples, s -> hasCodegen(s, Mode.RELEASE), "release codegen");
    double[] relKir = col(rel, s -> s.profile().irLines() / K);
    double[] relY = col(rel, s -> floor(codegenWork(s.leaf(Mode.RELEASE)), TIMING_FLOOR_S));
    // the serial part with the rates fitted above (dbgRates), LLVM fitted on what is left
    double[] relOff =
        col(
            rel,
            s ->
                CostModel.serialCodegen(
                    dbgRates, s.profile().copies(), s.profile().irLines() / K, dbgNone));
    double[] cgus = new double[rel.size()];
    double[] llvmScale = new double[rel.size()];
    for (int i = 0; i < cgus.length; i++) {
      cgus[i] = CostModel.cguCount(relKir[i], RELEASE_CGUS, minCgu);
      // LLVM work scaled by debuginfo, plus CostModel.thinLocalLto of it: linear in the rates
      llvmScale[i] = dbgNone * (cgus[i] > 1 ? 1 + thinLocal : 1);
    }
    ReleaseFit rf = fitRelease(relKir, cgus, llvmScale, relOff, relY, ref);
    fitted.put("llvm_opt_exponent", sig(rf.exponent()));
    double p = fitP(relKir, cgus, llvmScale, relOff, relY, ref, fitted.get("llvm_opt_exponent"));
    fitted.put("llvm_opt_per_kir_s", sig(p));

    CostRates out = with(prior, fitted);
    rows.add(
        new Row(
            "codegen work release",
            "opt j1 duration - rmeta ~ fixed + mono*kinst"
                + " + dbg0*(translate*kir + (1 + tl)*n*p*ref*(kir/n/ref)^e)",
            keys(fitted, "llvm_opt_per_kir_s", "llvm_opt_exponent")
                + " (ref "
                + fmt(ref)
                + " kir; dbg0 = debuginfo_none_factor "
                + fmt(dbgNone)
                + "; n = min("
                + RELEASE_CGUS
                + ", ceil(kir/"
                + fmt(minCgu)
                + ")) CGUs; tl = thin_local_lto_share "
                + fmt(thinLocal)
                + " when n > 1)",
            quality(
                relY,
                col(rel, s -> releaseCodegen(out, s.profile().copies(), s.profile().irLines())))));

    notes(samples, fitted, rf, serialShare, notes);
    return new Result(out, rows, notes);
  }

  // The model as CostModel composes its phases for a leaf library with no dependencies and no
  // proc macros, in cargo's default profiles: what the fits above assume.

  /** LLVM IR lines of a crate of {@code lines} lines and {@code copies} monomorphised copies. */
  public static double irLines(CostRates r, double lines, double copies) {
    return CostModel.irLines(r, lines, copies);
  }

  /** The front end of a crate of {@code lines} lines (check, debug and release alike). */
  public static double frontend(CostRates r, double lines) {
    return CostModel.ownFrontend(
        r, CostModel.effectiveLines(r, lines, 0), CostModel.expand(r, lines, 0));
  }

  /** Codegen work at opt-level 0 with full debuginfo (cargo's dev profile). */
  public static double debugCodegen(CostRates r, double copies, double irLines) {
    double kir = irLines / K;
    double dbg = CostModel.debuginfoFactor(r, 2);
    return CostModel.serialCodegen(r, copies, kir, dbg)
        + CostModel.llvmWork(r, kir, 1, false) * dbg; // the CGU count: none at opt-level 0
  }

  /**
   * Codegen work plus thin-local LTO at opt-level 3 without debuginfo (cargo's release profile): n
   * = min(16, ceil(kir / min_cgu_kir)) CGUs, translation and LLVM scaled by debuginfo_none_factor,
   * thin-local LTO adding thin_local_lto_share of LLVM when n > 1.
   */
  public static double releaseCodegen(CostRates r, double copies, double irLines) {
    double kir = irLines / K;
    int n = CostModel.cguCount(kir, RELEASE_CGUS, r.get("min_cgu_kir"));
    double dbg = CostModel.debuginfoFactor(r, 0);
    double llvm = CostModel.llvmWork(r, kir, n, true) * dbg;
    return CostModel.serialCodegen(r, copies, kir, dbg) + llvm + CostModel.thinLocalLto(r, llvm, n);
  }

  private static CostRates with(CostRates r, Map<String, Double> values) {
    for (var e : values.entrySet()) {
      r = r.with(e.getKey(), e.getValue());
    }
    return r;
  }

  record ReleaseFit(double exponent, double perKir, boolean atBound) {}

  /**
   * Fits y = off + scale * llvmOpt(kir, n, p, ref, e) for p and e: p is profiled out, e is searched
   * on a grid of 0.01, then by golden section around the best point.
   */
  static ReleaseFit fitRelease(
      double[] kir, double[] n, double[] scale, double[] off, double[] y, double ref) {
    double bestE = EXPONENT_MIN;
    double bestObj = Double.POSITIVE_INFINITY;
    int steps = (int) Math.round((EXPONENT_MAX - EXPONENT_MIN) * 100);
    for (int i = 0; i <= steps; i++) {
      double e = EXPONENT_MIN + i / 100.0;
      double obj = releaseObjective(kir, n, scale, off, y, ref, e);
      if (obj < bestObj) {
        bestObj = obj;
        bestE = e;
      }
    }
    double lo = Math.max(EXPONENT_MIN, bestE - 0.01);
    double hi = Math.min(EXPONENT_MAX, bestE + 0.01);
    double g = (Math.sqrt(5) - 1) / 2;
    double a = hi - g * (hi - lo);
    double b = lo + g * (hi - lo);
    double fa = releaseObjective(kir, n, scale, off, y, ref, a);
    double fb = releaseObjective(kir, n, scale, off, y, ref, b);
    for (int it = 0; it < 60 && hi - lo > 1e-10; it++) {
      if (fa <= fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - g * (hi - lo);
        fa = releaseObjective(kir, n, scale, off, y, ref, a);
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + g * (hi - lo);
        fb = releaseObjective(kir, n, scale, off, y, ref, b);
      }
    }
    double e = (lo + hi) / 2;
    if (releaseObjective(kir, n, scale, off, y, ref, e) > bestObj) {
      e = bestE;
    }
    boolean atBound = e <= EXPONENT_MIN + 1e-6 || e >= EXPONENT_MAX - 1e-6;
    return new ReleaseFit(e, fitP(kir, n, scale, off, y, ref, e), atBound);
  }

  private static double releaseObjective(
      double[] kir, double[] n, double[] scale, double[] off, double[] y, double ref, double e) {
    double p = fitP(kir, n, scale, off, y, ref, e);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double d =
          Math.log(off[i] + scale[i] * CostModel.llvmOpt(kir[i], n[i], p, ref, e)) - Math.log(y[i]);
      s += d * d;
    }
    return s;
  }

  /** The best llvm_opt_per_kir_s for a given exponent. */
  static double fitP(
      double[] kir, double[] n, double[] scale, double[] off, double[] y, double ref, double e) {
    double[][] x = new double[y.length][1];
    for (int i = 0; i < y.length; i++) {
      x[i][0] = scale[i] * CostModel.llvmOpt(kir[i], n[i], 1.0, ref, e);
    }
    return logFit(x, y, off)[0];
  }

  private static void notes(
      List<Sample> samples,
      Map<String, Double> fitted,
      ReleaseFit rf,
      double[] serialShare,
      List<String> notes) {
    notes.add(
        samples.size()
            + " crates in "
            + PROFILES
            + "; every fit keeps crates whose leaf "
            + "unit took >= "
            + fmt(MIN_DURATION_S)
            + " s at -j1.");
    for (Mode m : Mode.values()) {
      long none = samples.stream().filter(s -> s.leaf(m) == null).count();
      long noRmeta =
          samples.stream().filter(s -> s.leaf(m) != null && s.leaf(m).rmetaTime() == null).count();
      if (none > 0 || noRmeta > 0) {
        notes.add(
            dataId(m)
                + " j1: "
                + none
                + " crate(s) without a lib unit of that name (skipped)"
                + (noRmeta > 0
                    ? ", "
                        + noRmeta
                        + " without .rmeta (proc macros: no front-end/"
                        + "codegen split, skipped)"
                    : "")
                + ".");
      }
    }
    List<Sample> noIr =
        samples.stream()
            .filter(
                s ->
                    s.profile().irLines() == 0
                        && s.leaf(Mode.DEBUG) != null
                        && s.leaf(Mode.DEBUG).rmetaTime() != null)
            .toList();
    if (!noIr.isEmpty()) {
      notes.add(
          noIr.size()
              + " crates have no LLVM IR (llvm_lines_debug = 0); their debug j1 "
              + "codegen work (duration - rmeta) is a median "
              + fmt(sig(median(col(noIr, s -> codegenWork(s.leaf(Mode.DEBUG))))))
              + " s (vs codegen_fixed_s = "
              + fmt(fitted.get("codegen_fixed_s"))
              + ").");
    }
    double[] dc = ratios(samples, Mode.DEBUG, Mode.CHECK);
    double[] oc = ratios(samples, Mode.RELEASE, Mode.CHECK);
    double[] od = ratios(samples, Mode.RELEASE, Mode.DEBUG);
    if (dc.length > 0 && oc.length > 0 && od.length > 0) {
      notes.add(
          "Front ends (rmeta_time, crates >= "
              + fmt(MIN_DURATION_S)
              + " s): debug/check "
              + "median "
              + fmt(sig(median(dc)))
              + ", opt/check "
              + fmt(sig(median(oc)))
              + ", opt/debug "
              + fmt(sig(median(od)))
              + ".");
    }
    if (fitted.get("ir_lines_per_line") == 0) {
      notes.add(
          "ir_lines_per_line is at its bound 0: with copies known, source lines add no IR "
              + "(copies count every codegen'd function, generic or not).");
    }
    if (serialShare.length > 0) {
      notes.add(
          "Serial share (mono + translate) of debug j1 codegen work: median "
              + pct(median(serialShare))
              + ".");
    }
    if (rf.atBound()) {
      notes.add(
          "llvm_opt_exponent hit the search bound ["
              + fmt(EXPONENT_MIN)
              + ", "
              + fmt(EXPONENT_MAX)
              + "].");
    }
  }

  private static double[] ratios(List<Sample> samples, Mode a, Mode b) {
    return samples.stream()
        .filter(s -> signal(s, a) && signal(s, b))
        .mapToDouble(s -> s.leaf(a).rmetaTime() / s.leaf(b).rmetaTime())
        .toArray();
  }

  /** The leaf unit of mode {@code m} exists, emitted .rmeta and took >= MIN_DURATION_S. */
  static boolean signal(Sample s, Mode m) {
    Leaf l = s.leaf(m);
    return l != null
        && l.rmetaTime() != null
        && l.rmetaTime() > 0
        && l.duration() >= MIN_DURATION_S;
  }

  private static boolean hasCodegen(Sample s, Mode m) {
    return signal(s, m) && s.profile().irLines() > 0 && s.profile().copies() > 0;
  }

  private static double codegenWork(Leaf l) {
    return l.duration() - l.rmetaTime();
  }

  private static List<Sample> select(List<Sample> samples, Predicate<Sample> p, String what) {
    List<Sample> out = samples.stream().filter(p).toList();
    requireCrates(out.size(), what);
    return out;
  }

  private static void requireCrates(int n, String what) {
    if (n < MIN_CRATES) {
      throw new DataException(
          "only " + n + " crates with enough signal to fit " + what + " (need " + MIN_CRATES + ")");
    }
  }

  /** Per-crate quality of predictions {@code pred} of {@code y} (both > 0). */
  static Quality quality(double[] y, double[] pred) {
    int n = y.length;
    double[] abs = new double[n];
    double[] rel = new double[n];
    double meanLog = 0;
    for (int i = 0; i < n; i++) {
      rel[i] = pred[i] / y[i] - 1;
      abs[i] = Math.abs(rel[i]);
      meanLog += Math.log(y[i]);
    }
    meanLog /= n;
    double ssRes = 0;
    double ssTot = 0;
    for (int i = 0; i < n; i++) {
      double d = Math.log(y[i]) - Math.log(pred[i]);
      double e = Math.log(y[i]) - meanLog;
      ssRes += d * d;
      ssTot += e * e;
    }
    double r2 = ssTot > 0 ? 1 - ssRes / ssTot : (ssRes == 0 ? 1 : Double.NEGATIVE_INFINITY);
    return new Quality(n, median(abs), r2, median(rel));
  }

  private static double floor(double v, double min) {
    return Math.max(v, min);
  }

  private static double[] col(List<Sample> s, ToDoubleFunction<Sample> f) {
    return s.stream().mapToDouble(f).toArray();
  }

  private interface Col {
    double at(int i);
  }

  private static double[][] design(int n, Col... cols) {
    double[][] x = new double[n][cols.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < cols.length; j++) {
        x[i][j] = cols[j].at(i);
      }
    }
    return x;
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  /** {@code x} rounded to {@link #SIG_DIGITS} significant digits. */
  static double sig(double x) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    return new BigDecimal(x)
        .round(new MathContext(SIG_DIGITS, RoundingMode.HALF_EVEN))
        .doubleValue();
  }

  /** A plain decimal with a point: 40.0, 0.0001234 (never an exponent). */
  static String fmt(double x) {
    String s = BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    return s.contains(".") ? s : s + ".0";
  }

  private static String pct(double x) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * x);
  }

  private static String keys(Map<String, Double> fitted, String... keys) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(fmt(fitted.get(k)));
    }
    return sb.toString();
  }

  /** The quality table and the notes, for a terminal (and, prefixed with '# ', for the file). */
  public static String table(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-22s %5s %9s %8s %8s  %s%n",
            "quantity",
            "n",
            "med|err|",
            "bias",
            "R2(ln)",
            "fitted on"));
    for (Row row : r.rows()) {
      Quality q = row.quality();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-22s %5d %7.1f %% %+6.1f %% %8.3f  %s%n",
              row.quantity(),
              q.n(),
              100 * q.medianAbsRelError(),
              100 * q.medianRelError(),
              q.r2Log(),
              row.fittedOn()));
      sb.append(String.format(Locale.ROOT, "%-56s-> %s%n", "", row.rates()));
    }
    sb.append(String.format(Locale.ROOT, "%n"));
    for (String n : r.notes()) {
      sb.append("note: ").append(n).append(String.format(Locale.ROOT, "%n"));
    }
    return sb.toString();
  }

  /** The costs.toml text: header comments (method, table, kept keys), then {@code [costs]}. */
  public static String toml(Result r) {
    StringBuilder sb = new StringBuilder();
    for (String line :
        List.of(
            "Rates of cratesim's size-based cost model (org.cratesim.cost.CostModel; keys and units in",
            "CostRates). Calibrated on ../shared/" + DATA_DIR + " (" + PROFILES + " and the -j1",
            "timing pages of rounds 7 check, 8 debug, 9 opt) by, from the repository's top:",
            "  " + COMMAND,
            "Deterministic: the same data gives the same file.",
            "",
            "Method: least squares on ln values, non-negative rates, crates whose leaf unit took >= "
                + fmt(MIN_DURATION_S)
                + " s",
            "at -j1; values below their resolution count as half of it (passes 0.5 ms, timings 5 ms).",
            "Times are -j1 seconds: front end = the leaf unit's rmeta_time (check and debug pooled;",
            "opt only reported), codegen work = duration - rmeta_time (one CGU at a time at -j1).",
            "The -Ztime-passes columns (other runs, LLVM on several threads) only split: expand and",
            "metadata as shares of the check front end's per-kloc slope (the rest, parse/resolve/",
            "typeck/borrowck/lints, is frontend_per_kloc_s), and the serial mono collector and",
            "codegen_ir, converted to -j1 seconds by k (passes -> j1 scale). llvm_debug_per_kir_s and",
            "codegen_fixed_s are then fitted on debug work, llvm_opt_* on release work with the rest",
            "fixed. Release codegen is CostModel's for a lib in cargo's release profile: debuginfo 0",
            "scales translate and LLVM by debuginfo_none_factor (dbg0), n = min(16, ceil(kir /",
            "min_cgu_kir)) CGUs, thin-local LTO adds thin_local_lto_share (tl) of LLVM when n > 1.",
            "",
            "Fit quality per crate: med|err| = median |predicted/measured - 1|, bias = median of",
            "predicted/measured - 1, R2(ln) = 1 - SS(ln measured - ln predicted)/SS(ln measured - "
                + "mean).",
            "")) {
      sb.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    for (String line : table(r).split("\r?\n")) {
      sb.append(line.isBlank() ? "#" : "# " + line.stripTrailing()).append('\n');
    }
    sb.append(
        "#\n# Not calibrated here (the CSV and -j1 pages cannot see them): kept at the "
            + "previous\n# costs.toml's value, whose source is:\n");
    for (String k : CostRates.KEYS.keySet()) {
      if (!FITTED_KEYS.contains(k)) {
        sb.append("#   ")
            .append(k)
            .append(" = ")
            .append(fmt(r.rates().get(k)))
            .append(": ")
            .append(KEPT_SOURCES.getOrDefault(k, "initial estimate, not measured"))
            .append('\n');
      }
    }
    sb.append("[costs]\n");
    for (String k : CostRates.KEYS.keySet()) {
      sb.append(k).append(" = ").append(fmt(r.rates().get(k))).append('\n');
    }
    return sb.toString();
  }

  private static Map<String, String> keptSources() {
    Map<String, String> m = new LinkedHashMap<>();
    String est = "initial estimate, not measured";
    m.put(
        "expand_per_invocation_s",
        est
            + " (proc-macro invocations are not in the CSV; "
            + "their cost sits in frontend_fixed_s/per_kloc here)");
    m.put("generated_lines_per_invocation", est + " (not in the CSV)");
    m.put(
        "metadata_load_per_dep_s",
        est
            + " (dependencies not separable from the leaf's "
            + "front end; their average sits in frontend_fixed_s here)");
    m.put("metadata_load_per_dep_kloc_s", est + " (as metadata_load_per_dep_s)");
    m.put("llvm_opt_ref_kir", "reference CGU size, a choice (llvm_opt_per_kir_s refers to it)");
    m.put("min_cgu_kir", est);
    m.put("link_fixed_s", est + " (leaf libs do not link)");
    m.put("link_per_kir_s", est + " (leaf libs do not link)");
    m.put("link_per_input_s", est + " (leaf libs do not link)");
    m.put(
        "linker_lld_factor",
        "ripgrep: linking 7x faster with lld (blog.rust-lang.org "
            + "2025-09-01 rust-lld-on-1.90.0-stable); own-2core cli, incremental dev -j2 "
            + "(cratesim measure, 2026-12-02, sim/src/test/resources/measured): GNU ld 0.97 s "
            + "longer than rust-lld, lld / ld = 0.138 with bin_link_s 0.155 s");
    m.put(
        "linker_mold_factor",
        "the same campaign: mold 1.10 through cc -fuse-ld=mold, a 0.34 s link, 0.30 of GNU "
            + "ld's (slower than rust-lld there)");
    m.put(
        "debuginfo_line_tables_factor",
        "line-tables-only saves 2-30 % (blog.rust-lang.org "
            + "2025-09-10 compiler-performance-survey-2025-results)");
    m.put("debuginfo_none_factor", est + " (confounded with opt-level in this data)");
    m.put(
        "timed_host_debuginfo_none_factor",
        "fitted on lqd-experiments build-defaults, check -j1 (cratesim validate-experiments"
            + " --fit-host-debuginfo)");
    m.put("bitcode_only_factor", est);
    m.put("thin_local_lto_share", est);
    m.put("lto_thin_factor", est);
    m.put("lto_fat_factor", est);
    m.put(
        "frontend_parallel_share",
        "fitted on own-2core's mono, clean check -j2, -Z threads=2 on nightly 1.97: -27.8 %"
            + " measured (cratesim measure, 2026-12-02, sim/src/test/resources/measured; cratesim"
            + " validate-strategies); the 2023 post's 8 threads (cargo's front end 10.2 -> 5.9 s,"
            + " blog.rust-lang.org 2023-11-09 parallel-rustc) give 0.48: scaling flattens beyond"
            + " a few threads, so predictions past 2 threads are optimistic");
    m.put("frontend_parallel_overhead", "1 thread 0-2 % slower than serial (same post)");
    m.put("inline_share", est);
    return Collections.unmodifiableMap(m);
  }
}
