package org.cratesim.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One simulation: a clock, a future-event list and a loop (the SSJ {@code Simulator} shape).
 *
 * <p>Events carry a payload of type {@code E}; the model gives a handler that receives each payload
 * in order. Models use a sealed interface of records as payload, so the engine stays ignorant of
 * what the events mean.
 *
 * @param <E> the event payload type
 */
public final class Simulation<E> {
  /** The latest time an event may have: 1e18 ns (about 31.7 years), far from {@code long}'s end. */
  public static final long MAX_TIME = 1_000_000_000_000_000_000L;

  /**
   * The most events fired at one instant before the loop is declared stuck (an event loop that
   * makes no progress is a failure, not a hang).
   */
  static final long MAX_EVENTS_AT_ONE_TIME = 20_000_000L;

  private final EventQueue<E> queue = new EventQueue<>();
  private long nowNanos;
  private long eventsFired;
  private boolean stopped;
  private Runnable[] beforeEachEvent = new Runnable[0];

  /** The current simulated time in nanoseconds. */
  public long now() {
    return nowNanos;
  }

  /** Number of events fired so far. */
  public long eventsFired() {
    return eventsFired;
  }

  /**
   * Schedules {@code payload} at absolute time {@code atNanos} (never in the past); returns a
   * handle for {@link #cancel}.
   */
  public long scheduleAt(long atNanos, int priority, E payload) {
    if (atNanos > MAX_TIME) {
      throw overflow(atNanos / 1e9);
    }
    if (atNanos < nowNanos) {
      throw new IllegalArgumentException(
          "cannot schedule in the past: " + atNanos + " < now " + nowNanos);
    }
    return queue.add(atNanos, priority, Objects.requireNonNull(payload, "payload"));
  }

  /** Schedules {@code payload} after {@code delayNanos} (non-negative). */
  public long schedule(long delayNanos, int priority, E payload) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay: " + delayNanos);
    }
    if (delayNanos > MAX_TIME - nowNanos) {
      throw overflow((nowNanos + (double) delayNanos) / 1e9);
    }
    return scheduleAt(nowNanos + delayNanos, priority, payload);
  }

  /**
   * The time {@code delayNanos} (rounded up) from now; a {@link ClockOverflowException} beyond
   * {@link #MAX_TIME} (an infinite or saturated delay too).
   */
  public long timeAfter(double delayNanos) {
    if (!(delayNanos <= MAX_TIME - nowNanos)) {
      throw overflow((nowNanos + delayNanos) / 1e9);
    }
    return nowNanos + Math.max(0, (long) delayNanos);
  }

  private static ClockOverflowException overflow(double seconds) {
    return new ClockOverflowException(
        "the simulated build runs past the clock's limit of "
            + MAX_TIME / 1_000_000_000L
            + " s (an event at "
            + (Double.isFinite(seconds) ? String.format("%.3g", seconds) : "infinity")
            + " s): durations, sizes or speeds too large to simulate");
  }

  /** Cancels a pending event; a no-op for events already fired or cancelled. */
  public void cancel(long handle) {
    queue.cancel(handle);
  }

  /**
   * Registers a callback run before the loop takes each event (and before it concludes that none is
   * left): a component that batches its scheduling over one event's handler, like {@link
   * SharedProcessor}, settles there.
   */
  public void beforeEachEvent(Runnable callback) {
    Runnable[] a = Arrays.copyOf(beforeEachEvent, beforeEachEvent.length + 1);
    a[a.length - 1] = Objects.requireNonNull(callback);
    beforeEachEvent = a;
  }

  /** Stops the running loop after the current event. */
  public void stop() {
    stopped = true;
  }

  /** Runs until the event list is empty or {@link #stop()} is called. */
  public void run(EventHandler<E> handler) {
    runUntil(Long.MAX_VALUE, handler);
  }

  /**
   * Runs events with time &le; {@code untilNanos}; afterwards the clock stands at the last fired
   * event's time, or at {@code untilNanos} when events remain beyond it.
   */
  public void runUntil(long untilNanos, EventHandler<E> handler) {
    stopped = false;
    long sameTime = 0;
    while (!stopped) {
      for (Runnable h : beforeEachEvent) {
        h.run();
      }
      E next = queue.pollNotAfter(untilNanos);
      if (next == null) {
        if (!queue.isEmpty()) {
          nowNanos = untilNanos;
        }
        return;
      }
      long t = queue.lastTime();
      sameTime = t == nowNanos ? sameTime + 1 : 0;
      if (sameTime > MAX_EVENTS_AT_ONE_TIME) {
        throw new IllegalStateException(
            "the event loop makes no progress: "
                + sameTime
                + " events at "
                + nowNanos
                + " ns (a model bug; CRATESIM_DEBUG=1 shows where)");
      }
      nowNanos = t;
      eventsFired++;
      handler.handle(next);
    }
  }

  /** Number of live pending events. */
  public int pending() {
    return queue.size();
  }

  /** Receives fired events. */
  @FunctionalInterface
  public interface EventHandler<E> {
    void handle(E payload);
  }
}
