package org.cratesim.engine;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The classic "hold" benchmark of event lists: {@code pending} events are scheduled; each fired
 * event schedules one more at now + Exp(1) (in seconds, on the nanosecond clock). Measures the
 * engine's cost per event with a steady queue size.
 */
public final class HoldModel {
  private HoldModel() {}

  /** Runs {@code events} events and returns the simulation clock at the end (a checksum). */
  public static long run(int pending, long events, RandomGenerator rng) {
    Simulation<Object> sim = new Simulation<>();
    Object token = new Object();
    for (int i = 0; i < pending; i++) {
      sim.scheduleAt(exp(rng), 0, token);
    }
    long[] left = {events};
    sim.run(p -> {
      if (--left[0] <= 0) {
        sim.stop();
        return;
      }
      sim.schedule(exp(rng), 0, token);
    });
    return sim.now();
  }

  /** Exp(1) seconds in nanoseconds (at least 1 ns). */
  static long exp(RandomGenerator rng) {
    return Math.max(1, Math.round(-StrictMath.log(1 - rng.nextDouble()) * 1e9));
  }
}
