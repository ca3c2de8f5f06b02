package org.cratesim.build;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.cratesim.engine.SharedProcessor;
import org.cratesim.engine.Simulation;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Mode;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.SchedulingPolicy;

/**
 * Simulates cargo's {@code JobQueue} / {@code DrainState::drain_the_queue}
 * (src/compiler/job_queue/mod.rs) with rustc's codegen coordinator inside each running unit
 * (rustc_codegen_ssa/src/back/write.rs, {@code start_executing_work}).
 *
 * <p>cargo: {@code spawn_work_if_possible} moves every ready unit into {@code pending_queue}
 * (sorted ascending by priority; a new unit goes after those of equal priority; the last is
 * popped), requests a jobserver token for every unit beyond the first, and runs units while
 * {@code active.len() < tokens.len() + 1} (its implicit token runs one unit). Surplus tokens are
 * released ({@code tokens.truncate(active.len() - 1)}).
 *
 * <p>rustc (one per unit): a serial front end, .rmeta (which unblocks Metadata edges), then code
 * generation. The main thread translates CGUs to LLVM IR one at a time; after each it requests
 * one more token; LLVM workers optimise one CGU each on the tokens held. When the queue of
 * translated CGUs is "full enough" ({@code queue_full_enough}) the main thread lends its implicit
 * token to an LLVM worker instead, which gives the serial staircase at the start of codegen.
 * Then the link on the main thread.
 *
 * <p>Every busy thread is a task on a {@link SharedProcessor}, whose speed falls with the number
 * of busy threads per {@link MachineSettings}.
 */
public final class JobQueue {
  static final int CLASS_FRONTEND = 0;
  static final int CLASS_CODEGEN = 1;
  static final int CLASS_OTHER = 2;

  private static final int PRIORITY_WAKE = 0;
  private static final int PRIORITY_START = 2;
  private static final long CARGO_UNIT_COST = 100;

  private final UnitGraph graph;
  private final BuildSettings build;
  private final RustcSettings rustc;
  private final MachineSettings machine;
  private final FrontendParallelism frontend;
  private final double removedLtoShare;
  private final Simulation<BuildEvent> sim = new Simulation<>();
  private final SharedProcessor<BuildEvent> cpu;
  private final Jobserver jobserver;
  private final DependencyQueue queue;
  private final Jobserver.Client cargo = new Jobserver.Cargo();
  private final List<Integer> pendingQueue = new ArrayList<>();
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

  private JobQueue(UnitGraph graph, BuildSettings build, MachineSettings machine,
      RustcSettings rustc, FrontendParallelism frontend, double removedLtoShare) {
    this.graph = graph;
    this.removedLtoShare = removedLtoShare;
    this.frontend = frontend;
    this.build = build;
    this.rustc = rustc;
    this.machine = machine;
    this.startupNanos = UnitGraphBuilder.nanos(build.startupS());
    double[] c = {
      machine.contentionFrontend(), machine.contentionCodegen(), machine.contentionOther()
    };
    double[] speed = {machine.speedFrontend(), machine.speedCodegen(), machine.speedOther()};
    SharedProcessor.Rates rates = c[0] == 0 && c[1] == 0 && c[2] == 0
        ? SharedProcessor.Rates.constant(speed)
        : (k, b) -> speed[k] / (1.0 + c[k] * Math.max(0, b - 1));
    this.cpu = new SharedProcessor<>(sim, 3, rates, new BuildEvent.Wake(), PRIORITY_WAKE);
    // Message::Token: a granted token is delivered right after the event being handled, in
    // grant order (a FIFO rather than the event list: same order, no heap operations)
    this.jobserver = new Jobserver(build.jobs(), grants::add);
    this.queue = new DependencyQueue(graph,
        costs(graph, build.scheduling(), rustc, machine, frontend));
    this.records = new Record[graph.size()];
    for (int i = 0; i < records.length; i++) {
      records[i] = new Record();
    }
  }

  /** Simulates the build of {@code graph}. */
  public static BuildResult run(
      UnitGraph graph, BuildSettings build, MachineSettings machine, RustcSettings rustc) {
    return run(graph, build, machine, rustc, FrontendParallelism.SERIAL, 0);
  }

