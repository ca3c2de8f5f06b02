package org.cratesim.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.cratesim.engine.HoldModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The hold model (1,000 pending events; each fired event schedules one more at now + Exp(1)) on
 * cratesim's engine and on SSJ 3.3.2's event list, in one JMH run; {@link #main} prints the ratio.
 * Both draw the same exponentials from the JDK's SplittableRandom (see {@link HoldModel}). Build
 * and run: {@code mvn -B -Pjmh -DskipTests package && java -cp sim/target/cratesim.jar
 * org.cratesim.bench.HoldBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HoldBenchmark {
  static final int PENDING = 1_000;
  static final int EVENTS = 1_000_000;

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long cratesim() {
    return HoldModel.run(PENDING, EVENTS, 42);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public double ssj() {
    Simulator sim = new Simulator();
    sim.init();
    SplittableRandom rng = new SplittableRandom(42);
    long[] left = {EVENTS};
    for (int i = 0; i < PENDING; i++) {
      new Hold(sim, rng, left).schedule(HoldModel.exp(rng));
    }
    sim.start();
    return sim.time();
  }

  /** An SSJ event that reschedules itself, as the hold model wants. */
  static final class Hold extends Event {
    private final SplittableRandom rng;
    private final long[] left;

    Hold(Simulator sim, SplittableRandom rng, long[] left) {
      super(sim);
      this.rng = rng;
      this.left = left;
    }

    @Override
    public void actions() {
      if (--left[0] <= 0) {
        simulator().stop();
        return;
      }
      schedule(HoldModel.exp(rng));
    }
  }

  /** Runs both benchmarks and prints events/s and the ratio. */
  public static void main(String[] args) throws Exception {
    Collection<RunResult> results =
        new Runner(new OptionsBuilder().include(HoldBenchmark.class.getSimpleName()).build()).run();
    double crate = 0;
    double ssj = 0;
    for (RunResult r : results) {
      double score = r.getPrimaryResult().getScore();
      if (r.getParams().getBenchmark().endsWith("cratesim")) {
        crate = score;
      } else {
        ssj = score;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "hold model: cratesim %,.0f events/s, SSJ %,.0f events/s, " + "ratio %.2f%n",
        crate,
        ssj,
        crate / ssj);
  }
}
