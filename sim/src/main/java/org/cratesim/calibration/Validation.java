package org.cratesim.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.importer.Calibration;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.timings.CargoMetadata;
import org.cratesim.timings.TimingsFormatException;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.cratesim.timings.UnitGraphFile;

/**
 * Predicting measured builds from other measured builds: pairs pages of the same build at two
 * {@code -j} values, imports the first, simulates it at the second's {@code -j}, and compares with
 * the second's measured wall time.
 */
public final class Validation {
  private static final Pattern JOBS = Pattern.compile("-j(\\d+)");

  private Validation() {}

  /** A page to predict from and the measured page to compare with. */
  public record Pair(String key, Path from, Path to) {}

  /** The pages of a pair, read, and the full unit graph of the build when one was found. */
  public record Loaded(
      TimingsPage from,
      TimingsPage to,
      Optional<UnitGraphFile> graph,
      Optional<CargoMetadata> metadata) {
    public Loaded(TimingsPage from, TimingsPage to, Optional<UnitGraphFile> graph) {
      this(from, to, graph, Optional.empty());
    }
  }

  /** One prediction. Errors are fractions: predicted / measured - 1. */
  public record Row(
      String key,
      String mode,
      int fromJobs,
      int toJobs,
      double fromWallS,
      double measuredS,
      double predictedS) {
    public double error() {
      return predictedS / measuredS - 1;
    }
  }

  /** The summary the issue asks for; all errors are fractions. */
  public record Summary(
      int pairs,
      double medianAbsError,
      double p90AbsError,
      double within10pct,
      double medianSignedError,
      double meanAbsError) {}

  /**
   * Pairs the timing files below two folders (searched recursively): files whose paths, relative to
   * their folder, are equal once the {@code -jN} token is removed. From each key the page with the
   * fewest jobs in {@code from} and the one with the most in {@code to} are paired, when the jobs
   * differ.
   */
  public static List<Pair> pair(Path from, Path to) throws IOException {
    Map<String, Path> a = index(from, true);
    Map<String, Path> b = index(to, false);
    List<Pair> out = new ArrayList<>();
    for (var e : a.entrySet()) {
      Path other = b.get(e.getKey());
      if (other != null && jobsOf(e.getValue()) != jobsOf(other)) {
        out.add(new Pair(e.getKey(), e.getValue(), other));
      }
    }
    return out;
  }

