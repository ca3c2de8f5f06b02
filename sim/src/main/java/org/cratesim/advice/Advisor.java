package org.cratesim.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.Fingerprints;
import org.cratesim.cargo.UnitGraph;
import org.cratesim.cargo.UnitGraphBuilder;
import org.cratesim.engine.RandomStreams;
import org.cratesim.model.CrateKind;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.report.Comparison;
import org.cratesim.strategy.Strategies;
import org.cratesim.sweep.Noise;
import org.cratesim.sweep.SweepRunner;

/**
 * {@code cratesim advise}: every applicable change on a user's build, for the clean build and for
 * the edit loop, ranked by saving.
 *
 * <p>Each change and the baseline are simulated {@code replications} times under the noise model
 * with common random numbers (replication r draws the same factor for the same unit in every
 * variant, {@link Noise#apply} with an empty stream key), so the saving of replication r is a
 * paired difference; its mean and Student's t 95 % interval rank the changes. A saving whose
 * interval includes zero is <em>not significant</em>; one whose interval excludes zero but is
 * smaller than run-to-run noise (the standard deviation of one build's wall time: from the pages
 * when several were given, else from the noise model) is <em>below noise</em>: real, but a user
 * timing one build before and one after could not see it — the rule cargo-critpath applies to
 * several reports of one build.
 *
 * <p>Every replication is independent of the others and of the thread that runs it, so the result
 * is the same on any thread count.
 *
 * @param replications builds per change (at least 2); the baseline gets at least {@link
 *     #NOISE_REPLICATIONS} for its noise estimate
 * @param seed random seed
 * @param noise the noise model
 * @param measuredNoiseS run-to-run noise of the clean build measured from several pages, if any
 * @param threads worker threads (1 = the calling thread)
 */
