package org.cratesim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

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
  private final E wakePayload;
  private final int wakePriority;
  private final double[] virtual;
  private final List<PriorityQueue<Task>> running;
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
    this.wakePayload = Objects.requireNonNull(wakePayload);
    this.wakePriority = wakePriority;
    this.virtual = new double[classes];
    this.busyByClass = new int[classes];
    this.running = new ArrayList<>(classes);
    for (int k = 0; k < classes; k++) {
      running.add(new PriorityQueue<>());
    }
    this.lastUpdate = sim.now();
  }

  /** Starts a task of {@code workNanos} work now; returns its handle. */
  public Task start(int taskClass, double workNanos, Object attachment) {
    if (workNanos < 0 || Double.isNaN(workNanos)) {
      throw new IllegalArgumentException("work must be >= 0: " + workNanos);
    }
    advance();
    Task t = new Task(taskClass, virtual[taskClass] + workNanos, nextSequence++, attachment);
    running.get(taskClass).add(t);
    busy++;
    busyByClass[taskClass]++;
    reschedule();
    return t;
  }

  /**
   * Called by the model when the wake-up event fires: returns the tasks that are now complete,
   * in start order.
   */
  public List<Task> onWake() {
    wake = null;
    advance();
    List<Task> done = new ArrayList<>(2);
    for (int k = 0; k < virtual.length; k++) {
      PriorityQueue<Task> q = running.get(k);
      while (!q.isEmpty() && q.peek().finishVirtual <= virtual[k] + DUE_EPSILON) {
        Task t = q.poll();
        t.done = true;
        done.add(t);
        busyByClass[k]--;
      }
    }
    busy -= done.size();
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
          virtual[k] += rates.rate(k, busy) * dt;
        }
      }
      busyIntegralNanos += (double) busy * dt;
      lastUpdate = now;
    }
  }

  private void reschedule() {
    if (wake != null) {
      sim.cancel(wake);
      wake = null;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < virtual.length; k++) {
      Task head = running.get(k).peek();
      if (head != null) {
        double remaining = Math.max(0.0, head.finishVirtual - virtual[k]);
        double r = rates.rate(k, busy);
        if (!(r > 0)) {
          throw new IllegalStateException("rate must be > 0, was " + r);
        }
        best = Math.min(best, remaining / r);
      }
    }
    if (best != Double.POSITIVE_INFINITY) {
      long delay = (long) Math.ceil(best - 1e-6);
      wake = sim.schedule(Math.max(0, delay), wakePriority, wakePayload);
    }
  }

  @Override
  public String toString() {
    return "SharedProcessor[busy=" + busy + ", virtual=" + Arrays.toString(virtual) + "]";
  }

  /** Speed of a task of a class, given the number of busy tasks. */
  @FunctionalInterface
  public interface Rates {
    double rate(int taskClass, int busyTasks);

    /** Full speed whatever the load. */
    Rates UNIT = (k, b) -> 1.0;
  }

  /** A running (or finished) task. */
  public static final class Task implements Comparable<Task> {
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

    @Override
    public int compareTo(Task o) {
      int c = Double.compare(finishVirtual, o.finishVirtual);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
