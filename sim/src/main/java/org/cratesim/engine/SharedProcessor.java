package org.cratesim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Threads sharing a machine whose speed depends on how many threads are busy.
 *
 * <p>Each task has an amount of work (nanoseconds of work at full speed) and a class. While {@code
 * b} tasks are busy, every task of class {@code k} progresses at {@code rate(k, b)} units of work
 * per nanosecond. Because all tasks of one class share one rate, each class keeps a <em>virtual
 * work clock</em> {@code V_k(t) = ∫ rate(k, b(t)) dt}: a task started at virtual time {@code v}
 * with work {@code w} finishes when {@code V_k} reaches {@code v + w}. Starting or finishing a task
 * changes {@code b}, so the clocks are advanced to now and the single wake-up event is rescheduled,
 * once per event of the simulation however many tasks its handler starts (the simulation calls back
 * before taking the next event). Every operation is O(log n) in the number of running tasks.
 *
 * <p>With {@code rate == 1} the arithmetic is exact in whole nanoseconds (doubles hold integers
 * exactly up to 2^53 ns, about 104 days), so analytic test cases give exact answers.
 *
 * @param <E> the payload type of the owning simulation
 */
public final class SharedProcessor<E> {
  /** Work that finishes within this many work-nanoseconds of its target counts as done. */
  private static final double DUE_EPSILON = 0.5;

  private static final long NO_WAKE = Long.MIN_VALUE;

  private final Simulation<E> sim;
  private final Rates rates;
  private final boolean loadDependent;
  private final E wakePayload;
  private final int wakePriority;
  private final double[] virtual;
  private final double[] rate;
  private double[][] rateTable = new double[16][];
  private final List<Object> done = new ArrayList<>();
  private long[] doneSequence = new long[8];
  private Object[] doneAttachment = new Object[8];
  private final TaskHeap[] running;
  private final int[] busyByClass;
  private long lastUpdate;
  private int busy;
  private long nextSequence;

  /** The pending wake-up's handle and time; {@code wakeAt == NO_WAKE} when none is pending. */
  private long wake;

  private long wakeAt = NO_WAKE;

  /** Tasks started or finished since the wake-up was last rescheduled. */
  private boolean unsettled;

  private double busyIntegralNanos;

  /**
   * @param sim the simulation whose clock drives this processor
   * @param classes number of task classes
   * @param rates speed of a task of a class given the number of busy tasks (1.0 = full speed)
   * @param wakePayload the payload of the wake-up event; the model calls {@link #onWake()} when it
   *     fires
   * @param wakePriority event priority of the wake-up
   */
  public SharedProcessor(
      Simulation<E> sim, int classes, Rates rates, E wakePayload, int wakePriority) {
    this.sim = Objects.requireNonNull(sim);
    this.rates = Objects.requireNonNull(rates);
    this.loadDependent = rates.dependsOnLoad();
    this.wakePayload = Objects.requireNonNull(wakePayload);
    this.wakePriority = wakePriority;
    this.virtual = new double[classes];
    this.rate = new double[classes];
    this.busyByClass = new int[classes];
    this.running = new TaskHeap[classes];
    for (int k = 0; k < classes; k++) {
      running[k] = new TaskHeap();
    }
    this.lastUpdate = sim.now();
    refreshRates();
    sim.beforeEachEvent(this::settle);
  }

  /**
   * Rates depend only on the busy count: look them up whenever it changes. They are computed once
   * per busy count and kept (a build has at most {@code jobs} busy threads).
   */
  private void refreshRates() {
    int b = Math.max(1, busy); // with no task busy, rates are unused
    if (b >= rateTable.length) {
      rateTable = Arrays.copyOf(rateTable, Math.max(b + 1, rateTable.length * 2));
    }
    double[] row = rateTable[b];
    if (row == null) {
      row = new double[rate.length];
      for (int k = 0; k < row.length; k++) {
        double r = rates.rate(k, b);
        if (!(r > 0) || Double.isInfinite(r)) {
          throw new IllegalStateException("rate must be finite and > 0, was " + r);
        }
        row[k] = r;
      }
      rateTable[b] = row;
    }
    System.arraycopy(row, 0, rate, 0, rate.length);
  }