  private static Map<String, Path> index(Path dir, boolean fewest) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a folder");
    }
    Map<String, Path> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        String f = p.getFileName().toString();
        if (!Files.isRegularFile(p) || !(f.endsWith(".json") || f.endsWith(".html"))) {
          continue;
        }
        String rel = dir.relativize(p).toString();
        Matcher m = JOBS.matcher(p.getFileName().toString());
        if (!m.find()) {
          continue;
        }
        String key =
            rel.substring(0, rel.length() - f.length())
                + m.replaceFirst("").replaceAll("\\.(json|html)$", "");
        Path prev = out.get(key);
        if (prev == null || (fewest ? jobsOf(p) < jobsOf(prev) : jobsOf(p) > jobsOf(prev))) {
          out.put(key, p);
        }
      }
    }
    return out;
  }

  static int jobsOf(Path p) {
    Matcher m = JOBS.matcher(p.getFileName().toString());
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** A function from (page, its mode) to the calibration to predict with. */
  @FunctionalInterface
  public interface CalibrationChooser {
    Calibration choose(TimingsPage page, Mode mode);
  }

  /**
   * Reads both pages of every pair (in parallel); pages that fail to read are an error. With {@code
   * unitGraphs}, the cargo {@code --unit-graph} JSON of the build is looked for beside the folder
   * holding the page to predict from ({@code unit-graph.json} for debug, {@code
   * unit-graph-check.json}, {@code unit-graph-release.json}).
   */
  public static List<Loaded> load(
      List<Pair> pairs, boolean unitGraphs, int threads, IntConsumer progress)
      throws IOException, TimingsFormatException {
    List<Callable<Loaded>> tasks = new ArrayList<>(pairs.size());
    for (Pair p : pairs) {
      tasks.add(
          () -> {
            TimingsPage a = TimingsReader.read(p.from());
            Optional<UnitGraphFile> g = Optional.empty();
            if (unitGraphs) {
              Path f = graphBeside(p.from(), TimingsImporter.modeOf(a));
              if (f != null) {
                g = Optional.of(UnitGraphFile.read(f));
              }
            }
            return new Loaded(a, TimingsReader.read(p.to()), g);
          });
    }
    return inParallel(tasks, threads, progress);
  }

  /** The unit-graph file for a page's mode, in the folder above the page's, or null. */
  static Path graphBeside(Path page, Mode mode) {
    Path dir = page.toAbsolutePath().getParent();
    if (dir == null || dir.getParent() == null) {
      return null;
    }
    String name =
        mode == Mode.CHECK
            ? "unit-graph-check.json"
            : mode == Mode.RELEASE ? "unit-graph-release.json" : "unit-graph.json";
    Path f = dir.getParent().resolve(name);
    return Files.isRegularFile(f) ? f : null;
  }

  /** Predicts every pair; rows come back in the pairs' order, whatever the thread count. */
  public static List<Row> predict(
      List<Pair> pairs,
      List<Loaded> pages,
      CalibrationChooser chooser,
      EdgeKnowledge known,
      int threads,
      IntConsumer progress)
      throws IOException, TimingsFormatException {
    return predict(pairs, pages, chooser, known, threads, progress, null);
  }

  /** As above; when {@code unitErrors} is given, every simulated unit is compared to B's. */
  public static List<Row> predict(
      List<Pair> pairs,
      List<Loaded> pages,
      CalibrationChooser chooser,
      EdgeKnowledge known,
      int threads,
      IntConsumer progress,
      UnitErrors unitErrors)
      throws IOException, TimingsFormatException {
    List<Callable<Row>> tasks = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      Pair p = pairs.get(i);
      Loaded l = pages.get(i);
      tasks.add(() -> predictOne(p.key(), l, chooser, known, unitErrors));
    }
    return inParallel(tasks, threads, progress);
  }

  /**
   * {@code cratesim validate}: reads every pair's pages ({@link #load}), pools the dependency edges
   * of all pages to predict from unless {@code pooledEdges} is false (never those of the measured
   * pages), and predicts every pair. {@code progress} counts 1 .. 2 x pairs: the pages read, then
   * the pairs predicted.
   */
  public static List<Row> validate(
      List<Pair> pairs,
      boolean unitGraphs,
      Optional<CargoMetadata> metadata,
      boolean pooledEdges,
      CalibrationChooser chooser,
      int threads,
      LongConsumer progress)
      throws IOException, TimingsFormatException {
    List<Loaded> pages =
        load(pairs, unitGraphs, threads, progress::accept).stream()
            .map(l -> new Loaded(l.from(), l.to(), l.graph(), metadata))
            .toList();
    EdgeKnowledge known =
        pooledEdges
            ? EdgeKnowledge.pool(pages.stream().map(Loaded::from).toList())
            : EdgeKnowledge.none();
    return predict(
        pairs, pages, chooser, known, threads, done -> progress.accept(pairs.size() + done));
  }

  /** Runs tasks on a pool; results in the tasks' order whatever the thread count. */
  static <T> List<T> inParallel(List<Callable<T>> tasks, int threads, IntConsumer progress)
      throws IOException, TimingsFormatException {
    List<T> out = new ArrayList<>(tasks.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<T>> fs = new ArrayList<>(tasks.size());
      for (Callable<T> t : tasks) {
        fs.add(pool.submit(t));
      }
      int done = 0;
      for (Future<T> f : fs) {
        out.add(get(f));
        progress.accept(++done);
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  static Row predictOne(
      String key,
      Loaded l,
      CalibrationChooser chooser,
      EdgeKnowledge known,
      UnitErrors unitErrors) {
    TimingsPage a = l.from();
    TimingsPage b = l.to();
    Mode mode = TimingsImporter.modeOf(a);
    Scenario sc =
        TimingsImporter.toScenario(a, chooser.choose(a, mode), l.graph(), l.metadata(), known);
    sc = sc.withBuild(sc.build().withJobs(b.jobs()));
    var result = BuildSimulator.simulate(sc);
    if (unitErrors != null) {
      unitErrors.add(result, b);
    }
    double predicted = result.wallNanos() / 1e9;
    return new Row(
        key, mode.id(), a.jobs(), b.jobs(), a.totalSeconds(), b.totalSeconds(), predicted);
  }

  private static <T> T get(Future<T> f) throws IOException, TimingsFormatException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof TimingsFormatException) {
        throw (TimingsFormatException) c;
      }
      if (c instanceof IOException) {
        throw (IOException) c;
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new IllegalStateException(c);
    }
  }

  /** Summary statistics over rows whose measured wall time is at least {@code minSeconds}. */
  public static Summary summarize(List<Row> rows, double minSeconds) {
    List<Row> kept = rows.stream().filter(r -> r.measuredS() >= minSeconds).toList();
    int n = kept.size();
    if (n == 0) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] abs = new double[n];
    double[] signed = new double[n];
    int within = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      signed[i] = kept.get(i).error();
      abs[i] = Math.abs(signed[i]);
      sum += abs[i];
      if (abs[i] <= 0.10 + 1e-12) { // exactly 10 % counts, despite rounding
        within++;
      }
    }
    Percentile pct = new Percentile().withEstimationType(EstimationType.R_7);
    return new Summary(
        n,
        pct.evaluate(abs, 50),
        pct.evaluate(abs, 90),
        (double) within / n,
        pct.evaluate(signed, 50),
        sum / n);
  }
}
