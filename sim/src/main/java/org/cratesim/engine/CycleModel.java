package org.cratesim.engine;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The engine's share of a simulated build, alone: {@code running} tasks always busy on a {@link
 * SharedProcessor} (three classes, constant rates); each finished task starts another with work
 * drawn uniformly from 1 ns to 1 ms, until {@code tasks} have finished. One task costs a start, a
 * wake-up event and its handling: what every codegen unit costs a build twice over, with no cargo
 * or rustc logic around it.
 */
public final class CycleModel {
  private CycleModel() {}

  /** Runs the model and returns the clock at the end (a checksum). */
  public static long run(int running, int tasks, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Simulation<Object> sim = new Simulation<>();
    Object wake = new Object();
    SharedProcessor<Object> cpu =
        new SharedProcessor<>(
            sim, 3, SharedProcessor.Rates.constant(new double[] {1, 1, 1}), wake, 0);
    Object tag = new Object();
    for (int i = 0; i < running; i++) {
      cpu.start(i % 3, 1 + rng.nextInt(1_000_000), tag);
    }
    int[] left = {tasks - running};
    sim.run(
        p -> {
          List<Object> done = cpu.onWake();
          for (int i = 0; i < done.size(); i++) {
            if (left[0]-- > 0) {
              cpu.start(i % 3, 1 + rng.nextInt(1_000_000), tag);
            }
          }
        });
    return sim.now();
  }
}
