package org.cratesim.engine;

import java.util.SplittableRandom;

/**
 * The classic "hold" benchmark of event lists: {@code pending} events are scheduled; each fired
 * event schedules one more at now + Exp(1) (in seconds, on the nanosecond clock). Measures the
 * engine's cost per event with a steady queue size.
 *
 * <p>The exponential draws use the JDK's {@link SplittableRandom} and {@link Math#log}: a cheap
 * generator, so that the figure measures the event list rather than the generator (the JMH
 * comparison gives SSJ the same draws). Simulations proper use {@link RandomStreams}.
 */
public final class HoldModel {
  private HoldModel() {}

  /** Runs {@code events} events and returns the simulation clock at the end (a checksum). */
  public static long run(int pending, long events, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Simulation<Object> sim = new Simulation<>();
    Object token = new Object();
    for (int i = 0; i < pending; i++) {
      sim.scheduleAt(expNanos(rng), 0, token);
    }
    long[] left = {events};
    sim.run(
        p -> {
          if (--left[0] <= 0) {
            sim.stop();
            return;
          }
          sim.schedule(expNanos(rng), 0, token);
        });
    return sim.now();
  }

  /** Exp(1) seconds. */
  public static double exp(SplittableRandom rng) {
    return -Math.log(1 - rng.nextDouble());
  }

  /** Exp(1) seconds in nanoseconds (at least 1 ns). */
  static long expNanos(SplittableRandom rng) {
    return Math.max(1, Math.round(exp(rng) * 1e9));
  }
}
