package org.cratesim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Threads sharing a machine whose speed depends on how many threads are busy.
 *
 * <p>Each task has an amount of work (nanoseconds of work at full speed) and a class. While
 * {@code b} tasks are busy, every task of class {@code k} progresses at {@code rate(k, b)} units
 * of work per nanosecond. Because all tasks of one class share one rate, each class keeps a
 * <em>virtual work clock</em> {@code V_k(t) = ∫ rate(k, b(t)) dt}: a task started at virtual time
 * {@code v} with work {@code w} finishes when {@code V_k} reaches {@code v + w}. Starting or
 * finishing a task changes {@code b}, so the clocks are advanced to now and the single wake-up
 * event is rescheduled. Every operation is O(log n) in the number of running tasks.
 *
 * <p>With {@code rate == 1} the arithmetic is exact in whole nanoseconds (doubles hold integers
 * exactly up to 2^53 ns, about 104 days), so analytic test cases give exact answers.
 *
 * @param <E> the payload type of the owning simulation
 */
public final class SharedProcessor<E> {
  /** Work that finishes within this many work-nanoseconds of its target counts as done. */
  private static final double DUE_EPSILON = 0.5;

  private final Simulation<E> sim;
  private final Rates rates;
  private final boolean loadDependent;
  private final E wakePayload;
  private final int wakePriority;
  private final double[] virtual;
  private final double[] rate;
  private double[][] rateTable = new double[16][];
  private final List<Task> done = new ArrayList<>();
  private final TaskHeap[] running;
  private final int[] busyByClass;
  private long lastUpdate;
  private int busy;
  private long nextSequence;
  private EventQueue.Scheduled<E> wake;
  private double busyIntegralNanos;

  /**
   * @param sim the simulation whose clock drives this processor
   * @param classes number of task classes
   * @param rates speed of a task of a class given the number of busy tasks (1.0 = full speed)
   * @param wakePayload the payload of the wake-up event; the model calls {@link #onWake()} when
   *     it fires
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
  }

  /**
   * Rates depend only on the busy count: look them up whenever it changes. They are computed
   * once per busy count and kept (a build has at most {@code jobs} busy threads).
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

  /** Starts a task of {@code workNanos} work now; returns its handle. */
  public Task start(int taskClass, double workNanos, Object attachment) {
    if (workNanos < 0 || Double.isNaN(workNanos)) {
      throw new IllegalArgumentException("work must be >= 0: " + workNanos);
    }
    advance();
    Task t = new Task(taskClass, virtual[taskClass] + workNanos, nextSequence++, attachment);
    running[taskClass].add(t);
    busy++;
    busyByClass[taskClass]++;
    if (loadDependent) {
      refreshRates();
      reschedule();
    } else if (wake == null || sim.now() + delayOf(t.finishVirtual - virtual[taskClass],
        rate[taskClass]) < wake.timeNanos()) {
      // rates are unchanged, so only the new task can move the next completion earlier
      reschedule();
    }
    return t;
  }

  /**
   * Called by the model when the wake-up event fires: returns the tasks that are now complete,
   * in start order. The list is reused by the next call: iterate it before then.
   */
  public List<Task> onWake() {
    wake = null;
    advance();
    done.clear();
    for (int k = 0; k < virtual.length; k++) {
      TaskHeap q = running[k];
      while (q.size > 0 && q.items[0].finishVirtual <= virtual[k] + DUE_EPSILON) {
        Task t = q.poll();
        t.done = true;
        done.add(t);
        busyByClass[k]--;
      }
    }
    busy -= done.size();
    if (!done.isEmpty() && loadDependent) {
      refreshRates();
    }
    if (done.size() > 1) {
      done.sort((a, b) -> Long.compare(a.sequence, b.sequence));
    }
    reschedule();
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
        Task head = q.items[0];
        double remaining = Math.max(0.0, head.finishVirtual - virtual[k]);
        best = Math.min(best, remaining / rate[k]);
      }
    }
    if (best == Double.POSITIVE_INFINITY) {
      if (wake != null) {
        sim.cancel(wake);
        wake = null;
      }
      return;
    }
    long at = sim.now() + Math.max(0, (long) Math.ceil(best - 1e-6));
    assert at >= sim.now();
    if (wake != null) {
      if (wake.timeNanos() <= at) {
        return;
      }
      sim.cancel(wake);
    }
    wake = sim.scheduleAt(at, wakePriority, wakePayload);
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

  /** A binary min-heap of tasks by (finish virtual time, start sequence). */
  private static final class TaskHeap {
    Task[] items = new Task[8];
    int size;

    void add(Task t) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        Task p = items[parent];
        if (!t.before(p)) {
          break;
        }
        items[i] = p;
        i = parent;
      }
      items[i] = t;
    }

    Task poll() {
      Task top = items[0];
      Task last = items[--size];
      items[size] = null;
      if (size > 0) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
          int child = 2 * i + 1;
          Task c = items[child];
          int right = child + 1;
          if (right < size && items[right].before(c)) {
            child = right;
            c = items[child];
          }
          if (!c.before(last)) {
            break;
          }
          items[i] = c;
          i = child;
        }
        items[i] = last;
      }
      return top;
    }
  }

  /** A running (or finished) task. */
  public static final class Task {
    private final int taskClass;
    private final double finishVirtual;
    private final long sequence;
    private final Object attachment;
    private boolean done;

    Task(int taskClass, double finishVirtual, long sequence, Object attachment) {
      this.taskClass = taskClass;
      this.finishVirtual = finishVirtual;
      this.sequence = sequence;
      this.attachment = attachment;
    }

    public int taskClass() {
      return taskClass;
    }

    public Object attachment() {
      return attachment;
    }

    public boolean isDone() {
      return done;
    }

    boolean before(Task o) {
      return finishVirtual < o.finishVirtual
          || (finishVirtual == o.finishVirtual && sequence < o.sequence);
    }
  }
}
