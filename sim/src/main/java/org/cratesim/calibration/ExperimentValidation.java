package org.cratesim.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.strategy.Strategies;
import org.cratesim.timings.TimingsFormatException;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;

/**
 * What-ifs checked against measured changes: {@code lqd-experiments/hyperfine-train.csv} holds, per
 * (experiment, mode, -j, crate), hyperfine's mean and sd of a baseline cargo and a changed one. For
 * every crate with a -j1 page in the same mode, the baseline and the change are simulated from that
 * page at the experiment's -j and the predicted ratio is compared with the measured {@code
 * custom_mean_s / base_mean_s}. Hyperfine seconds are never compared with page seconds: only ratios
 * within one experiment and one -j, and curves within one experiment.
 *
 * <p>The experiments and the cargo rules of each side (lqd-experiments/README.md):
 *
 * <ul>
 *   <li>{@code build-defaults}: both sides keep the pending queue sorted (cargo 1.65's rule); the
 *       change builds host units without debuginfo (cargo 1.69's build-override default).
 *   <li>{@code pending-sorted}: the baseline starts the oldest pending unit (cargo 1.60); the
 *       change keeps the queue sorted by priority (PR #11032).
 *   <li>{@code pending-prioritized}: as pending-sorted, plus the proc-macro stack given 10× the
 *       cost of other units (cargo #7437's hints).
 * </ul>
 */
public final class ExperimentValidation {
  /** The crates the prioritized experiment boosted, and by how much. */
  static final List<String> PRIORITIZED =
      List.of("syn", "quote", "serde_derive", "proc-macro2", "unicode-xid");

  static final double PRIORITIZED_FACTOR = 10;

  /** A measured change is significant above this share and this many sd's. */
  static final double SIGNIFICANT_SHARE = 0.02;

  static final double SIGNIFICANT_SIGMAS = 3;

  private ExperimentValidation() {}

  /** One row of {@code hyperfine-train.csv}. */
  public record Measured(
      String experiment,
      String mode,
      int jobs,
      String crate,
      double baseMeanS,
      double baseSdS,
      double customMeanS,
      double customSdS) {
    /** The measured effect: custom / base - 1. */
    public double effect() {
      return customMeanS / baseMeanS - 1;
    }

    /** Above 2 % and above 3 σ of the difference of the two means. */
    public boolean significant() {
      double diff = Math.abs(customMeanS - baseMeanS);
      return Math.abs(effect()) > SIGNIFICANT_SHARE
          && diff > SIGNIFICANT_SIGMAS * Math.sqrt(baseSdS * baseSdS + customSdS * customSdS);
    }
  }

  /** One crate of one experiment: measured and predicted effect (fractions). */
  public record Row(
      String experiment,
      String mode,
      int jobs,
      String crate,
      double measured,
      double predicted,
      boolean significant) {}

  /** Per (experiment, mode, -j). Effects are fractions, differences percentage points. */
  public record Group(
      String experiment,
      String mode,
      int jobs,
      int n,
      double measuredMean,
      double predictedMean,
      double medianAbsDiffPp,
      double p90AbsDiffPp,
      int significant,
      double signRightShare) {}

  /** The core-count curve: predicted T(-jN)/T(-j8) against measured base(-jN)/base(-j8). */
  public record CurvePoint(
      String mode,
      int jobs,
      int refJobs,
      int n,
      double medianSignedError,
      double medianAbsError,
      double p90AbsError) {}

  /** What {@link #run} found. */
  public record Report(List<Group> experiments, List<CurvePoint> curve, List<Row> rows) {}

