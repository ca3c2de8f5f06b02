package org.cratesim.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.Schema;
import org.cratesim.scenario.Schema.Key;
import org.cratesim.strategy.Strategies;
import org.cratesim.timings.PageUnit;
import org.cratesim.timings.TimingsFormatException;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.cratesim.timings.UnitGraphFile;

/**
 * Predictions of own-2core-2026's rebuilds from its clean builds, and the fit of the incremental
 * model's parameters on them.
 *
 * <p>Discovery ({@link #discover}): every {@code incr-*} kind of {@code runs.csv} (or of the timing
 * pages, {@code <ws>/timings/<kind>-j<N>-r<rep>.json}) with clean pages of the same workspace, mode
 * and -j ({@code clean-dev-j<N>-r*} for a {@code cargo build}, {@code check-j<N>-r*} for a {@code
 * cargo check}) is one rebuild. The mode: {@code check} when the kind has {@code -check}, else dev.
 * The edited crate: the kind ends in {@code top}, {@code leaf} or {@code mid} ({@code incr-check}
 * touches the top crate, as the folder's README says); top is the member of {@code cargo
 * metadata}'s workspace no other member depends on, leaf the member that depends on no other
 * member; otherwise (mid, or several candidates) the crate the rebuild pages show rebuilt first:
 * the rebuilt member none of whose member dependencies was rebuilt. The edit: {@code
 * incr-dev-edit-*} adds a {@code pub fn} (gen/ and the README: an API-visible change) and is a
 * {@code signature} edit; {@code incr-dev-*} appends a comment and {@code incr-check} touches the
 * file, both {@code comment} edits. A rebuild whose pages compile a crate that is neither the
 * edited one nor a member depending on it (macro-heavy's {@code incr-check-top} recompiled serde:
 * its target directory had no check build yet) is skipped, with the reason.
 *
 * <p>Each rebuild is simulated from every clean page (imported with the workspace's unit graph, the
 * workspace members from {@code cargo metadata}) and the median taken; measured values are the
 * medians of the repetitions in {@code runs.csv} (cargo's start-up included, as in the simulation).
 * The "precompiled proc macros" builds (only the proc-macro side built beforehand) are simulated
 * from each clean page they were interleaved with, as the {@code precompiled-proc-macros} strategy
 * with no per-invocation overhead (the macros still ran natively).
 *
 * <p>The fit ({@link #fit}): the parameters {@link #FITTED} of {@link Rebuild} minimise the sum
 * over rebuilds of log(predicted / measured)^2 (Nelder-Mead from the shipped defaults, parameters
 * kept in their ranges); the others are measured, not fitted (see {@link Rebuild#CLEAN}). The
 * leave-one-workspace-out error refits without each workspace in turn and predicts its rebuilds.
 */
public final class RebuildValidation {
  private RebuildValidation() {}

  /** The indexes in {@link Rebuild#values()} of the parameters {@link #fit} fits. */
  public static final int[] FITTED = {0, 1, 2, 3, 4, 7, 9, 11};

  /** An incremental build: simulated and measured (median, min, max of the repetitions). */
  public record IncrementalRow(
      String workspace,
      String kind,
      int jobs,
      String edit,
      double predictedS,
      double measuredS,
      double minS,
      double maxS) {
    public double error() {
      return predictedS / measuredS - 1;
    }
  }

  /** A precompiled-macros pair: clean and precompiled, predicted and measured (medians). */
  public record PrecompiledRow(
      String mode,
      int jobs,
      double cleanPredictedS,
      double cleanMeasuredS,
      double predictedS,
      double measuredS) {
    public double error() {
      return predictedS / measuredS - 1;
    }

    public double predictedSavingS() {
      return cleanPredictedS - predictedS;
    }

    public double measuredSavingS() {
      return cleanMeasuredS - measuredS;
    }
  }

  /**
   * A rebuild found in the folder.
   *
   * @param mode {@code dev} or {@code check}
   * @param edit the edited crate and the kind of the edit
   * @param cleanPages the clean pages of the same workspace, mode and -j
   * @param measured the measured walls of the repetitions
   */
  public record Case(
      String workspace,
      String kind,
      int jobs,
      String mode,
      Rebuild.Edit edit,
      List<Path> cleanPages,
      List<Double> measured) {}

