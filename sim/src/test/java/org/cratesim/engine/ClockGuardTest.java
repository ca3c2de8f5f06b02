package org.cratesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine refuses a clock step that would overflow and a loop that makes no progress. */
class ClockGuardTest {
  @Test
  void anEventBeyondTheClocksLimit_isRefused_notWrappedAround() {
    Simulation<String> sim = new Simulation<>();
    sim.scheduleAt(Simulation.MAX_TIME, 0, "last");
    assertThrows(
        ClockOverflowException.class, () -> sim.scheduleAt(Simulation.MAX_TIME + 1, 0, "x"));
    sim.run(p -> {});
    assertEquals(Simulation.MAX_TIME, sim.now());
    assertThrows(ClockOverflowException.class, () -> sim.schedule(Long.MAX_VALUE, 0, "x"));
    assertThrows(ClockOverflowException.class, () -> sim.timeAfter(Double.POSITIVE_INFINITY));
    assertThrows(ClockOverflowException.class, () -> sim.timeAfter(Double.NaN));
  }

  @Test
  void aLoopStuckAtOneInstant_fails_insteadOfHanging() {
    Simulation<String> sim = new Simulation<>();
    sim.scheduleAt(5, 0, "again");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> sim.run(p -> sim.schedule(0, 0, "again")));
    assertTrue(e.getMessage().contains("no progress"), e.getMessage());
  }

  @Test
  void aVeryFastProcessor_finishesItsTasks() {
    // speed_codegen = 3e12 once woke the processor at the same nanosecond forever
    Simulation<String> sim = new Simulation<>();
    SharedProcessor<String> cpu =
        new SharedProcessor<>(
            sim, 1, SharedProcessor.Rates.constant(new double[] {3e12}), "wake", 0);
    List<Long> done = new ArrayList<>();
    sim.scheduleAt(0, 1, "start");
    sim.run(
        p -> {
          if (p.equals("wake")) {
            cpu.onWake().forEach(t -> done.add(sim.now()));
          } else {
            cpu.start(0, 5e6, "t");
          }
        });
    assertEquals(List.of(1L), done);
  }
}