  /** Reads {@code hyperfine-train.csv} (header and columns as in lqd-experiments). */
  public static List<Measured> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(csv + ": empty");
    }
    String[] head = lines.get(0).split(",", -1);
    Map<String, Integer> col = new LinkedHashMap<>();
    for (int i = 0; i < head.length; i++) {
      col.put(head[i].trim(), i);
    }
    for (String c :
        List.of(
            "experiment",
            "mode",
            "jobs",
            "crate",
            "base_mean_s",
            "base_sd_s",
            "custom_mean_s",
            "custom_sd_s")) {
      if (!col.containsKey(c)) {
        throw new IOException(csv + ":1: no column " + c);
      }
    }
    List<Measured> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split(",", -1);
      try {
        out.add(
            new Measured(
                f[col.get("experiment")],
                f[col.get("mode")],
                Integer.parseInt(f[col.get("jobs")]),
                f[col.get("crate")],
                Double.parseDouble(f[col.get("base_mean_s")]),
                Double.parseDouble(f[col.get("base_sd_s")]),
                Double.parseDouble(f[col.get("custom_mean_s")]),
                Double.parseDouble(f[col.get("custom_sd_s")])));
      } catch (RuntimeException e) {
        throw new IOException(
            csv + ":" + (i + 1) + ": not a row of numbers (" + e.getClass().getSimpleName() + ")");
      }
    }
    return out;
  }

  /** The folder of -j1 pages of a mode below {@code pages} ({@code *-cargo-timing-MODE-j1}). */
  static Optional<Path> pagesOf(Path pages, String mode) throws IOException {
    try (Stream<Path> s = Files.list(pages)) {
      return s.filter(
              p ->
                  Files.isDirectory(p)
                      && p.getFileName().toString().endsWith("-cargo-timing-" + mode + "-j1"))
          .sorted()
          .findFirst();
    }
  }

  /** The scenario of one side of an experiment, from the crate's imported -j1 page. */
  static Scenario side(Scenario imported, String experiment, boolean custom, int jobs) {
    Scenario sc = imported.withBuild(imported.build().withJobs(jobs));
    switch (experiment) {
      case "build-defaults":
        // published after PR #11032: both sides keep the pending queue sorted
        sc = Strategies.enable(sc, "pending-queue:order=priority");
        return custom ? Strategies.enable(sc, "build-override:debug=0") : sc;
      case "pending-sorted":
        return custom ? Strategies.enable(sc, "pending-queue:order=priority") : sc;
      case "pending-prioritized":
        if (!custom) {
          return sc;
        }
        sc = Strategies.enable(sc, "pending-queue:order=priority");
        return Strategies.enable(
            sc,
            "scheduling-hints:crates="
                + String.join(";", PRIORITIZED)
                + ",factor="
                + PRIORITIZED_FACTOR);
      default:
        throw new IllegalArgumentException(
            "unknown experiment '"
                + experiment
                + "' (known: build-defaults, pending-sorted, pending-prioritized)");
    }
  }

  private record Job(Measured m, Path page) {}

  /** The rows that have a -j1 page, with every page imported once (edges pooled per mode). */
  private record Loaded(List<Job> jobs, Map<Path, Scenario> imported) {}

  private static Loaded load(List<Measured> measured, Path pages, Calibrations cals)
      throws IOException, TimingsFormatException {
    Map<String, Path> folders = new TreeMap<>();
    Map<String, EdgeKnowledge> known = new TreeMap<>();
    Map<Path, TimingsPage> read = new LinkedHashMap<>();
    List<Job> jobs = new ArrayList<>();
    for (Measured m : measured) {
      if (!folders.containsKey(m.mode())) {
        folders.put(m.mode(), pagesOf(pages, m.mode()).orElse(null));
      }
      Path folder = folders.get(m.mode());
      if (folder == null) {
        continue;
      }
      Path page = folder.resolve("cargo-timing-" + m.crate() + "-" + m.mode() + "-j1.json");
      if (Files.isRegularFile(page)) {
        jobs.add(new Job(m, page));
      }
    }
    // every page of a mode's folder is read once; its edges are pooled (as validate does)
    for (Map.Entry<String, Path> e : folders.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      List<TimingsPage> all = new ArrayList<>();
      try (Stream<Path> s = Files.list(e.getValue())) {
        for (Path p : (Iterable<Path>) s.sorted()::iterator) {
          if (p.getFileName().toString().endsWith(".json")) {
            TimingsPage tp = TimingsReader.read(p);
            read.put(p, tp);
            all.add(tp);
          }
        }
      }
      known.put(e.getKey(), EdgeKnowledge.pool(all));
    }
    Map<Path, Scenario> imported = new LinkedHashMap<>();
    for (Job j : jobs) {
      if (!imported.containsKey(j.page())) {
        TimingsPage tp = read.get(j.page());
        Mode mode = TimingsImporter.modeOf(tp);
        imported.put(
            j.page(),
            TimingsImporter.toScenario(
                tp,
                cals.get(Calibrations.profileFor(tp.ncpu()), mode),
                Optional.empty(),
                known.get(j.m().mode())));
      }
    }
    return new Loaded(jobs, imported);
  }

  /**
   * Predicts every measured row that has a -j1 page of its crate in the same mode, and the
   * core-count curve of build-defaults' baselines. Rows and groups come in the CSV's order of first
   * appearance, whatever the thread count.
   */
  public static Report run(
      List<Measured> measured, Path pages, Calibrations cals, int threads, IntConsumer progress)
      throws IOException, TimingsFormatException {
    Loaded l = load(measured, pages, cals);
    List<Row> rows = predict(l, threads, progress, UnaryOperator.identity());
    return new Report(groups(rows), curve(l.jobs(), l.imported(), threads), rows);
  }

  private static List<Row> predict(
      Loaded l, int threads, IntConsumer progress, UnaryOperator<Scenario> tweak)
      throws IOException, TimingsFormatException {
    List<Job> jobs = l.jobs();
    return inParallel(
        jobs.size(),
        threads,
        progress,
        i -> {
          Job j = jobs.get(i);
          Scenario sc = tweak.apply(l.imported().get(j.page()));
          double base = wall(side(sc, j.m().experiment(), false, j.m().jobs()));
          double custom = wall(side(sc, j.m().experiment(), true, j.m().jobs()));
          return new Row(
              j.m().experiment(),
              j.m().mode(),
              j.m().jobs(),
              j.m().crate(),
              j.m().effect(),
              custom / base - 1,
              j.m().significant());
        });
  }

  /** One candidate of the host-debuginfo fit. */
  public record FitPoint(double factor, Group group, double objective) {}

  /** The key {@link #fitHostDebuginfo} fits. */
  public static final String DEBUGINFO_KEY = "timed_host_debuginfo_none_factor";

  /**
   * What removing debuginfo from a host unit given in seconds saves, fitted on build-defaults at
   * check -j1 (where the change is work, not scheduling): every factor from 0.400 to 1.000 in steps
   * of 0.025, the objective median + p90 / 2 of |predicted - measured| (as calibrate's); the best
   * comes first, the rest follow in factor order.
   */
  public static List<FitPoint> fitHostDebuginfo(
      List<Measured> measured, Path pages, Calibrations cals, int threads)
      throws IOException, TimingsFormatException {
    List<Measured> train =
        measured.stream()
            .filter(
                m ->
                    m.experiment().equals("build-defaults")
                        && m.mode().equals("check")
                        && m.jobs() == 1)
            .toList();
    Loaded l = load(train, pages, cals);
    List<FitPoint> points = new ArrayList<>();
    for (int k = 0; k <= 24; k++) {
      double f = 0.4 + 0.025 * k;
      List<Row> rows =
          predict(l, threads, i -> {}, sc -> sc.withCosts(sc.costs().with(DEBUGINFO_KEY, f)));
      Group g = groups(rows).get(0);
      points.add(new FitPoint(f, g, g.medianAbsDiffPp() + g.p90AbsDiffPp() / 2));
    }
    FitPoint best = points.get(0);
    for (FitPoint p : points) {
      if (p.objective() < best.objective()) {
        best = p;
      }
    }
    List<FitPoint> out = new ArrayList<>();
    out.add(best);
    for (FitPoint p : points) {
      if (p != best) {
        out.add(p);
      }
    }
    return out;
  }

  private static double wall(Scenario sc) {
    return BuildSimulator.simulate(sc).wallNanos() / 1e9;
  }

  private static List<Group> groups(List<Row> rows) {
    Map<String, List<Row>> by = new LinkedHashMap<>();
    for (Row r : rows) {
      by.computeIfAbsent(r.experiment() + "|" + r.mode() + "|" + r.jobs(), k -> new ArrayList<>())
          .add(r);
    }
    List<Group> out = new ArrayList<>();
    for (List<Row> g : by.values()) {
      int n = g.size();
      double[] diff = new double[n];
      double mSum = 0;
      double pSum = 0;
      int sig = 0;
      int right = 0;
      for (int i = 0; i < n; i++) {
        Row r = g.get(i);
        diff[i] = Math.abs(r.predicted() - r.measured()) * 100;
        mSum += r.measured();
        pSum += r.predicted();
        if (r.significant()) {
          sig++;
          if (Math.signum(r.predicted()) == Math.signum(r.measured())) {
            right++;
          }
        }
      }
      Row f = g.get(0);
      out.add(
          new Group(
              f.experiment(),
              f.mode(),
              f.jobs(),
              n,
              mSum / n,
              pSum / n,
              percentile(diff, 50),
              percentile(diff, 90),
              sig,
              sig == 0 ? Double.NaN : (double) right / sig));
    }
    return out;
  }

  /** build-defaults' baselines: the curve of each crate's wall time against -j, relative to -j8. */
  private static List<CurvePoint> curve(List<Job> jobs, Map<Path, Scenario> imported, int threads)
      throws IOException, TimingsFormatException {
    final int ref = 8;
    Map<String, Map<Integer, Measured>> byCrate = new TreeMap<>();
    Map<String, Path> pageOf = new TreeMap<>();
    for (Job j : jobs) {
      if (j.m().experiment().equals("build-defaults")) {
        byCrate
            .computeIfAbsent(j.m().mode() + "|" + j.m().crate(), k -> new TreeMap<>())
            .put(j.m().jobs(), j.m());
        pageOf.put(j.m().mode() + "|" + j.m().crate(), j.page());
      }
    }
    List<String> keys = new ArrayList<>(byCrate.keySet());
    List<Map<Integer, Double>> predicted =
        inParallel(
            keys.size(),
            threads,
            i -> {},
            i -> {
              Scenario sc = imported.get(pageOf.get(keys.get(i)));
              Map<Integer, Double> t = new TreeMap<>();
              for (int jobsN : byCrate.get(keys.get(i)).keySet()) {
                t.put(jobsN, wall(side(sc, "build-defaults", false, jobsN)));
              }
              return t;
            });
    Map<String, List<Double>> errors = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      Map<Integer, Measured> ms = byCrate.get(keys.get(i));
      Map<Integer, Double> ps = predicted.get(i);
      if (!ms.containsKey(ref)) {
        continue;
      }
      String mode = keys.get(i).substring(0, keys.get(i).indexOf('|'));
      for (int jobsN : ms.keySet()) {
        if (jobsN == ref) {
          continue;
        }
        double measuredRatio = ms.get(jobsN).baseMeanS() / ms.get(ref).baseMeanS();
        double predictedRatio = ps.get(jobsN) / ps.get(ref);
        errors
            .computeIfAbsent(mode + "|" + jobsN, k -> new ArrayList<>())
            .add(predictedRatio / measuredRatio - 1);
      }
    }
    List<CurvePoint> out = new ArrayList<>();
    for (Map.Entry<String, List<Double>> e : errors.entrySet()) {
      String[] k = e.getKey().split("\\|");
      double[] signed = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
      double[] abs = e.getValue().stream().mapToDouble(Math::abs).toArray();
      out.add(
          new CurvePoint(
              k[0],
              Integer.parseInt(k[1]),
              ref,
              signed.length,
              percentile(signed, 50),
              percentile(abs, 50),
              percentile(abs, 90)));
    }
    out.sort(
        (a, b) ->
            a.mode().equals(b.mode())
                ? Integer.compare(a.jobs(), b.jobs())
                : a.mode().compareTo(b.mode()));
    return out;
  }

  private static double percentile(double[] v, double p) {
    return v.length == 0
        ? Double.NaN
        : new Percentile().withEstimationType(EstimationType.R_7).evaluate(v, p);
  }

  @FunctionalInterface
  private interface Task<T> {
    T run(int i) throws Exception;
  }

  /** Runs n tasks on a pool; results in index order whatever the thread count. */
  private static <T> List<T> inParallel(int n, int threads, IntConsumer progress, Task<T> task)
      throws IOException, TimingsFormatException {
    List<Callable<T>> tasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      final int k = i;
      tasks.add(() -> task.run(k));
    }
    return Validation.inParallel(tasks, threads, progress);
  }
}
