package org.cratesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void poll_equalTimes_ordersByPriorityThenInsertion() {
    EventQueue<String> q = new EventQueue<>();
    q.add(5, 1, "t5-p1-first");
    q.add(5, 0, "t5-p0");
    q.add(3, 9, "t3");
    q.add(5, 1, "t5-p1-second");
    List<String> out = new ArrayList<>();
    for (var e = q.poll(); e != null; e = q.poll()) {
      out.add(e.payload());
    }
    assertEquals(List.of("t3", "t5-p0", "t5-p1-first", "t5-p1-second"), out);
  }

  @Test
  void cancel_pendingEvent_isNeverReturned() {
    EventQueue<String> q = new EventQueue<>();
    var a = q.add(1, 0, "a");
    q.add(2, 0, "b");
    q.cancel(a);
    assertEquals(1, q.size());
    assertEquals("b", q.poll().payload());
    assertNull(q.poll());
    assertTrue(q.isEmpty());
  }

  @Test
  void poll_randomInsertsAndCancels_matchesSortedReference() {
    SplittableRandom rnd = new SplittableRandom(7);
    EventQueue<long[]> q = new EventQueue<>();
    List<EventQueue.Scheduled<long[]>> live = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long t = rnd.nextInt(500);
      int p = rnd.nextInt(3);
      live.add(q.add(t, p, new long[] {t, p, i}));
      if (rnd.nextInt(5) == 0) {
        var victim = live.remove(rnd.nextInt(live.size()));
        q.cancel(victim);
      }
    }
    live.sort(Comparator.<EventQueue.Scheduled<long[]>>comparingLong(e -> e.timeNanos())
        .thenComparingInt(e -> e.priority()).thenComparingLong(e -> e.sequence()));
    for (var expected : live) {
      assertEquals(expected, q.poll());
    }
    assertNull(q.poll());
  }

  @Test
  void schedule_inThePast_isRejected() {
    Simulation<String> sim = new Simulation<>();
    sim.schedule(10, 0, "x");
    sim.run(p -> {});
    assertEquals(10, sim.now());
    assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(5, 0, "late"));
    assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, 0, "neg"));
  }

  @Test
  void runUntil_stopsAtLimitAndResumes() {
    Simulation<Integer> sim = new Simulation<>();
    List<Integer> fired = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      sim.scheduleAt(i * 10L, 0, i);
    }
    sim.runUntil(25, fired::add);
    assertEquals(List.of(1, 2), fired);
    assertEquals(25, sim.now());
    sim.run(fired::add);
    assertEquals(List.of(1, 2, 3, 4, 5), fired);
    assertEquals(5, sim.eventsFired());
  }
}