  /** A kind found in the folder that is not predicted, and why. */
  public record Skipped(String workspace, String kind, int jobs, String reason) {}

  /** What {@link #discover} found. */
  public record Discovery(List<Case> cases, List<Skipped> skipped) {}

  private static final Pattern PAGE = Pattern.compile("(incr-[a-z-]+)-j(\\d+)-r\\w+\\.json");

  /** Every rebuild of {@code own}: see the class comment. */
  public static Discovery discover(Path own) throws IOException, TimingsFormatException {
    Map<String, List<Double>> runs = runs(own.resolve("runs.csv"));
    // workspace -> kind -> jobs -> rebuild pages
    Map<String, Map<String, Map<Integer, List<Path>>>> pages = new TreeMap<>();
    Set<String> keys = new LinkedHashSet<>();
    for (String k : runs.keySet()) {
      String[] f = k.split(",");
      if (f[1].startsWith("incr-")) {
        keys.add(k);
      }
    }
    try (DirectoryStream<Path> wss = Files.newDirectoryStream(own, Files::isDirectory)) {
      for (Path ws : sorted(wss)) {
        Path t = ws.resolve("timings");
        if (!Files.isDirectory(t)) {
          continue;
        }
        try (DirectoryStream<Path> ps = Files.newDirectoryStream(t, "incr-*.json")) {
          for (Path p : sorted(ps)) {
            Matcher m = PAGE.matcher(p.getFileName().toString());
            if (m.matches()) {
              String w = ws.getFileName().toString();
              int j = Integer.parseInt(m.group(2));
              pages
                  .computeIfAbsent(w, x -> new TreeMap<>())
                  .computeIfAbsent(m.group(1), x -> new TreeMap<>())
                  .computeIfAbsent(j, x -> new ArrayList<>())
                  .add(p);
              keys.add(w + "," + m.group(1) + "," + j);
            }
          }
        }
      }
    }
    List<Case> cases = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (String key : keys.stream().sorted().toList()) {
      String[] f = key.split(",");
      String ws = f[0];
      String kind = f[1];
      int j = Integer.parseInt(f[2]);
      Path dir = own.resolve(ws);
      String mode = kind.contains("-check") ? "check" : "dev";
      List<Path> clean = cleanPages(dir.resolve("timings"), mode, j);
      if (clean.isEmpty()) {
        skipped.add(new Skipped(ws, kind, j, "no clean " + mode + " page at -j" + j));
        continue;
      }
      if (!Files.isRegularFile(dir.resolve("metadata.json"))) {
        skipped.add(new Skipped(ws, kind, j, "no metadata.json"));
        continue;
      }
      List<Path> rebuilt = pages.getOrDefault(ws, Map.of()).getOrDefault(kind, Map.of()).get(j);
      List<Double> measured = runs.get(key);
      if (measured == null) {
        measured = new ArrayList<>();
        for (Path p : rebuilt) {
          measured.add(TimingsReader.read(p).totalSeconds());
        }
      }
      Workspace w = Workspace.of(dir);
      List<Set<String>> compiled = new ArrayList<>();
      for (Path p : rebuilt == null ? List.<Path>of() : rebuilt) {
        compiled.add(compiled(TimingsReader.read(p)));
      }
      Optional<String> crate = w.edited(kind, compiled);
      if (crate.isEmpty()) {
        skipped.add(new Skipped(ws, kind, j, "cannot tell the edited crate"));
        continue;
      }
      Set<String> allowed = w.dependentsOf(crate.get());
      Set<String> other = new java.util.TreeSet<>();
      compiled.forEach(c -> c.stream().filter(n -> !allowed.contains(n)).forEach(other::add));
      if (!other.isEmpty()) {
        skipped.add(
            new Skipped(
                ws,
                kind,
                j,
                "its pages compile "
                    + String.join(", ", other)
                    + ", which an edit to "
                    + crate.get()
                    + " leaves fresh: not a rebuild of a built tree"));
        continue;
      }
      Rebuild.EditKind ek =
          kind.startsWith("incr-dev-edit-") ? Rebuild.EditKind.SIGNATURE : Rebuild.EditKind.COMMENT;
      cases.add(new Case(ws, kind, j, mode, new Rebuild.Edit(crate.get(), ek), clean, measured));
    }
    return new Discovery(cases, skipped);
  }

