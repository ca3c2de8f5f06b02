package org.cratesim.cargo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.cratesim.engine.SharedProcessor;
import org.cratesim.engine.Simulation;
import org.cratesim.jobserver.Jobserver;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Mode;
import org.cratesim.model.PendingQueue;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.SchedulingPolicy;
import org.cratesim.model.TargetKind;
import org.cratesim.rustc.FrontendParallelism;
import org.cratesim.rustc.JobState;
import org.cratesim.rustc.Rustc;

/**
 * Simulates cargo's {@code JobQueue} / {@code DrainState::drain_the_queue}
 * (src/compiler/job_queue/mod.rs); each running unit is a {@link Rustc} process, which reports back
 * through {@link JobState}.
 *
 * <p>cargo: {@code spawn_work_if_possible} moves every ready unit into {@code pending_queue}
 * (sorted ascending by priority; a new unit goes after those of equal priority; the last is
 * popped), requests a jobserver token for every unit beyond the first, and runs units while {@code
 * active.len() < tokens.len() + 1} (its implicit token runs one unit). Surplus tokens are released
 * ({@code tokens.truncate(active.len() - 1)}).
 *
 * <p>Every busy thread is a task on a {@link SharedProcessor}, whose speed falls with the number of
 * busy threads per {@link MachineSettings}.
 */
public final class JobQueue {
  private static final int PRIORITY_WAKE = 0;
  private static final int PRIORITY_START = 2;
  private static final long CARGO_UNIT_COST = 100;

  private final UnitGraph graph;
  private final BuildSettings build;
  private final Simulation<BuildEvent> sim = new Simulation<>();
  private final SharedProcessor<BuildEvent> cpu;
  private final Jobserver jobserver;
  private final Rustc.Session session;
  private final DependencyQueue queue;
  private final Jobserver.Client cargo = new Jobserver.Cargo();
  private final List<Integer> pendingQueue = new ArrayList<>();
  private final boolean oldestFirst;
  private final CriticalPath bounds;
  private final ArrayDeque<Jobserver.Client> grants = new ArrayDeque<>();
  private final Record[] records;
  private final ConcurrencyLog concurrency = new ConcurrencyLog();
  private final long startupNanos;
  private int cargoTokens;
  private int active;
  private int finishedUnits;
  private boolean started;
  private int maxThreads;
  private int lastReleaser = -1;
  private long lastReleaseNanos = -1;

  private JobQueue(
      UnitGraph graph,
      BuildSettings build,
      MachineSettings machine,
      RustcSettings rustc,
      FrontendParallelism frontend,
      double removedLtoShare) {
    this.graph = graph;
    this.build = build;
    this.bounds =
        new CriticalPath(rustc, machine, frontend, build.mode() == Mode.RELEASE, removedLtoShare);
    this.oldestFirst = build.pendingQueueInEffect() == PendingQueue.OLDEST_FIRST;
    this.startupNanos = UnitGraphBuilder.nanos(build.startupS());
    double[] c = {
      machine.contentionFrontend(), machine.contentionCodegen(), machine.contentionOther()
    };
    double[] speed = {machine.speedFrontend(), machine.speedCodegen(), machine.speedOther()};
    SharedProcessor.Rates rates =
        c[0] == 0 && c[1] == 0 && c[2] == 0
            ? SharedProcessor.Rates.constant(speed)
            : (k, b) -> speed[k] / (1.0 + c[k] * Math.max(0, b - 1));
    this.cpu =
        new SharedProcessor<>(sim, Rustc.CLASSES, rates, new BuildEvent.Wake(), PRIORITY_WAKE);
    // Message::Token: a granted token is delivered right after the event being handled, in
    // grant order (a FIFO rather than the event list: same order, no heap operations)
    this.jobserver = new Jobserver(build.jobs(), grants::add);
    this.queue = new DependencyQueue(graph, costs(graph, build, bounds));
    this.session =
        new Rustc.Session(
            cpu, jobserver, rustc, frontend, build.mode() == Mode.RELEASE, removedLtoShare);
    this.records = new Record[graph.size()];
    for (int i = 0; i < records.length; i++) {
      records[i] = new Record();
    }
  }

  /**
   * Simulates the build of {@code graph} with a parallel front end. {@code removedLtoShare}: for
   * units given in seconds (measured with cargo's default thin-local LTO) in a release build with
   * another LTO setting, the share of their parallel codegen that thin-local LTO added and that is
   * not done; 0 keeps the measured work.
   */
  public static BuildResult run(
      UnitGraph graph,
      BuildSettings build,
      MachineSettings machine,
      RustcSettings rustc,
      FrontendParallelism frontend,
      double removedLtoShare) {
    return new JobQueue(graph, build, machine, rustc, frontend, removedLtoShare).execute();
  }

