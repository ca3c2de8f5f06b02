package org.cratesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
      out.add(e);
    }
    assertEquals(List.of("t3", "t5-p0", "t5-p1-first", "t5-p1-second"), out);
  }

  @Test
  void cancel_pendingEvent_isNeverReturned() {
    EventQueue<String> q = new EventQueue<>();
    long a = q.add(1, 0, "a");
    long b = q.add(2, 0, "b");
    assertTrue(q.isPending(a));
    q.cancel(a);
    assertFalse(q.isPending(a));
    assertEquals(1, q.size());
    assertEquals(2, q.peekTime());
    assertEquals("b", q.poll());
    assertFalse(q.isPending(b), "fired");
    assertNull(q.poll());
    assertTrue(q.isEmpty());
    assertEquals(Long.MAX_VALUE, q.peekTime());
  }

  @Test
  void cancel_staleHandleOfReusedSlot_doesNothing() {
    EventQueue<String> q = new EventQueue<>();
    long a = q.add(1, 0, "a");
    assertEquals("a", q.poll());
    long b = q.add(2, 0, "b"); // reuses a's slot with a new generation
    assertEquals((int) a, (int) b, "same slot");
    q.cancel(a);
    q.cancel(a);
    assertTrue(q.isPending(b));
    assertEquals("b", q.poll());
  }

  @Test
  void add_priorityOutOfRange_isRejected() {
    EventQueue<String> q = new EventQueue<>();
    q.add(0, EventQueue.MIN_PRIORITY, "lowest");
    q.add(0, EventQueue.MAX_PRIORITY, "highest");
    assertThrows(IllegalArgumentException.class, () -> q.add(0, EventQueue.MAX_PRIORITY + 1, "x"));
    assertThrows(IllegalArgumentException.class, () -> q.add(0, EventQueue.MIN_PRIORITY - 1, "x"));
    assertEquals("lowest", q.poll());
    assertEquals("highest", q.poll());
  }

  @Test
  void poll_randomInsertsAndCancels_matchesSortedReference() {
    SplittableRandom rnd = new SplittableRandom(7);
    EventQueue<long[]> q = new EventQueue<>();
    // {time, priority, insertion index, handle}; interleaved polls make slots get reused
    List<long[]> live = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long t = 1000 + rnd.nextInt(500);
      int p = rnd.nextInt(7) - 3;
      long[] ev = {t, p, i, 0};
      ev[3] = q.add(t, p, ev);
      live.add(ev);
      if (rnd.nextInt(5) == 0) {
        long[] victim = live.remove(rnd.nextInt(live.size()));
        q.cancel(victim[3]);
        assertFalse(q.isPending(victim[3]));
      }
      if (rnd.nextInt(4) == 0) {
        // an event earlier than all others fires at once
        long[] early = {rnd.nextInt(1000), 0, -1, 0};
        early[3] = q.add(early[0], 0, early);
        assertEquals(early[0], q.peekTime());
        assertTrue(q.poll() == early);
      }
    }
    assertEquals(live.size(), q.size());
    live.sort(
        Comparator.<long[]>comparingLong(e -> e[0])
            .thenComparingLong(e -> e[1])
            .thenComparingLong(e -> e[2]));
    for (long[] expected : live) {
      assertTrue(q.isPending(expected[3]));
      assertTrue(expected == q.poll());
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

  @Test
  void beforeEachEvent_runsBeforeEveryEventAndBeforeTheLoopEnds() {
    Simulation<String> sim = new Simulation<>();
    List<String> log = new ArrayList<>();
    boolean[] late = {false};
    sim.beforeEachEvent(
        () -> {
          log.add("hook@" + sim.now());
          if (sim.pending() == 0 && !late[0]) {
            late[0] = true; // scheduled by the hook when the list ran dry: the loop goes on
            sim.schedule(5, 0, "late");
          }
        });
    sim.scheduleAt(1, 0, "a");
    sim.run(p -> log.add(p + "@" + sim.now()));
    assertEquals(List.of("hook@0", "a@1", "hook@1", "late@6", "hook@6"), log);
  }
}