  /**
   * Starts a task of {@code workNanos} work now; {@code attachment} comes back from {@link
   * #onWake()} when it is done.
   */
  public void start(int taskClass, double workNanos, Object attachment) {
    if (workNanos < 0 || Double.isNaN(workNanos)) {
      throw new IllegalArgumentException("work must be >= 0: " + workNanos);
    }
    advance();
    double finish = virtual[taskClass] + workNanos;
    running[taskClass].add(finish, nextSequence++, attachment);
    busy++;
    busyByClass[taskClass]++;
    if (loadDependent) {
      refreshRates();
      unsettled = true;
    } else if (!unsettled
        && (wakeAt == NO_WAKE
            || sim.now() + delayOf(finish - virtual[taskClass], rate[taskClass]) < wakeAt)) {
      // rates are unchanged, so only the new task can move the next completion earlier
      unsettled = true;
    }
  }

  /**
   * Brings the wake-up event in line with the tasks now running. The simulation calls it before it
   * takes the next event, so the tasks an event handler starts and finishes cost one reschedule
   * between them, not one each.
   */
  private void settle() {
    if (unsettled) {
      unsettled = false;
      reschedule();
    }
  }

  /**
   * Called by the model when the wake-up event fires: returns the attachments of the tasks that are
   * now complete, in start order. The list is reused by the next call: read it before then.
   */
  public List<Object> onWake() {
    wakeAt = NO_WAKE;
    advance();
    done.clear();
    int n = 0;
    for (int k = 0; k < virtual.length; k++) {
      TaskHeap q = running[k];
      double due = virtual[k] + DUE_EPSILON;
      while (q.size > 0 && q.finish[0] <= due) {
        if (n == doneSequence.length) {
          doneSequence = Arrays.copyOf(doneSequence, 2 * n);
          doneAttachment = Arrays.copyOf(doneAttachment, 2 * n);
        }
        doneSequence[n] = q.sequence[0];
        doneAttachment[n] = q.attachment[0];
        n++;
        q.poll();
        busyByClass[k]--;
      }
    }
    busy -= n;
    if (n > 0 && loadDependent) {
      refreshRates();
    }
    // start order: insertion sort (a handful of tasks finish together at most)
    for (int i = 1; i < n; i++) {
      long s = doneSequence[i];
      Object a = doneAttachment[i];
      int j = i - 1;
      while (j >= 0 && doneSequence[j] > s) {
        doneSequence[j + 1] = doneSequence[j];
        doneAttachment[j + 1] = doneAttachment[j];
        j--;
      }
      doneSequence[j + 1] = s;
      doneAttachment[j + 1] = a;
    }
    for (int i = 0; i < n; i++) {
      done.add(doneAttachment[i]);
      doneAttachment[i] = null;
    }
    unsettled = true;
    return done;
  }

  /** Number of tasks running now. */
  public int busy() {
    return busy;
  }

  /** Number of tasks of one class running now. */
  public int busy(int taskClass) {
    return busyByClass[taskClass];
  }

  /** Integral of the busy-thread count over time, in thread-nanoseconds, up to now. */
  public double busyIntegralNanos() {
    advance();
    return busyIntegralNanos;
  }

  private void advance() {
    long now = sim.now();
    long dt = now - lastUpdate;
    if (dt > 0) {
      for (int k = 0; k < virtual.length; k++) {
        if (busyByClass[k] > 0) {
          virtual[k] += rate[k] * dt;
        }
      }
      busyIntegralNanos += (double) busy * dt;
      lastUpdate = now;
    }
  }