  /** The DependencyQueue cost of each unit under a scheduling policy. */
  static long[] costs(UnitGraph graph, BuildSettings build, CriticalPath bounds) {
    SchedulingPolicy policy = build.scheduling();
    long[] cost = new long[graph.size()];
    boolean[] macroSide =
        policy instanceof SchedulingPolicy.ProcMacrosFirst ? procMacroSide(graph) : null;
    for (int i = 0; i < cost.length; i++) {
      if (policy instanceof SchedulingPolicy.ProcMacrosFirst) {
        // outweighs any sum of dependents' costs: these units come first
        cost[i] = macroSide[i] ? CARGO_UNIT_COST * (graph.size() + 2L) : CARGO_UNIT_COST;
      } else if (policy instanceof SchedulingPolicy.CargoDefault) {
        cost[i] = CARGO_UNIT_COST;
      } else if (policy instanceof SchedulingPolicy.EstimatedDuration) {
        // milliseconds of the unit's duration if it ran alone with unlimited tokens
        cost[i] = Math.max(1, bounds.minimumDurationNanos(graph.unit(i)) / 1_000_000);
      } else {
        throw new AssertionError(policy);
      }
      if (!build.costFactors().isEmpty()) {
        // scheduling hints (cargo #7437): the crate's units cost more, so they and what they
        // need rank higher
        double f = build.costFactor(graph.unit(i).packageName());
        cost[i] = Math.max(1, Math.round(cost[i] * f));
      }
    }
    return cost;
  }

  /** Proc-macro units and every unit they depend on, directly or not. */
  private static boolean[] procMacroSide(UnitGraph graph) {
    boolean[] side = new boolean[graph.size()];
    for (int i = graph.size() - 1; i >= 0; i--) {
      if (graph.unit(i).kind() == TargetKind.PROC_MACRO || side[i]) {
        side[i] = true;
        for (UnitDep d : graph.deps(i)) {
          side[d.unit()] = true;
        }
      }
    }
    return side;
  }

  private BuildResult execute() {
    queue.queueFinished();
    for (int i = 0; i < graph.size(); i++) {
      if (graph.deps(i).isEmpty()) {
        records[i].readyNanos = startupNanos;
      }
    }
    sample();
    sim.scheduleAt(startupNanos, PRIORITY_START, new BuildEvent.CargoStart());
    sim.run(this::handle);
    if (finishedUnits != graph.size()) {
      throw new IllegalStateException(
          "build stalled with " + (graph.size() - finishedUnits) + " units unfinished");
    }
    return result();
  }

  private void handle(BuildEvent ev) {
    if (ev instanceof BuildEvent.Wake) {
      List<Object> done = cpu.onWake();
      for (int i = 0, n = done.size(); i < n; i++) {
        Rustc.taskDone(done.get(i));
      }
    } else if (ev instanceof BuildEvent.CargoStart) {
      started = true;
    }
    do {
      while (!grants.isEmpty()) {
        deliverToken(grants.poll());
      }
      spawnWorkIfPossible();
    } while (!grants.isEmpty());
    sample();
  }

  private void deliverToken(Jobserver.Client c) {
    if (c == cargo) {
      cargoTokens++;
    } else {
      ((Rustc) c).onToken();
    }
  }

  /** cargo's {@code spawn_work_if_possible} followed by the token truncation. */
  private void spawnWorkIfPossible() {
    if (!started) {
      return;
    }
    int u;
    while ((u = queue.dequeue()) >= 0) {
      if (oldestFirst) {
        // cargo up to 1.64: a plain vector in arrival order, pending_queue.remove(0) starts the
        // oldest (units dequeued together arrive in priority order)
        pendingQueue.add(u);
        if (active + pendingQueue.size() > 1) {
          jobserver.request(cargo);
        }
        continue;
      }
      long p = queue.priority(u);
      // pending_queue stays sorted ascending and the last entry is popped. cargo inserts after
      // entries of equal priority; its tie order is arbitrary anyway (HashMap iteration in
      // DependencyQueue::dequeue), so we insert before them: among equal priorities the unit
      // dequeued first, the lowest index, is started first.
      int lo = 0;
      int hi = pendingQueue.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (queue.priority(pendingQueue.get(mid)) < p) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      pendingQueue.add(lo, u);
      if (active + pendingQueue.size() > 1) {
        jobserver.request(cargo);
      }
    }
    while (active < cargoTokens + 1 && !pendingQueue.isEmpty()) {
      startUnit(pendingQueue.remove(oldestFirst ? 0 : pendingQueue.size() - 1));
    }
    int keep = Math.max(0, active - 1);
    if (cargoTokens > keep) {
      jobserver.release(cargoTokens - keep);
      cargoTokens = keep;
    }
  }

  private void startUnit(int u) {
    Unit unit = graph.unit(u);
    Record r = records[u];
    r.startNanos = sim.now();
    if (r.startNanos > r.readyNanos && lastReleaseNanos == r.startNanos) {
      r.tokenReleaser = lastReleaser;
    }
    active++;
    Rustc.spawn(session, unit, new Job(u));
  }

