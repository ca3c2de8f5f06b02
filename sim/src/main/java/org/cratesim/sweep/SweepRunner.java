package org.cratesim.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.Unit;
import org.cratesim.cargo.UnitGraph;
import org.cratesim.engine.RandomStreams;
import org.cratesim.model.Scenario;
import org.cratesim.report.Csv;

/**
 * Runs a sweep into a directory: {@code sweep.txt} (what the sweep is), {@code results.csv} (one
 * row per design point and replication, appended as runs finish, rewritten in canonical order at
 * the end) and {@code summary.csv} (per design point: n, mean, sd and a 95 % confidence interval of
 * the wall time). Resumable: after a kill at any moment, a resumed run keeps every complete row,
 * drops a torn last line, runs what is missing, and ends with the same files as an uninterrupted
 * run (each row's numbers are rounded to what the file holds before they are summarised, so re-read
 * rows and fresh ones are the same numbers).
 */
public final class SweepRunner {
  private SweepRunner() {}

  /** What a run did: tasks run now, rows kept from an earlier run, all rows in order. */
  public record Outcome(int ran, int kept, List<SweepRow> rows) {}

  /** A sweep that cannot start (bad directory state); the message says what to do. */
  public static final class SweepStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SweepStateException(String message) {
      super(message);
    }
  }

  public static Outcome run(
      SweepSpec spec, Path dir, boolean resume, PointExecutor executor, IntConsumer progress)
      throws IOException, InterruptedException {
    return run(spec, dir, resume, null, executor, progress);
  }

  /**
   * Runs a sweep, or with a {@code shard} only that shard's runs: then {@code results.csv} holds
   * them, {@code shard.txt} says which shard of how many runs, and no {@code summary.csv} is
   * written ({@link ShardMerge} combines the shards into the files of one run).
   */
  public static Outcome run(
      SweepSpec spec,
      Path dir,
      boolean resume,
      Shard shard,
      PointExecutor executor,
      IntConsumer progress)
      throws IOException, InterruptedException {
    List<Map<String, String>> points = spec.points();
    SweepWork work = SweepWork.of(spec);
    Path sweepTxt = dir.resolve("sweep.txt");
    Path results = dir.resolve("results.csv");
    Path shardTxt = dir.resolve(SHARD_FILE);
    String shardLine = shard == null ? null : shardLine(shard, points.size(), spec.replications());
    String header = header(spec);
    Map<SweepTask, SweepRow> done = new HashMap<>();
    boolean started = false;
    boolean fresh = false;
    if (resume) {
      if (!Files.isRegularFile(sweepTxt)) {
        throw new SweepStateException(dir + ": nothing to resume (no sweep.txt)");
      }
      String was = Files.readString(sweepTxt, StandardCharsets.UTF_8).strip();
      if (!was.equals(spec.describe())) {
        throw new SweepStateException(dir + ": holds another sweep (" + was + ")");
      }
      String wasShard =
          Files.isRegularFile(shardTxt)
              ? Files.readString(shardTxt, StandardCharsets.UTF_8).strip()
              : null;
      if (!Objects.equals(wasShard, shardLine)) {
        throw new SweepStateException(
            dir
                + (wasShard == null
                    ? ": holds the whole sweep, not shard " + shard + ": resume it without --shard"
                    : ": holds " + wasShard + ": resume it with that --shard"));
      }
      List<String> kept = new ArrayList<>();
      if (Files.isRegularFile(results)) {
        String text = Files.readString(results, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        // the last element is what follows the last newline: a torn line, or empty
        for (int i = 1; i < lines.length - 1; i++) {
          SweepRow r = parse(lines[i], spec, points.size());
          if (r != null
              && (shard == null || shard.owns(r.task(), spec.replications()))
              && !done.containsKey(r.task())) {
            done.put(r.task(), r);
            kept.add(lines[i]);
          }
        }
      }
      writeLines(results, header, kept);
    } else {
      if (Files.exists(results) || Files.exists(sweepTxt)) {
        throw new SweepStateException(
            dir
                + " already holds a sweep: add --resume to finish it, "
                + "or choose another directory");
      }
      fresh = !Files.exists(dir);
      Files.createDirectories(dir);
      Files.writeString(sweepTxt, spec.describe() + "\n", StandardCharsets.UTF_8);
      if (shard != null) {
        Files.writeString(shardTxt, shardLine + "\n", StandardCharsets.UTF_8);
      }
      writeLines(results, header, List.of());
      started = true;
    }
    List<SweepTask> todo = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      for (int r = 0; r < spec.replications(); r++) {
        SweepTask t = new SweepTask(p, r);
        if (!done.containsKey(t) && (shard == null || shard.owns(t, spec.replications()))) {
          todo.add(t);
        }
      }
    }
    int kept = done.size();
    progress.accept(kept);
    int[] n = {kept};
    try (BufferedWriter w =
        Files.newBufferedWriter(results, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      executor.execute(
          todo,
          work,
          row -> {
            try {
              w.write(line(row, points.get(row.task().point())));
              w.write('\n');
              w.flush();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            done.put(row.task(), row);
            progress.accept(++n[0]);
          });
    } catch (IOException | RuntimeException | Error e) {
      if (started && n[0] == 0) {
        // a sweep that failed before its first row leaves nothing that blocks a re-run
        Files.deleteIfExists(results);
        Files.deleteIfExists(sweepTxt);
        Files.deleteIfExists(shardTxt);
        if (fresh) {
          Files.deleteIfExists(dir);
        }
      }
      throw e;
    }
    List<SweepRow> rows = new ArrayList<>(done.values());
    rows.sort(
        Comparator.comparingInt((SweepRow r) -> r.task().point())
            .thenComparingInt(r -> r.task().replication()));
    List<String> lines = new ArrayList<>();
    for (SweepRow r : rows) {
      lines.add(line(r, points.get(r.task().point())));
    }
    writeLines(results, header, lines);
    if (shard == null) {
      writeSummary(
          dir.resolve("summary.csv"), List.copyOf(spec.parameters().keySet()), points, rows);
    }
    return new Outcome(todo.size(), kept, rows);
  }

  /** The file of a shard's folder that says which shard it holds. */
  static final String SHARD_FILE = "shard.txt";

  /** What {@code shard.txt} holds: {@code shard=I/N points=P replications=R runs=K}. */
  static String shardLine(Shard shard, int points, int replications) {
    return "shard="
        + shard
        + " points="
        + points
        + " replications="
        + replications
        + " runs="
        + shard.size(points, replications);
  }

  /** One simulated build of a design point with the replication's draws. */
  static SweepRow runOne(SweepSpec spec, Scenario sc, UnitGraph g, SweepTask t) {
    RandomStreams rs = new RandomStreams(spec.seed(), t.replication());
    UnitGraph noisy =
        spec.noise().apply(g, rs, spec.commonRandomNumbers() ? "" : "point" + t.point() + "/");
    BuildResult r = BuildSimulator.simulate(sc, noisy);
    long fe = 0;
    long cg = 0;
    long ln = 0;
    for (Unit u : noisy.units()) {
      fe += u.work().frontendNanos();
      cg += u.work().codegenNanos() + Math.max(0, u.work().ltoNanos());
      ln += u.work().linkNanos();
    }
    double[] m = {
      r.wallNanos() / 1e9,
      r.dependencyBoundNanos() / 1e9,
      r.utilisation(),
      fe / 1e9,
      cg / 1e9,
      ln / 1e9
    };
    for (int i = 0; i < m.length; i++) {
      m[i] = Double.parseDouble(num(m[i])); // what the file holds
    }
    return new SweepRow(t, m);
  }

  static String header(SweepSpec spec) {
    List<String> cols = new ArrayList<>(List.of("point", "replication"));
    cols.addAll(spec.parameters().keySet());
    cols.addAll(SweepRow.METRICS);
    return String.join(",", cols);
  }

  static String line(SweepRow r, Map<String, String> point) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.task().point()).append(',').append(r.task().replication());
    point.values().forEach(v -> sb.append(',').append(Csv.field(v)));
    for (double m : r.metrics()) {
      sb.append(',').append(num(m));
    }
    return sb.toString();
  }

  /** A row of results.csv, or null when it is torn or not of this sweep. */
  static SweepRow parse(String line, SweepSpec spec, int points) {
    return parse(Csv.split(line), spec.parameters().size(), points, spec.replications());
  }

  /** A row of results.csv split into fields, or null when it is torn or not of such a sweep. */
  static SweepRow parse(List<String> f, int params, int points, int replications) {
    if (f == null || f.size() != 2 + params + SweepRow.METRICS.size()) {
      return null;
    }
    try {
      int p = Integer.parseInt(f.get(0));
      int r = Integer.parseInt(f.get(1));
      if (p < 0 || p >= points || r < 0 || r >= replications) {
        return null;
      }
      double[] m = new double[SweepRow.METRICS.size()];
      for (int i = 0; i < m.length; i++) {
        m[i] = Double.parseDouble(f.get(2 + params + i));
      }
      return new SweepRow(new SweepTask(p, r), m);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static void writeSummary(
      Path file, List<String> parameters, List<Map<String, String>> points, List<SweepRow> rows)
      throws IOException {
    List<String> cols = new ArrayList<>(List.of("point"));
    cols.addAll(parameters);
    cols.addAll(
        List.of(
            "n",
            "wall_mean_s",
            "wall_sd_s",
            "wall_ci95_low_s",
            "wall_ci95_high_s",
            "dependency_bound_mean_s",
            "utilisation_mean"));
    List<SummaryStatistics> wall = new ArrayList<>();
    List<SummaryStatistics> cp = new ArrayList<>();
    List<SummaryStatistics> ut = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      wall.add(new SummaryStatistics());
      cp.add(new SummaryStatistics());
      ut.add(new SummaryStatistics());
    }
    for (SweepRow r : rows) {
      double[] m = r.metrics();
      wall.get(r.task().point()).addValue(m[0]);
      cp.get(r.task().point()).addValue(m[1]);
      ut.get(r.task().point()).addValue(m[2]);
    }
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      SummaryStatistics s = wall.get(p);
      StringBuilder sb = new StringBuilder().append(p);
      points.get(p).values().forEach(v -> sb.append(',').append(Csv.field(v)));
      double[] ci = ci95(s);
      sb.append(',')
          .append(s.getN())
          .append(',')
          .append(num(s.getMean()))
          .append(',')
          .append(s.getN() > 1 ? num(s.getStandardDeviation()) : "")
          .append(',')
          .append(ci == null ? "" : num(ci[0]))
          .append(',')
          .append(ci == null ? "" : num(ci[1]))
          .append(',')
          .append(num(cp.get(p).getMean()))
          .append(',')
          .append(num(ut.get(p).getMean()));
      lines.add(sb.toString());
    }
    writeLines(file, String.join(",", cols), lines);
  }

  /** The 95 % confidence interval of the mean (Student's t), or null with fewer than 2 values. */
  public static double[] ci95(SummaryStatistics s) {
    if (s.getN() < 2) {
      return null;
    }
    double t = new TDistribution(s.getN() - 1).inverseCumulativeProbability(0.975);
    double h = t * s.getStandardDeviation() / Math.sqrt(s.getN());
    return new double[] {s.getMean() - h, s.getMean() + h};
  }

  static void writeLines(Path file, String header, List<String> lines) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    StringBuilder sb = new StringBuilder(header).append('\n');
    lines.forEach(l -> sb.append(l).append('\n'));
    Files.writeString(tmp, sb, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String num(double d) {
    String s = String.format(Locale.ROOT, "%.6f", d);
    return s.equals("-0.000000") ? "0.000000" : s;
  }
}