  private static List<Path> sorted(DirectoryStream<Path> s) {
    List<Path> out = new ArrayList<>();
    s.forEach(out::add);
    out.sort(null);
    return out;
  }

  private static List<Path> cleanPages(Path timings, String mode, int j) throws IOException {
    if (!Files.isDirectory(timings)) {
      return List.of();
    }
    String prefix = (mode.equals("dev") ? "clean-dev" : "check") + "-j" + j + "-r";
    try (DirectoryStream<Path> ps = Files.newDirectoryStream(timings, prefix + "*.json")) {
      return sorted(ps);
    }
  }

  /** The crates a page compiled (units that took time). */
  private static Set<String> compiled(TimingsPage page) {
    Set<String> out = new LinkedHashSet<>();
    for (PageUnit u : page.units()) {
      if (u.duration() > 0) {
        out.add(u.name());
      }
    }
    return out;
  }

  /** A workspace's members and the edges between them, from {@code cargo metadata}. */
  private record Workspace(List<String> members, Map<String, Set<String>> memberDeps) {
    static Workspace of(Path dir) throws IOException {
      JsonNode root = new ObjectMapper().readTree(dir.resolve("metadata.json").toFile());
      List<String> members = RebuildValidation.members(dir);
      Map<String, Set<String>> deps = new LinkedHashMap<>();
      for (JsonNode p : root.path("packages")) {
        String n = p.path("name").asText();
        if (members.contains(n)) {
          Set<String> d = new LinkedHashSet<>();
          for (JsonNode x : p.path("dependencies")) {
            if (members.contains(x.path("name").asText())) {
              d.add(x.path("name").asText());
            }
          }
          deps.put(n, d);
        }
      }
      return new Workspace(members, deps);
    }

    /** The edited crate of a kind: its role in the workspace, else the rebuild pages'. */
    Optional<String> edited(String kind, List<Set<String>> compiled) {
      String role = kind.endsWith("-leaf") ? "leaf" : kind.endsWith("-mid") ? "mid" : "top";
      List<String> candidates =
          switch (role) {
            case "top" ->
                members.stream()
                    .filter(m -> memberDeps.values().stream().noneMatch(d -> d.contains(m)))
                    .toList();
            case "leaf" -> members.stream().filter(m -> memberDeps.get(m).isEmpty()).toList();
            default -> List.of();
          };
      if (candidates.size() == 1) {
        return Optional.of(candidates.get(0));
      }
      // the rebuilt member none of whose member dependencies was rebuilt, on every page
      Set<String> found = new LinkedHashSet<>();
      for (Set<String> c : compiled) {
        for (String m : members) {
          if (c.contains(m) && memberDeps.get(m).stream().noneMatch(c::contains)) {
            found.add(m);
          }
        }
      }
      return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** {@code crate} and the members depending on it, directly or not. */
    Set<String> dependentsOf(String crate) {
      Set<String> out = new LinkedHashSet<>(List.of(crate));
      boolean grew = true;
      while (grew) {
        grew = false;
        for (var e : memberDeps.entrySet()) {
          if (!out.contains(e.getKey()) && e.getValue().stream().anyMatch(out::contains)) {
            grew |= out.add(e.getKey());
          }
        }
      }
      return out;
    }
  }

  /** The rebuilds of {@code own}, prepared to simulate: their clean pages imported once. */
  public static final class Prepared {
    private final List<Case> cases;
    private final List<Skipped> skipped;
    private final List<List<Scenario>> scenarios;

    private Prepared(List<Case> cases, List<Skipped> skipped, List<List<Scenario>> scenarios) {
      this.cases = cases;
      this.skipped = skipped;
      this.scenarios = scenarios;
    }