  /**
   * Simulates the build of {@code graph} with a parallel front end. {@code removedLtoShare}: for
   * units given in seconds (measured with cargo's default thin-local LTO) in a release build
   * with another LTO setting, the share of their parallel codegen that thin-local LTO added and
   * that is not done; 0 keeps the measured work.
   */
  public static BuildResult run(UnitGraph graph, BuildSettings build, MachineSettings machine,
      RustcSettings rustc, FrontendParallelism frontend, double removedLtoShare) {
    return new JobQueue(graph, build, machine, rustc, frontend, removedLtoShare).execute();
  }

  /** The DependencyQueue cost of each unit under a scheduling policy. */
  static long[] costs(UnitGraph graph, SchedulingPolicy policy, RustcSettings rustc,
      MachineSettings machine, FrontendParallelism frontend) {
    long[] cost = new long[graph.size()];
    boolean[] macroSide = policy instanceof SchedulingPolicy.ProcMacrosFirst
        ? procMacroSide(graph) : null;
    for (int i = 0; i < cost.length; i++) {
      if (policy instanceof SchedulingPolicy.ProcMacrosFirst) {
        // outweighs any sum of dependents' costs: these units come first
        cost[i] = macroSide[i] ? CARGO_UNIT_COST * (graph.size() + 2L) : CARGO_UNIT_COST;
      } else if (policy instanceof SchedulingPolicy.CargoDefault) {
        cost[i] = CARGO_UNIT_COST;
      } else if (policy instanceof SchedulingPolicy.EstimatedDuration) {
        // milliseconds of the unit's duration if it ran alone with unlimited tokens
        cost[i] = Math.max(1,
            CriticalPath.minimumDurationNanos(graph.unit(i), rustc, machine, frontend)
                / 1_000_000);
      } else {
        throw new AssertionError(policy);
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
        taskDone((Work) done.get(i));
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
      Rustc r = (Rustc) c;
      if (r.exited) {
        jobserver.release(1);
      } else {
        r.onToken();
      }
    }
  }

  /** cargo's {@code spawn_work_if_possible} followed by the token truncation. */
  private void spawnWorkIfPossible() {
    if (!started) {
      return;
    }
    int u;
    while ((u = queue.dequeue()) >= 0) {
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
      startUnit(pendingQueue.remove(pendingQueue.size() - 1));
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
    Rustc rustcProcess = new Rustc(u);
    if (unit.kind() == TargetKind.BUILD_SCRIPT_RUN) {
      rustcProcess.phase = Phase.RUN;
      cpu.start(CLASS_OTHER, unit.frontendNanos(), rustcProcess.work(Role.RUN));
    } else {
      rustcProcess.phase = Phase.FRONTEND;
      long serial = frontend.threads() > 1 ? frontend.serialNanos(unit.frontendNanos())
          : unit.frontendNanos();
      cpu.start(CLASS_FRONTEND, serial, rustcProcess.work(Role.FRONTEND));
    }
  }

  private void taskDone(Work w) {
    Rustc p = w.process;
    Unit unit = graph.unit(p.unit);
    Record r = records[p.unit];
    switch (w.role) {
      case FRONTEND:
        if (frontend.threads() > 1 && unit.frontendNanos() > 0) {
          p.startParallelFrontend(unit); // -Z threads: the parallel part on tokens
        } else {
          frontendFinished(p, unit);
        }
        break;
      case FIXED:
        p.fixedDone();
        break;
      case TRANSLATE:
        p.codegenDone();
        break;
      case LLVM:
        p.workerDone();
        break;
      case RUN:
        if (unit.codegenNanos() > 0) {
          p.startCodegen(unit); // the script's parallel jobs (e.g. cc compiling C files)
        } else {
          finishUnit(p);
        }
        break;
      case LINK:
        finishUnit(p);
        break;
      default:
        throw new AssertionError(w.role);
    }
  }

  /** The front end is over: .rmeta, then codegen, link, or the end of a check unit. */
  private void frontendFinished(Rustc p, Unit unit) {
    Record r = records[p.unit];
    r.frontendEnd = sim.now() - r.startNanos;
    if (unit.emitsMetadataEarly()) {
      // rustc's artifact notification -> Finish(id, Artifact::Metadata)
      r.rmetaNanos = r.frontendEnd;
      r.unblockedRmeta = queue.finish(p.unit, Artifact.METADATA);
      markReady(r.unblockedRmeta, p.unit, Artifact.METADATA);
    }
    if (unit.mode() == UnitMode.CHECK) {
      finishUnit(p);
    } else if (unit.codegenNanos() > 0 || unit.ltoNanos() > 0) {
      p.startCodegen(unit);
    } else {
      startLinkOrFinish(p, unit);
    }
  }

  private void startLinkOrFinish(Rustc p, Unit unit) {
    if (unit.linkNanos() > 0) {
      p.phase = Phase.LINK;
      cpu.start(CLASS_OTHER, unit.linkNanos(), p.work(Role.LINK));
    } else {
      finishUnit(p);
    }
  }

  private void finishUnit(Rustc p) {
    p.exited = true;
    p.phase = Phase.DONE;
    jobserver.forget(p);
    if (p.tokens > 0) {
      jobserver.release(p.tokens);
      p.tokens = 0;
    }
    Record r = records[p.unit];
    r.durationNanos = sim.now() - r.startNanos;
    r.done = true;
    active--;
    finishedUnits++;
    noteRelease(p.unit);
    r.unblocked = queue.finish(p.unit, Artifact.ALL);
    markReady(r.unblocked, p.unit, Artifact.ALL);
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
    List<UnitTiming> timings = new ArrayList<>(graph.size());
    long wall = startupNanos;
    for (int i = 0; i < graph.size(); i++) {
      Record r = records[i];
      timings.add(
          new UnitTiming(graph.unit(i), r.readyNanos, r.startNanos, r.durationNanos, r.rmetaNanos,
              r.frontendEnd, r.codegenEnd, r.unblocked, r.unblockedRmeta));
      wall = Math.max(wall, r.startNanos + r.durationNanos);
    }
    List<ChainLink> chain = criticalChain(timings, wall);
    long work = 0;
    for (Unit u : graph.units()) {
      work += CriticalPath.serialTimeNanos(u, machine, frontend);
    }
    return new BuildResult(wall,
        CriticalPath.lowerBoundNanos(graph, rustc, machine, frontend, startupNanos), work,
        startupNanos, build.jobs(), build.mode(), timings, chain,
        concurrency.asList(), cpu.busyIntegralNanos(), maxThreads, sim.eventsFired());
  }

  /** Walks back from the last unit to finish, following why each unit started when it did. */
  private List<ChainLink> criticalChain(List<UnitTiming> timings, long wall) {
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

  private enum Phase {
    FRONTEND,
    CODEGEN,
    LINK,
    RUN,
    DONE
  }

  private enum Role {
    FRONTEND,
    FIXED,
    TRANSLATE,
    LLVM,
    LINK,
    RUN
  }

  private static final Role[] ROLES = Role.values();

  /** What a parallel section of a rustc process is doing. */
  private enum Section {
    /** The parallel part of a -Z threads front end. */
    FRONTEND,
    /** Code generation: translate CGUs, optimise them, LTO. */
    CODEGEN,
    /** A build script's parallel jobs. */
    SCRIPT_JOBS
  }

  /** rustc's main thread: idle, translating a CGU, or lending its token to an LLVM worker. */
  private enum MainThread {
    IDLE,
    CODEGENNING,
    LENDING
  }

  /** A unit of work on a thread. */
  private static final class Work {
    final Rustc process;
    final Role role;

    Work(Rustc process, Role role) {
      this.process = process;
      this.role = role;
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
    boolean done;
    List<Integer> unblocked = List.of();
    List<Integer> unblockedRmeta = List.of();
  }

  /** One running process: a rustc with its codegen coordinator, or a build-script run. */
  private final class Rustc extends Jobserver.Client {
    final int unit;
    Phase phase;
    boolean exited;
    // codegen coordinator state (write.rs)
    Section section;
    int cgus;
    boolean fixedDone;
    long fixedWork;
    int toTranslate;
    int workItems;
    int nextToOptimize;
    int tokens;
    int runningWithOwnToken;
    boolean codegenCompleted;
    MainThread main = MainThread.IDLE;
    long[] translateWork;
    long[] optimizeWork;
    long[] ltoWork;
    boolean startedLto;

    /** One {@link Work} per role, made when first needed (a task's attachment). */
    private final Work[] works = new Work[ROLES.length];

    Rustc(int unit) {
      this.unit = unit;
    }

    Work work(Role role) {
      Work w = works[role.ordinal()];
      if (w == null) {
        w = new Work(this, role);
        works[role.ordinal()] = w;
      }
      return w;
    }

    /** Code generation: CGUs translated one at a time, optimised on tokens. */
    void startCodegen(Unit u) {
      int n = u.codegenUnits();
      if (u.kind() == TargetKind.BUILD_SCRIPT_RUN) {
        // a script's jobs (cc compiling C files) are all there at once: nothing serial
        startSection(Section.SCRIPT_JOBS, 0, new long[n], RustcSettings.DEFAULT.split(
            u.codegenNanos(), n), null);
        return;
      }
      long fixed;
      long serial;
      if (u.codegenSerialNanos() >= 0) {
        fixed = 0; // the cost model's serial part: spread over the CGU translations
        serial = Math.min(u.codegenNanos(), u.codegenSerialNanos());
      } else {
        fixed = rustc.fixedNanos(u.codegenNanos());
        serial = rustc.translateNanos(u.codegenNanos());
      }
      long parallel = u.codegenNanos() - fixed - serial;
      long ltoTotal = 0;
      boolean timed = u.codegenSerialNanos() < 0;
      if (timed && build.mode() == Mode.RELEASE && removedLtoShare > 0) {
        // measured with thin-local LTO, built with another setting: that work is not done
        parallel -= Math.round(parallel * removedLtoShare);
      }
      if (timed && u.parallelCodegenFactor() < 1) {
        parallel = Math.round(parallel * u.parallelCodegenFactor()); // stops at bitcode
      }
      if (u.ltoNanos() >= 0) {
        ltoTotal = u.ltoNanos();
      } else if (removedLtoShare == 0 && n > 1 && build.mode() == Mode.RELEASE
          && rustc.thinLocalLtoShare() > 0) {
        // thin local LTO (release, more than one CGU): its share of the measured work runs
        // after the barrier
        ltoTotal = Math.round(parallel * rustc.thinLocalLtoShare());
        parallel -= ltoTotal;
      }
      startSection(Section.CODEGEN, fixed, rustc.split(serial, n), rustc.split(parallel, n),
          ltoTotal > 0 ? rustc.split(ltoTotal, n) : null);
    }

    /** -Z threads=N: the front end's parallel part as N items on jobserver tokens. */
    void startParallelFrontend(Unit u) {
      int n = frontend.threads();
      long parallel = frontend.parallelNanos(u.frontendNanos());
      startSection(Section.FRONTEND, 0, new long[n], RustcSettings.DEFAULT.split(parallel, n),
          null);
    }

    private void startSection(Section s, long fixed, long[] translate, long[] optimize,
        long[] lto) {
      section = s;
      phase = Phase.CODEGEN;
      cgus = translate.length;
      toTranslate = cgus;
      workItems = 0;
      nextToOptimize = 0;
      runningWithOwnToken = 0;
      codegenCompleted = false;
      main = MainThread.IDLE;
      fixedWork = fixed;
      translateWork = translate;
      optimizeWork = optimize;
      ltoWork = lto;
      startedLto = lto == null;
      if (fixedWork > 0) {
        // collection and partitioning on the main thread before the first CGU
        fixedDone = false;
        main = MainThread.CODEGENNING;
        cpu.start(CLASS_CODEGEN, fixedWork, work(Role.FIXED));
      } else {
        fixedDone = true;
        coordinate();
      }
    }

    void fixedDone() {
      fixedDone = true;
      main = MainThread.IDLE;
      coordinate();
    }

    /** {@code Message::CodegenDone}: a CGU is translated; ask for one more token. */
    void codegenDone() {
      workItems++;
      main = MainThread.IDLE;
      if (toTranslate == 0) {
        codegenCompleted = true;
      }
      jobserver.request(this);
      coordinate();
    }

    /** An LLVM worker finished ({@code free_worker}). */
    void workerDone() {
      if (main == MainThread.LENDING) {
        main = MainThread.IDLE;
      } else {
        runningWithOwnToken--;
      }
      coordinate();
    }

    /** {@code Message::Token}. */
    void onToken() {
      tokens++;
      if (phase == Phase.CODEGEN && main == MainThread.LENDING) {
        main = MainThread.IDLE;
        runningWithOwnToken++;
      }
      coordinate();
    }

    /** One turn of the coordinator loop in {@code start_executing_work}. */
    void coordinate() {
      if (phase != Phase.CODEGEN) {
        releaseSurplus(0);
        return;
      }
      if (!fixedDone) {
        releaseSurplus(0);
        return;
      }
      if (!codegenCompleted) {
        if (main == MainThread.IDLE) {
          int extra = tokens - runningWithOwnToken;
          int anticipated = runningWithOwnToken + Math.min(extra, workItems) + 1;
          if (!queueFullEnough(workItems, anticipated)) {
            main = MainThread.CODEGENNING;
            startTranslate();
          } else {
            main = MainThread.LENDING;
            startLlvm();
          }
        }
      } else {
        int runningAny = runningWithOwnToken + (main == MainThread.LENDING ? 1 : 0);
        if (runningAny == 0 && workItems == 0) {
          if (startedLto) {
            endCodegen();
            return;
          }
          // every CGU optimised: the LTO phase queues one work item per module and asks for
          // a token for each (generate_lto_work; helper.request_token())
          startedLto = true;
          nextToOptimize = 0;
          optimizeWork = ltoWork;
          workItems = cgus;
          for (int k = 0; k < cgus; k++) {
            jobserver.request(this);
          }
        }
        if (main == MainThread.IDLE) {
          if (workItems > 0) {
            main = MainThread.LENDING;
            startLlvm();
          } else {
            // let the main thread take over a running worker's token
            runningWithOwnToken--;
            main = MainThread.LENDING;
          }
        }
      }
      while (runningWithOwnToken < tokens && workItems > 0) {
        startLlvm();
        runningWithOwnToken++;
      }
      releaseSurplus(runningWithOwnToken);
    }

    private void releaseSurplus(int keep) {
      if (tokens > keep) {
        jobserver.release(tokens - keep);
        tokens = keep;
        noteRelease(unit);
      }
    }

    private void startTranslate() {
      int k = cgus - toTranslate;
      toTranslate--;
      long work = translateWork[k];
      cpu.start(CLASS_CODEGEN, work, work(Role.TRANSLATE));
    }

    private void startLlvm() {
      int k = nextToOptimize++;
      workItems--;
      long work = optimizeWork[k];
      cpu.start(section == Section.FRONTEND ? CLASS_FRONTEND : CLASS_CODEGEN, work,
          work(Role.LLVM));
    }

    private void endCodegen() {
      jobserver.forget(this);
      releaseSurplus(0);
      if (section == Section.FRONTEND) {
        phase = Phase.FRONTEND;
        frontendFinished(this, graph.unit(unit));
        return;
      }
      Record r = records[unit];
      r.codegenEnd = sim.now() - r.startNanos;
      phase = Phase.LINK;
      startLinkOrFinish(this, graph.unit(unit));
    }
  }

  /**
   * rustc's heuristic: is the queue of translated CGUs long enough that the main thread should
   * do LLVM work instead of translating more? (a quarter of the anticipated workers)
   */
  static boolean queueFullEnough(int itemsInQueue, int workersRunning) {
    int quarterOfWorkers = workersRunning - 3 * workersRunning / 4;
    return itemsInQueue > 0 && itemsInQueue >= quarterOfWorkers;
  }
}