public record Advisor(
    int replications, long seed, Noise noise, OptionalDouble measuredNoiseS, int threads) {
  /** Baseline builds behind the noise estimate (its standard deviation), at least. */
  public static final int NOISE_REPLICATIONS = 20;

  public Advisor {
    if (replications < 2 || replications > 10_000) {
      throw new IllegalArgumentException(
          "replications must be between 2 and 10000, was " + replications);
    }
    Objects.requireNonNull(noise, "noise");
    Objects.requireNonNull(measuredNoiseS, "measuredNoiseS");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
  }

  /**
   * Advice on {@code sc}: its clean build and, when {@code edit} ({@code CRATE[:KIND]}, KIND
   * comment, body or signature) is given, the incremental rebuild after that edit; {@code jobs} are
   * the -j values tried.
   */
  public Advice advise(Scenario sc, List<Integer> jobs, String edit) {
    return advise(sc, jobs, edit, (done, total) -> {});
  }

  /** Reports progress: simulated builds done of at most {@code total}. */
  @FunctionalInterface
  public interface Progress {
    void report(long done, long total);
  }

  /**
   * {@link #advise(Scenario, List, String)}, reporting each simulated build to {@code progress}.
   */
  public Advice advise(Scenario sc, List<Integer> jobs, String edit, Progress progress) {
    Scenario clean =
        Strategies.disableAll(sc).withRebuild(sc.rebuild().withKind(Rebuild.Kind.CLEAN));
    BuildResult cleanBase = BuildSimulator.simulate(clean);
    List<Candidate> candidates = Candidates.of(clean, cleanBase, jobs);
    List<Scenario> builds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    builds.add(clean);
    names.add("clean");
    if (edit != null) {
      Rebuild.Edit e = Rebuild.Edit.parse(edit);
      if (clean.crates().stream().noneMatch(c -> c.name().equals(e.crate()))) {
        throw new IllegalArgumentException("--edit: no crate '" + e.crate() + "' in the build");
      }
      builds.add(
          clean.withRebuild(
              clean.rebuild().withKind(Rebuild.Kind.INCREMENTAL).withEditList(List.of(e))));
      names.add("edit " + e);
    }
    List<Advice.Build> out = new ArrayList<>();
    // at most: every change and the baseline without noise, then their replications
    long perBuild =
        (candidates.size() + 1L)
            + (long) candidates.size() * replications
            + Math.max(replications, NOISE_REPLICATIONS);
    Counter counter = new Counter(perBuild * builds.size(), progress);
    for (int b = 0; b < builds.size(); b++) {
      // the pages' spread is that of the clean build they record; the edit loop's is the model's
      out.add(
          build(
              names.get(b),
              builds.get(b),
              candidates,
              b == 0 ? measuredNoiseS : OptionalDouble.empty(),
              counter));
      counter.jumpTo(perBuild * (b + 1));
    }
    String source =
        measuredNoiseS.isPresent()
            ? "the pages given for the clean build (standard deviation of their wall times),"
                + " the noise model for the edit loop (per-build cv "
                + noise.buildCv()
                + ")"
            : "the noise model (per-build cv "
                + noise.buildCv()
                + ", per-unit cv "
                + noise.frontendCv()
                + ")";
    return new Advice(clean, replications, seed, source, out);
  }

  /**
   * The edited crate {@code advise} picks when none is given: the workspace member that ends the
   * simulated critical path of the clean build (the crate a developer edits most, at the top), or
   * the last workspace member.
   */
  public static String defaultEdit(Scenario sc) {
    Set<String> ws = Fingerprints.workspace(sc);
    BuildResult r = BuildSimulator.simulate(Strategies.disableAll(sc));
    String last = null;
    for (var l : r.criticalChain()) {
      if (l.unit() >= 0 && ws.contains(r.units().get(l.unit()).unit().name())) {
        last = r.units().get(l.unit()).unit().name();
      }
    }
    if (last != null) {
      return last;
    }
    for (var c : sc.crates()) {
      if (ws.contains(c.name())) {
        last = c.name();
      }
    }
    return last;
  }

  private Advice.Build build(
      String name,
      Scenario base,
      List<Candidate> candidates,
      OptionalDouble measured,
      Counter counter) {
    int n = candidates.size();
    Scenario[] variants = new Scenario[n];
    String[] notApplicable = new String[n];
    for (int i = 0; i < n; i++) {
      try {
        variants[i] = candidates.get(i).apply().apply(base);
      } catch (IllegalArgumentException e) {
        notApplicable[i] = e.getMessage();
      }
    }
    int r = replications;
    UnitGraph[] graphs = new UnitGraph[n + 1];
    for (int v = 0; v <= n; v++) {
      Scenario s = v == 0 ? base : variants[v - 1];
      if (s != null) {
        try {
          graphs[v] = UnitGraphBuilder.build(s);
        } catch (IllegalArgumentException e) {
          if (v == 0) {
            throw e;
          }
          notApplicable[v - 1] = e.getMessage();
          variants[v - 1] = null;
        }
      }
    }
    // phase 1: every build without noise; a change that leaves the build as it was stops here
    BuildResult[] exact = new BuildResult[n + 1];
    List<int[]> first = new ArrayList<>();
    for (int v = 0; v <= n; v++) {
      if (graphs[v] != null) {
        first.add(new int[] {v, -1});
      }
    }
    Scenario[] all = new Scenario[n + 1];
    all[0] = base;
    System.arraycopy(variants, 0, all, 1, n);
    double[][] walls = new double[n + 1][];
    runOn(first, all, graphs, exact, walls, counter);
    boolean[] unchanged = new boolean[n + 1];
    for (int v = 1; v <= n; v++) {
      unchanged[v] = exact[v] != null && sameBuild(exact[0], exact[v]);
    }
    // phase 2: the replications, paired by k; the baseline gets at least NOISE_REPLICATIONS
    // builds: its spread is the noise estimate
    List<int[]> second = new ArrayList<>();
    for (int v = 0; v <= n; v++) {
      if (graphs[v] != null && !unchanged[v]) {
        int reps = v == 0 ? Math.max(r, NOISE_REPLICATIONS) : r;
        walls[v] = new double[reps];
        for (int k = 0; k < reps; k++) {
          second.add(new int[] {v, k});
        }
      }
    }
    runOn(second, all, graphs, exact, walls, counter);
    SummaryStatistics baseStats = new SummaryStatistics();
    for (double w : walls[0]) {
      baseStats.addValue(w);
    }
    double noiseS = measured.orElse(baseStats.getStandardDeviation());
    List<Advice.Row> rows = new ArrayList<>();
    List<Advice.Row> na = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Candidate c = candidates.get(i);
      if (variants[i] == null) {
        na.add(Advice.Row.doesNotApply(c.change(), c.family(), notApplicable[i]));
        continue;
      }
      BuildResult res = exact[i + 1];
      if (unchanged[i + 1]) {
        na.add(
            Advice.Row.doesNotApply(
                c.change(), c.family(), "changes nothing in this build" + nothingHint(c, base)));
        continue;
      }
      SummaryStatistics d = new SummaryStatistics();
      for (int k = 0; k < r; k++) {
        d.addValue(walls[0][k] - walls[i + 1][k]);
      }
      double[] ci = SweepRunner.ci95(d);
      double mean = d.getMean();
      Advice.Label label;
      if (ci[0] <= 0 && ci[1] >= 0) {
        label = Advice.Label.NOT_SIGNIFICANT;
      } else if (Math.abs(mean) < noiseS) {
        label = Advice.Label.BELOW_NOISE;
      } else {
        label = Advice.Label.SIGNIFICANT;
      }
      rows.add(
          new Advice.Row(
              c.change(),
              c.family(),
              res.wallNanos() / 1e9,
              mean,
              ci[0],
              ci[1],
              label,
              Why.of(c, exact[0], res),
              res));
    }
    rows.sort(Comparator.comparingDouble((Advice.Row x) -> -x.savingS()));
    rows.addAll(na);
    return new Advice.Build(
        name, base, exact[0].wallNanos() / 1e9, baseStats.getMean(), noiseS, exact[0], rows);
  }

  private static String nothingHint(Candidate c, Scenario base) {
    if (c.family().equals("cores")) {
      return " (the build never uses more than its -j)";
    }
    boolean timed = base.crates().stream().noneMatch(x -> x.sizeBased());
    boolean bins = base.crates().stream().anyMatch(x -> x.kind() == CrateKind.BIN);
    if (c.change().startsWith("profile.linker") && timed && !bins) {
      return " (no bin links in this build)";
    }
    return "";
  }

  /** Same units, same starts and durations: the change did not touch this build. */
  private static boolean sameBuild(BuildResult a, BuildResult b) {
    if (a.wallNanos() != b.wallNanos() || a.units().size() != b.units().size()) {
      return false;
    }
    for (int i = 0; i < a.units().size(); i++) {
      var x = a.units().get(i);
      var y = b.units().get(i);
      if (x.startNanos() != y.startNanos()
          || x.durationNanos() != y.durationNanos()
          || !x.unit().label().equals(y.unit().label())) {
        return false;
      }
    }
    return Comparison.criticalUnits(a).equals(Comparison.criticalUnits(b));
  }

  /**
   * Runs the tasks ({variant, replication}; replication -1 = without noise) on the pool; each
   * writes its own slot, so the result does not depend on the order or the thread.
   */
  private void runOn(
      List<int[]> tasks,
      Scenario[] all,
      UnitGraph[] graphs,
      BuildResult[] exact,
      double[][] walls,
      Counter counter) {
    Runnable work =
        () ->
            IntStream.range(0, tasks.size())
                .parallel()
                .forEach(
                    i -> {
                      int v = tasks.get(i)[0];
                      int k = tasks.get(i)[1];
                      if (k < 0) {
                        exact[v] = BuildSimulator.simulate(all[v], graphs[v]);
                      } else {
                        UnitGraph g = noise.apply(graphs[v], new RandomStreams(seed, k), "");
                        walls[v][k] = BuildSimulator.simulate(all[v], g).wallNanos() / 1e9;
                      }
                      counter.step();
                    });
    // a parallel stream submitted to a pool runs on that pool's workers only
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdown();
    }
  }

  /** Builds simulated so far, shared by the worker threads; only progress reads it. */
  private static final class Counter {
    private final AtomicLong done = new AtomicLong();
    private final long total;
    private final Progress progress;

    Counter(long total, Progress progress) {
      this.total = total;
      this.progress = progress;
    }

    void step() {
      progress.report(done.incrementAndGet(), total);
    }

    /** After a build: what it did not need to simulate counts as done. */
    void jumpTo(long n) {
      done.set(Math.max(done.get(), n));
      progress.report(done.get(), total);
    }
  }
}