  /**
   * Makes sure a wake-up is pending no later than the next completion. A pending wake-up that is
   * already early enough is kept (if the load went up it fires early, finds nothing due and
   * reschedules), which saves a cancel and an insert on most starts.
   */
  private void reschedule() {
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < virtual.length; k++) {
      TaskHeap q = running[k];
      if (q.size > 0) {
        double remaining = Math.max(0.0, q.finish[0] - virtual[k]);
        double delay = Math.ceil(remaining / rate[k] - 1e-6);
        // a task not yet due is at least one nanosecond away: at a very high rate the rounding
        // would wake the processor at the same instant forever
        best = Math.min(best, remaining > DUE_EPSILON ? Math.max(1, delay) : delay);
      }
    }
    if (best == Double.POSITIVE_INFINITY) {
      if (wakeAt != NO_WAKE) {
        sim.cancel(wake);
        wakeAt = NO_WAKE;
      }
      return;
    }
    long at = sim.timeAfter(best);
    assert at >= sim.now();
    if (wakeAt != NO_WAKE) {
      if (wakeAt <= at) {
        return;
      }
      sim.cancel(wake);
    }
    wake = sim.scheduleAt(at, wakePriority, wakePayload);
    wakeAt = at;
  }

  private static long delayOf(double remainingWork, double rate) {
    return Math.max(0, (long) Math.ceil(Math.max(0.0, remainingWork) / rate - 1e-6));
  }

  @Override
  public String toString() {
    return "SharedProcessor[busy=" + busy + ", virtual=" + Arrays.toString(virtual) + "]";
  }

  /** Speed of a task of a class, given the number of busy tasks. */
  @FunctionalInterface
  public interface Rates {
    double rate(int taskClass, int busyTasks);

    /** False when rates are the same whatever the number of busy tasks (a faster path). */
    default boolean dependsOnLoad() {
      return true;
    }

    /** Rates that do not depend on the load. */
    static Rates constant(double[] perClass) {
      double[] r = perClass.clone();
      return new Rates() {
        @Override
        public double rate(int taskClass, int busyTasks) {
          return r[taskClass];
        }

        @Override
        public boolean dependsOnLoad() {
          return false;
        }
      };
    }

    /** Full speed whatever the load. */
    Rates UNIT = constant(new double[] {1, 1, 1, 1, 1, 1, 1, 1});
  }

  /**
   * A binary min-heap of running tasks by (finish virtual time, start sequence), in parallel
   * primitive arrays: no object per task.
   */
  private static final class TaskHeap {
    double[] finish = new double[8];
    long[] sequence = new long[8];
    Object[] attachment = new Object[8];
    int size;

    void add(double f, long seq, Object att) {
      if (size == finish.length) {
        finish = Arrays.copyOf(finish, size * 2);
        sequence = Arrays.copyOf(sequence, size * 2);
        attachment = Arrays.copyOf(attachment, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        double pf = finish[parent];
        if (pf < f || pf == f && sequence[parent] < seq) {
          break;
        }
        finish[i] = pf;
        sequence[i] = sequence[parent];
        attachment[i] = attachment[parent];
        i = parent;
      }
      finish[i] = f;
      sequence[i] = seq;
      attachment[i] = att;
    }

    /** Removes the head. */
    void poll() {
      int n = --size;
      double f = finish[n];
      long seq = sequence[n];
      Object att = attachment[n];
      attachment[n] = null;
      if (n == 0) {
        attachment[0] = null;
        return;
      }
      int i = 0;
      int half = n >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        double cf = finish[child];
        long cs = sequence[child];
        int right = child + 1;
        if (right < n && (finish[right] < cf || finish[right] == cf && sequence[right] < cs)) {
          child = right;
          cf = finish[right];
          cs = sequence[right];
        }
        if (f < cf || f == cf && seq < cs) {
          break;
        }
        finish[i] = cf;
        sequence[i] = cs;
        attachment[i] = attachment[child];
        i = child;
      }
      finish[i] = f;
      sequence[i] = seq;
      attachment[i] = att;
    }
  }
}