    public List<Case> cases() {
      return cases;
    }

    public List<Skipped> skipped() {
      return skipped;
    }

    /** Each case predicted with the shipped incremental parameters. */
    public List<IncrementalRow> rows() {
      return rows(Rebuild.CLEAN.values());
    }

    /** Each case predicted with the incremental parameters {@code v} (see Rebuild#values). */
    public List<IncrementalRow> rows(double[] v) {
      List<IncrementalRow> rows = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        rows.add(row(i, v));
      }
      return rows;
    }

    IncrementalRow row(int i, double[] v) {
      Case c = cases.get(i);
      List<Double> p = new ArrayList<>();
      for (Scenario sc : scenarios.get(i)) {
        Rebuild rb =
            sc.rebuild()
                .withValues(v)
                .withKind(Rebuild.Kind.INCREMENTAL)
                .withEditList(List.of(c.edit()));
        p.add(BuildSimulator.simulate(sc.withRebuild(rb)).wallNanos() / 1e9);
      }
      List<Double> m = c.measured();
      return new IncrementalRow(
          c.workspace(),
          c.kind(),
          c.jobs(),
          c.edit().toString(),
          median(p),
          median(m),
          m.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
          m.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }
  }

  /** Discovers and imports the rebuilds of {@code own}. */
  public static Prepared prepare(Path own, Calibrations cals)
      throws IOException, TimingsFormatException {
    Discovery d = discover(own);
    List<List<Scenario>> scs = new ArrayList<>();
    Map<Path, Scenario> cache = new HashMap<>();
    for (Case c : d.cases()) {
      Path graph =
          own.resolve(c.workspace())
              .resolve(c.mode().equals("dev") ? "unit-graph.json" : "unit-graph-check.json");
      List<Scenario> list = new ArrayList<>();
      for (Path p : c.cleanPages()) {
        Scenario sc = cache.get(p);
        if (sc == null) {
          sc = imported(p, graph, cals);
          sc = sc.withRebuild(sc.rebuild().withWorkspace(members(own.resolve(c.workspace()))));
          cache.put(p, sc);
        }
        list.add(sc);
      }
      scs.add(list);
    }
    return new Prepared(d.cases(), d.skipped(), scs);
  }

  /** Simulates every rebuild of {@code own} with the shipped incremental parameters. */
  public static List<IncrementalRow> incremental(Path own, Calibrations cals)
      throws IOException, TimingsFormatException {
    return prepare(own, cals).rows(Rebuild.CLEAN.values());
  }

  /**
   * A fit of the incremental parameters.
   *
   * @param values every parameter (those not in {@link #FITTED} as shipped)
   * @param rows the rebuilds predicted with them
   * @param leaveOneOut each rebuild predicted with the parameters fitted without its workspace
   *     (empty when a workspace is all there is)
   */
  public record Fit(double[] values, List<IncrementalRow> rows, List<IncrementalRow> leaveOneOut) {}

