package org.cratesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedProcessorTest {

  /** Runs tasks (start time, work) and returns each task's finish time. */
  private static Map<String, Long> run(SharedProcessor.Rates rates, Object[][] tasks) {
    Simulation<String> sim = new Simulation<>();
    SharedProcessor<String> cpu = new SharedProcessor<>(sim, 1, rates, "wake", 0);
    Map<String, Long> done = new HashMap<>();
    for (Object[] t : tasks) {
      sim.scheduleAt((Long) t[1], 1, "start:" + t[0] + ":" + t[2]);
    }
    sim.run(
        p -> {
          if (p.equals("wake")) {
            for (Object task : cpu.onWake()) {
              done.put((String) task, sim.now());
            }
          } else {
            String[] s = p.split(":");
            cpu.start(0, Long.parseLong(s[2]), s[1]);
          }
        });
    return done;
  }

  @Test
  void unitRate_tasksFinishAfterTheirWork() {
    Map<String, Long> done =
        run(SharedProcessor.Rates.UNIT, new Object[][] {{"a", 0L, 1000L}, {"b", 500L, 1000L}});
    assertEquals(1000L, done.get("a"));
    assertEquals(1500L, done.get("b"));
  }

  @Test
  void contention_twoBusyThreadsEachRunAtHalfSpeed() {
    // rate = 1 / (1 + 1 * (busy - 1)): two busy threads each at half speed
    SharedProcessor.Rates rates = (k, b) -> 1.0 / b;
    Map<String, Long> done = run(rates, new Object[][] {{"a", 0L, 1000L}, {"b", 0L, 3000L}});
    // both at half speed until a finishes at 2000 (1000 work each); b then alone: 2000 more
    assertEquals(2000L, done.get("a"));
    assertEquals(4000L, done.get("b"));
  }

  @Test
  void contention_lateArrivalSlowsRunningTask() {
    SharedProcessor.Rates rates = (k, b) -> 1.0 / b;
    Map<String, Long> done = run(rates, new Object[][] {{"a", 0L, 1000L}, {"b", 500L, 250L}});
    // a: 500 alone, then both at half speed: b needs 500 ns for its 250 work (ends 1000),
    // a did 250 more (750 total), then 250 alone -> 1250
    assertEquals(1000L, done.get("b"));
    assertEquals(1250L, done.get("a"));
  }

  @Test
  void startsInOneEvent_rescheduleTheWakeUpOnce_noEarlyWakeUps() {
    // two tasks started by one event under contention: the wake-up is placed for the load of
    // both (2000), never at the 1000 a lone task would need (which would fire for nothing)
    Simulation<String> sim = new Simulation<>();
    SharedProcessor<String> cpu = new SharedProcessor<>(sim, 1, (k, b) -> 1.0 / b, "wake", 0);
    List<Long> wakes = new ArrayList<>();
    Map<String, Long> done = new HashMap<>();
    sim.scheduleAt(0, 1, "go");
    sim.run(
        p -> {
          if (p.equals("go")) {
            cpu.start(0, 1000, "a");
            cpu.start(0, 3000, "b");
          } else {
            wakes.add(sim.now());
            for (Object t : cpu.onWake()) {
              done.put((String) t, sim.now());
            }
          }
        });
    assertEquals(List.of(2000L, 4000L), wakes);
    assertEquals(Map.of("a", 2000L, "b", 4000L), done);
    assertEquals(0, cpu.busy());
  }

  @Test
  void tasksFinishingTogether_comeBackInStartOrder() {
    Simulation<String> sim = new Simulation<>();
    SharedProcessor<String> cpu =
        new SharedProcessor<>(sim, 3, SharedProcessor.Rates.UNIT, "wake", 0);
    List<Object> order = new ArrayList<>();
    sim.scheduleAt(0, 1, "go");
    sim.run(
        p -> {
          if (p.equals("go")) {
            cpu.start(2, 500, "first");
            cpu.start(0, 500, "second");
            cpu.start(1, 500, "third");
            cpu.start(0, 500, "fourth");
          } else {
            order.addAll(cpu.onWake());
          }
        });
    assertEquals(List.of("first", "second", "third", "fourth"), order);
    assertEquals(500, sim.now());
  }

  @Test
  void cycleModel_sameSeed_sameClock() {
    long a = CycleModel.run(8, 5_000, 3);
    assertEquals(a, CycleModel.run(8, 5_000, 3));
    assertTrue(a > 0);
  }
}