  private void noteRelease(int unit) {
    lastReleaser = unit;
    lastReleaseNanos = sim.now();
  }

  private void markReady(List<Integer> units, int cause, Artifact artifact) {
    for (int v : units) {
      records[v].readyNanos = sim.now();
      records[v].readyCause = cause;
      records[v].readyArtifact = artifact;
    }
  }

  private void sample() {
    int threads = cpu.busy();
    maxThreads = Math.max(maxThreads, threads);
    int waiting = pendingQueue.size() + queue.readyCount();
    int inactive = graph.size() - finishedUnits - active - waiting;
    concurrency.add(sim.now(), active, waiting, inactive, threads);
  }

  private BuildResult result() {
    List<UnitData> timings = new ArrayList<>(graph.size());
    long wall = startupNanos;
    for (int i = 0; i < graph.size(); i++) {
      Record r = records[i];
      timings.add(
          new UnitData(
              graph.unit(i),
              r.readyNanos,
              r.startNanos,
              r.durationNanos,
              r.rmetaNanos,
              r.frontendEnd,
              r.codegenEnd,
              r.unblocked,
              r.unblockedRmeta));
      wall = Math.max(wall, r.startNanos + r.durationNanos);
    }
    List<ChainLink> chain = criticalChain(timings, wall);
    long work = 0;
    for (Unit u : graph.units()) {
      work += bounds.serialTimeNanos(u);
    }
    return new BuildResult(
        wall,
        bounds.lowerBoundNanos(graph, startupNanos),
        work,
        startupNanos,
        build.jobs(),
        build.mode(),
        timings,
        chain,
        concurrency.asList(),
        cpu.busyIntegralNanos(),
        maxThreads,
        sim.eventsFired());
  }

  /** Walks back from the last unit to finish, following why each unit started when it did. */
  private List<ChainLink> criticalChain(List<UnitData> timings, long wall) {
    List<ChainLink> back = new ArrayList<>();
    int cur = -1;
    for (int i = 0; i < timings.size(); i++) {
      if (timings.get(i).endNanos() == wall && cur < 0) {
        cur = i;
      }
    }
    long segEnd = wall;
    while (cur >= 0) {
      Record r = records[cur];
      if (r.startNanos > r.readyNanos && r.tokenReleaser >= 0) {
        back.add(new ChainLink(cur, r.startNanos, segEnd, ChainLink.Wait.TOKEN, r.tokenReleaser));
        segEnd = r.startNanos;
        cur = r.tokenReleaser;
      } else if (r.readyCause >= 0) {
        ChainLink.Wait why =
            r.readyArtifact == Artifact.METADATA ? ChainLink.Wait.RMETA : ChainLink.Wait.FULL;
        back.add(new ChainLink(cur, r.startNanos, segEnd, why, r.readyCause));
        segEnd = r.readyNanos;
        cur = r.readyCause;
      } else {
        back.add(new ChainLink(cur, r.startNanos, segEnd, ChainLink.Wait.NOTHING, -1));
        cur = -1;
      }
    }
    if (startupNanos > 0) {
      back.add(new ChainLink(-1, 0, startupNanos, ChainLink.Wait.STARTUP, -1));
    }
    List<ChainLink> chain = new ArrayList<>(back.size());
    for (int i = back.size() - 1; i >= 0; i--) {
      chain.add(back.get(i));
    }
    return chain;
  }

  /** cargo's side of one running job: what rustc reports lands in the unit's record. */
  private final class Job implements JobState {
    private final int unit;

    Job(int unit) {
      this.unit = unit;
    }

    @Override
    public void frontendFinished() {
      Record r = records[unit];
      r.frontendEnd = sim.now() - r.startNanos;
    }

    @Override
    public void rmetaProduced() {
      Record r = records[unit];
      r.rmetaNanos = r.frontendEnd;
      r.unblockedRmeta = queue.finish(unit, Artifact.METADATA);
      markReady(r.unblockedRmeta, unit, Artifact.METADATA);
    }

    @Override
    public void codegenFinished() {
      Record r = records[unit];
      r.codegenEnd = sim.now() - r.startNanos;
    }

    @Override
    public void tokensReleased() {
      noteRelease(unit);
    }

    @Override
    public void finished() {
      Record r = records[unit];
      r.durationNanos = sim.now() - r.startNanos;
      active--;
      finishedUnits++;
      noteRelease(unit);
      r.unblocked = queue.finish(unit, Artifact.ALL);
      markReady(r.unblocked, unit, Artifact.ALL);
    }
  }

  /** What the simulation remembers of each unit. */
  private static final class Record {
    long readyNanos = -1;
    int readyCause = -1;
    Artifact readyArtifact;
    int tokenReleaser = -1;
    long startNanos = -1;
    long durationNanos = -1;
    long rmetaNanos = -1;
    long frontendEnd = -1;
    long codegenEnd = -1;
    List<Integer> unblocked = List.of();
    List<Integer> unblockedRmeta = List.of();
  }
}