  /** Fits {@link #FITTED} on every rebuild, then once without each workspace. */
  public static Fit fit(Prepared p) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < p.cases().size(); i++) {
      all.add(i);
    }
    double[] v = fit(p, all);
    List<IncrementalRow> loo = new ArrayList<>();
    Set<String> wss = new LinkedHashSet<>();
    p.cases().forEach(c -> wss.add(c.workspace()));
    if (wss.size() > 1) {
      for (String ws : wss) {
        List<Integer> train =
            all.stream().filter(i -> !p.cases().get(i).workspace().equals(ws)).toList();
        double[] w = fit(p, train);
        for (int i : all) {
          if (p.cases().get(i).workspace().equals(ws)) {
            loo.add(p.row(i, w));
          }
        }
      }
    }
    return new Fit(v, p.rows(v), loo);
  }

  /** Objective evaluations per fit (each simulates every rebuild from every clean page). */
  static final int MAX_EVALUATIONS = 800;

  private static double[] fit(Prepared p, List<Integer> cases) {
    double[] base = Rebuild.CLEAN.values();
    double[] best = {Double.POSITIVE_INFINITY};
    double[][] bestX = {null};
    MultivariateFunction cost =
        x -> {
          double[] v = expand(base, x);
          double s = 0;
          for (int i : cases) {
            double e = Math.log(p.row(i, v).predictedS() / median(p.cases().get(i).measured()));
            s += e * e;
          }
          if (s < best[0]) {
            best[0] = s;
            bestX[0] = v;
          }
          return s;
        };
    double[] start = new double[FITTED.length];
    double[] steps = new double[FITTED.length];
    for (int k = 0; k < FITTED.length; k++) {
      start[k] = base[FITTED[k]];
      steps[k] = Math.max(0.01, base[FITTED[k]] / 2);
    }
    try {
      PointValuePair r =
          new SimplexOptimizer(1e-5, 1e-7)
              .optimize(
                  new MaxEval(MAX_EVALUATIONS),
                  new ObjectiveFunction(cost),
                  GoalType.MINIMIZE,
                  new InitialGuess(start),
                  new NelderMeadSimplex(steps));
      return expand(base, r.getPoint());
    } catch (TooManyEvaluationsException e) {
      return bestX[0]; // the best point seen: Nelder-Mead creeps on long after it matters
    }
  }

  /** {@code base} with the fitted parameters {@code x}, each kept in its range. */
  private static double[] expand(double[] base, double[] x) {
    double[] v = base.clone();
    for (int k = 0; k < FITTED.length; k++) {
      // shares in [0, 1]; overhead_s and bin_link_s (indexes 7, 11) in seconds, at most 1 s
      v[FITTED[k]] = Math.max(0, Math.min(1, x[k]));
    }
    return v;
  }

  /** Simulates macro-heavy's clean and precompiled-macros builds from each clean page. */
  public static List<PrecompiledRow> precompiled(Path own, Calibrations cals)
      throws IOException, TimingsFormatException {
    Path dir = own.resolve("macro-heavy").resolve("precompiled-macros");
    Map<String, List<Double>> runs = runs(own.resolve("precompiled-macros-runs.csv"));
    List<PrecompiledRow> rows = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return rows;
    }
    for (String mode : List.of("dev", "check")) {
      for (int j : new int[] {1, 2}) {
        List<Double> cleanP = new ArrayList<>();
        List<Double> preP = new ArrayList<>();
        for (int r = 1; r <= 9; r++) {
          Path page = dir.resolve("clean-" + mode + "-j" + j + "-r" + r + ".json");
          if (!Files.isRegularFile(page)) {
            continue;
          }
          Path graph =
              own.resolve("macro-heavy")
                  .resolve(mode.equals("dev") ? "unit-graph.json" : "unit-graph-check.json");
          Scenario sc = imported(page, graph, cals);
          cleanP.add(BuildSimulator.simulate(sc).wallNanos() / 1e9);
          Scenario pre = Strategies.enable(sc, "precompiled-proc-macros:per_invocation_s=0");
          preP.add(BuildSimulator.simulate(pre).wallNanos() / 1e9);
        }
        List<Double> cleanM = runs.get("macro-heavy,clean-" + mode + "," + j);
        List<Double> preM = runs.get("macro-heavy,precompiled-" + mode + "," + j);
        if (cleanP.isEmpty() || cleanM == null || preM == null) {
          continue;
        }
        rows.add(
            new PrecompiledRow(
                mode, j, median(cleanP), median(cleanM), median(preP), median(preM)));
      }
    }
    return rows;
  }

  private static Scenario imported(Path page, Path graph, Calibrations cals)
      throws IOException, TimingsFormatException {
    TimingsPage p = TimingsReader.read(page);
    Optional<UnitGraphFile> g =
        Files.isRegularFile(graph) ? Optional.of(UnitGraphFile.read(graph)) : Optional.empty();
    return TimingsImporter.toScenario(
        p, cals.get(Calibrations.profileFor(p.ncpu()), TimingsImporter.modeOf(p)), g);
  }

  /** Workspace members: the packages of {@code cargo metadata} without a source. */
  static List<String> members(Path ws) throws IOException {
    JsonNode root = new ObjectMapper().readTree(ws.resolve("metadata.json").toFile());
    List<String> out = new ArrayList<>();
    for (JsonNode p : root.path("packages")) {
      if (p.path("source").isNull() || p.path("source").isMissingNode()) {
        out.add(p.path("name").asText());
      }
    }
    return out;
  }

  /** The top crate: the member no other member depends on. */
  static String top(Path ws) throws IOException {
    JsonNode root = new ObjectMapper().readTree(ws.resolve("metadata.json").toFile());
    List<String> members = members(ws);
    List<String> depended = new ArrayList<>();
    for (JsonNode p : root.path("packages")) {
      if (members.contains(p.path("name").asText())) {
        for (JsonNode d : p.path("dependencies")) {
          depended.add(d.path("name").asText());
        }
      }
    }
    return members.stream()
        .filter(m -> !depended.contains(m))
        .findFirst()
        .orElseThrow(() -> new IOException(ws + ": no top crate in metadata.json"));
  }

  /** {@code workspace,kind,jobs} to the measured walls. */
  private static Map<String, List<Double>> runs(Path csv) throws IOException {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(csv)) {
      return out;
    }
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f.length < 5) {
        continue;
      }
      out.computeIfAbsent(f[0] + "," + f[1] + "," + f[2], k -> new ArrayList<>())
          .add(Double.parseDouble(f[4]));
    }
    return out;
  }

  static double median(List<Double> xs) {
    return new Median().evaluate(xs.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Median of |error| over rows, as a fraction. */
  public static double medianAbsError(List<Double> errors) {
    return median(errors.stream().map(Math::abs).toList());
  }

  /** Median and largest |error| of {@code rows}, as fractions. */
  public static double[] summary(List<IncrementalRow> rows) {
    List<Double> e = rows.stream().map(IncrementalRow::error).toList();
    return new double[] {
      e.isEmpty() ? Double.NaN : medianAbsError(e),
      e.stream().mapToDouble(Math::abs).max().orElse(Double.NaN)
    };
  }

  /** A fixed-width report of both tables, the skipped kinds and, after a fit, the fit. */
  public static String report(
      List<IncrementalRow> inc,
      List<Skipped> skipped,
      List<PrecompiledRow> pre,
      Optional<Fit> fit) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "Incremental rebuilds (own-2core-2026; each simulated from every clean page of the same "
            + "workspace, mode and -j, median)\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-12s %-18s %3s %-17s %9s %9s %15s %7s%n",
            "workspace",
            "build",
            "-j",
            "edit",
            "predicted",
            "measured",
            "(min-max)",
            "error"));
    for (IncrementalRow r : inc) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-12s %-18s %3d %-17s %8.2fs %8.2fs %15s %+6.0f%%%n",
              r.workspace(),
              r.kind(),
              r.jobs(),
              r.edit(),
              r.predictedS(),
              r.measuredS(),
              String.format(Locale.ROOT, "(%.2f-%.2f)", r.minS(), r.maxS()),
              100 * r.error()));
    }
    if (!inc.isEmpty()) {
      double[] s = summary(inc);
      sb.append(
          String.format(
              Locale.ROOT,
              "  median |error| %.0f %%, max |error| %.0f %% over %d builds%n",
              100 * s[0],
              100 * s[1],
              inc.size()));
    }
    for (Skipped k : skipped) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  skipped %s %s -j%d: %s%n",
              k.workspace(),
              k.kind(),
              k.jobs(),
              k.reason()));
    }
    fit.ifPresent(
        f -> {
          sb.append(
              "\nFitted [incremental] parameters (least squares of log(predicted/measured))\n");
          List<String> names = Schema.rebuildValues().stream().map(Key::name).toList();
          for (int k : FITTED) {
            sb.append(String.format(Locale.ROOT, "  %s = %.4f%n", names.get(k), f.values()[k]));
          }
          if (!f.leaveOneOut().isEmpty()) {
            double[] s = summary(f.leaveOneOut());
            sb.append(
                String.format(
                    Locale.ROOT,
                    "  leave-one-workspace-out: median |error| %.0f %%, max |error| %.0f %% over"
                        + " %d builds%n",
                    100 * s[0],
                    100 * s[1],
                    f.leaveOneOut().size()));
            for (IncrementalRow r : f.leaveOneOut()) {
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "    %-12s %-18s %3d %8.2fs %8.2fs %+6.0f%%%n",
                      r.workspace(),
                      r.kind(),
                      r.jobs(),
                      r.predictedS(),
                      r.measuredS(),
                      100 * r.error()));
            }
          }
        });
    sb.append(precompiledReport(pre));
    return sb.toString();
  }

  /** The same as JSON: {@code rows}, {@code summary}, {@code skipped}, {@code precompiled}. */
  public static String json(
      List<IncrementalRow> inc,
      List<Skipped> skipped,
      List<PrecompiledRow> pre,
      Optional<Fit> fit) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("format", "cratesim-validate-rebuilds");
    root.put("version", 1);
    root.set("rows", rowsJson(om, inc));
    root.set("summary", summaryJson(om, inc));
    ArrayNode sk = root.putArray("skipped");
    for (Skipped k : skipped) {
      sk.addObject()
          .put("workspace", k.workspace())
          .put("kind", k.kind())
          .put("jobs", k.jobs())
          .put("reason", k.reason());
    }
    ArrayNode pa = root.putArray("precompiled");
    for (PrecompiledRow r : pre) {
      pa.addObject()
          .put("mode", r.mode())
          .put("jobs", r.jobs())
          .put("clean_predicted_s", r.cleanPredictedS())
          .put("clean_measured_median_s", r.cleanMeasuredS())
          .put("predicted_s", r.predictedS())
          .put("measured_median_s", r.measuredS())
          .put("error", r.error());
    }
    fit.ifPresent(
        f -> {
          ObjectNode fo = root.putObject("fit");
          ObjectNode params = fo.putObject("parameters");
          List<String> names = Schema.rebuildValues().stream().map(Key::name).toList();
          for (int k : FITTED) {
            params.put(names.get(k), f.values()[k]);
          }
          fo.set("leave_one_workspace_out_rows", rowsJson(om, f.leaveOneOut()));
          fo.set("leave_one_workspace_out_summary", summaryJson(om, f.leaveOneOut()));
        });
    try {
      return om.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArrayNode rowsJson(ObjectMapper om, List<IncrementalRow> inc) {
    ArrayNode rows = om.createArrayNode();
    for (IncrementalRow r : inc) {
      rows.addObject()
          .put("workspace", r.workspace())
          .put("kind", r.kind())
          .put("jobs", r.jobs())
          .put("edit", r.edit())
          .put("predicted_s", r.predictedS())
          .put("measured_median_s", r.measuredS())
          .put("error", r.error());
    }
    return rows;
  }

  private static ObjectNode summaryJson(ObjectMapper om, List<IncrementalRow> inc) {
    double[] s = summary(inc);
    ObjectNode o = om.createObjectNode().put("n", inc.size());
    if (!inc.isEmpty()) {
      o.put("median_abs_error", s[0]).put("max_abs_error", s[1]);
    }
    return o;
  }

  private static String precompiledReport(List<PrecompiledRow> pre) {
    StringBuilder sb = new StringBuilder();
    sb.append("\nPrecompiled proc macros (macro-heavy; the proc-macro side built beforehand)\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-6s %3s %16s %16s %16s %16s %7s%n",
            "mode",
            "-j",
            "clean pred/meas",
            "precomp. pred",
            "precomp. meas",
            "saving pred/meas",
            "error"));
    for (PrecompiledRow r : pre) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-6s %3d %16s %15.2fs %15.2fs %16s %+6.0f%%%n",
              r.mode(),
              r.jobs(),
              String.format(Locale.ROOT, "%.2f / %.2f s", r.cleanPredictedS(), r.cleanMeasuredS()),
              r.predictedS(),
              r.measuredS(),
              String.format(
                  Locale.ROOT, "%.2f / %.2f s", r.predictedSavingS(), r.measuredSavingS()),
              100 * r.error()));
    }
    return sb.toString();
  }
}
