package org.cratesim.rustc;

import org.cratesim.engine.SharedProcessor;
import org.cratesim.jobserver.Jobserver;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.UnitWork;

/**
 * One running process: a rustc with its codegen coordinator, or a build-script run.
 *
 * <p>rustc: a serial front end (its end emits {@code .rmeta}, reported through {@link JobState}),
 * then code generation after {@code start_executing_work} in rustc_codegen_ssa/src/back/write.rs:
 * the main thread translates CGUs to LLVM IR one at a time; after each ({@code
 * Message::CodegenDone}) the coordinator requests one more jobserver token; LLVM workers optimise
 * one CGU each on the tokens held. When the queue of translated CGUs is "full enough" ({@link
 * #queueFullEnough}) the main thread lends its implicit token to an LLVM worker instead ({@link
 * MainThreadState#LENDING}), which gives the serial staircase at the start of codegen. An LTO phase
 * after a barrier, then the link on the main thread.
 *
 * <p>Every busy thread is a task on the build's {@link SharedProcessor}, in one of three classes
 * whose speed can fall with the number of busy threads.
 */
public final class Rustc extends Jobserver.Client {
  /** Task class of front-end work. */
  public static final int CLASS_FRONTEND = 0;

  /** Task class of codegen work. */
  public static final int CLASS_CODEGEN = 1;

  /** Task class of everything else (link, build-script runs). */
  public static final int CLASS_OTHER = 2;

  /** The number of task classes. */
  public static final int CLASSES = 3;

  /**
   * What every process of one build shares.
   *
   * @param cpu the machine's threads
   * @param jobserver cargo's jobserver
   * @param rustc the codegen model's parameters
   * @param frontend {@code -Z threads}
   * @param release a release build (thin-local LTO applies)
   * @param removedLtoShare see {@link CodegenPlan#of}
   */
  public record Session(
      SharedProcessor<?> cpu,
      Jobserver jobserver,
      RustcSettings rustc,
      FrontendParallelism frontend,
      boolean release,
      double removedLtoShare) {}

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

  /** rustc's {@code MainThreadState}: idle, translating a CGU, or lending its token. */
  private enum MainThreadState {
    IDLE,
    CODEGENNING,
    LENDING
  }

  /** A unit of work on a thread: the task's attachment. */
  private static final class Work {
    final Rustc process;
    final Role role;

    Work(Rustc process, Role role) {
      this.process = process;
      this.role = role;
    }
  }

  private final Session session;
  private final SharedProcessor<?> cpu;
  private final Jobserver jobserver;
  private final Invocation unit;
  private final UnitWork work;
  private final JobState job;
  private Phase phase;
  private boolean exited;
  // codegen coordinator state (write.rs)
  private Section section;
  private int cgus;
  private boolean fixedDone;
  private long fixedWork;
  private int toTranslate;
  private int workItems;
  private int nextToOptimize;
  private int tokens;
  private int runningWithOwnToken;
  private boolean codegenCompleted;
  private MainThreadState main = MainThreadState.IDLE;
  private long[] translateWork;
  private long[] optimizeWork;
  private long[] ltoWork;
  private boolean startedLto;

  /** One {@link Work} per role, made when first needed. */
  private final Work[] works = new Work[ROLES.length];

  private Rustc(Session session, Invocation unit, JobState job) {
    this.session = session;
    this.cpu = session.cpu();
    this.jobserver = session.jobserver();
    this.unit = unit;
    this.work = unit.work();
    this.job = job;
  }

  /** Starts the process for {@code unit}: its front end (or the script run) begins now. */
  public static Rustc spawn(Session session, Invocation unit, JobState job) {
    Rustc p = new Rustc(session, unit, job);
    if (unit.isScriptRun()) {
      p.phase = Phase.RUN;
      p.cpu.start(CLASS_OTHER, p.work.frontendNanos(), p.task(Role.RUN));
    } else {
      p.phase = Phase.FRONTEND;
      FrontendParallelism fe = session.frontend();
      long serial =
          fe.threads() > 1 ? fe.serialNanos(p.work.frontendNanos()) : p.work.frontendNanos();
      p.cpu.start(CLASS_FRONTEND, serial, p.task(Role.FRONTEND));
    }
    return p;
  }

  /** A task of some process finished: {@code attachment} is what it was started with. */
  public static void taskDone(Object attachment) {
    Work w = (Work) attachment;
    w.process.taskDone(w.role);
  }

  /** {@code Message::Token}: the jobserver granted this process a token. */
  public void onToken() {
    if (exited) {
      jobserver.release(1);
      return;
    }
    tokens++;
    if (phase == Phase.CODEGEN && main == MainThreadState.LENDING) {
      main = MainThreadState.IDLE;
      runningWithOwnToken++;
    }
    coordinate();
  }

  private Work task(Role role) {
    Work w = works[role.ordinal()];
    if (w == null) {
      w = new Work(this, role);
      works[role.ordinal()] = w;
    }
    return w;
  }

  private void taskDone(Role role) {
    switch (role) {
      case FRONTEND:
        if (session.frontend().threads() > 1 && work.frontendNanos() > 0) {
          startParallelFrontend(); // -Z threads: the parallel part on tokens
        } else {
          frontendFinished();
        }
        break;
      case FIXED:
        fixedDone();
        break;
      case TRANSLATE:
        codegenDone();
        break;
      case LLVM:
        workerDone();
        break;
      case RUN:
        if (work.codegenNanos() > 0) {
          startCodegen(); // the script's parallel jobs (e.g. cc compiling C files)
        } else {
          exit();
        }
        break;
      case LINK:
        exit();
        break;
      default:
        throw new AssertionError(role);
    }
  }

  /** The front end is over: .rmeta, then codegen, link, or the end of a check unit. */
  private void frontendFinished() {
    job.frontendFinished();
    if (unit.emitsMetadataEarly()) {
      job.rmetaProduced();
    }
    if (unit.stopsAfterFrontend()) {
      exit();
    } else if (work.codegenNanos() > 0 || work.ltoNanos() > 0) {
      startCodegen();
    } else {
      startLinkOrExit();
    }
  }

  private void startLinkOrExit() {
    if (work.linkNanos() > 0) {
      phase = Phase.LINK;
      cpu.start(CLASS_OTHER, work.linkNanos(), task(Role.LINK));
    } else {
      exit();
    }
  }

  private void exit() {
    exited = true;
    phase = Phase.DONE;
    jobserver.forget(this);
    if (tokens > 0) {
      jobserver.release(tokens);
      tokens = 0;
    }
    job.finished();
  }

  /** Code generation: CGUs translated one at a time, optimised on tokens. */
  private void startCodegen() {
    CodegenPlan plan =
        CodegenPlan.of(unit, session.rustc(), session.release(), session.removedLtoShare());
    startSection(
        unit.isScriptRun() ? Section.SCRIPT_JOBS : Section.CODEGEN,
        plan.fixedNanos(),
        plan.translateNanos(),
        plan.optimizeNanos(),
        plan.ltoNanos());
  }

  /** -Z threads=N: the front end's parallel part as N items on jobserver tokens. */
  private void startParallelFrontend() {
    long[] parts = session.frontend().parallelParts(work.frontendNanos());
    startSection(Section.FRONTEND, 0, new long[parts.length], parts, new long[0]);
  }

  /** Starts a parallel section; {@code lto} is empty when no LTO phase follows. */
  private void startSection(Section s, long fixed, long[] translate, long[] optimize, long[] lto) {
    section = s;
    phase = Phase.CODEGEN;
    cgus = translate.length;
    toTranslate = cgus;
    workItems = 0;
    nextToOptimize = 0;
    runningWithOwnToken = 0;
    codegenCompleted = false;
    main = MainThreadState.IDLE;
    fixedWork = fixed;
    translateWork = translate;
    optimizeWork = optimize;
    ltoWork = lto;
    startedLto = lto.length == 0;
    if (fixedWork > 0) {
      // collection and partitioning on the main thread before the first CGU
      fixedDone = false;
      main = MainThreadState.CODEGENNING;
      cpu.start(CLASS_CODEGEN, fixedWork, task(Role.FIXED));
    } else {
      fixedDone = true;
      coordinate();
    }
  }

  private void fixedDone() {
    fixedDone = true;
    main = MainThreadState.IDLE;
    coordinate();
  }

  /** {@code Message::CodegenDone}: a CGU is translated; ask for one more token. */
  private void codegenDone() {
    workItems++;
    main = MainThreadState.IDLE;
    if (toTranslate == 0) {
      codegenCompleted = true;
    }
    jobserver.request(this);
    coordinate();
  }

  /** An LLVM worker finished ({@code free_worker}). */
  private void workerDone() {
    if (main == MainThreadState.LENDING) {
      main = MainThreadState.IDLE;
    } else {
      runningWithOwnToken--;
    }
    coordinate();
  }

  /** One turn of the coordinator loop in {@code start_executing_work}. */
  private void coordinate() {
    if (phase != Phase.CODEGEN) {
      releaseSurplus(0);
      return;
    }
    if (!fixedDone) {
      releaseSurplus(0);
      return;
    }
    if (!codegenCompleted) {
      if (main == MainThreadState.IDLE) {
        int extra = tokens - runningWithOwnToken;
        int anticipated = runningWithOwnToken + Math.min(extra, workItems) + 1;
        if (!queueFullEnough(workItems, anticipated)) {
          main = MainThreadState.CODEGENNING;
          startTranslate();
        } else {
          main = MainThreadState.LENDING;
          startLlvm();
        }
      }
    } else {
      int runningAny = runningWithOwnToken + (main == MainThreadState.LENDING ? 1 : 0);
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
      if (main == MainThreadState.IDLE) {
        if (workItems > 0) {
          main = MainThreadState.LENDING;
          startLlvm();
        } else {
          // let the main thread take over a running worker's token
          runningWithOwnToken--;
          main = MainThreadState.LENDING;
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
      job.tokensReleased();
    }
  }

  private void startTranslate() {
    int k = cgus - toTranslate;
    toTranslate--;
    long work = translateWork[k];
    cpu.start(CLASS_CODEGEN, work, task(Role.TRANSLATE));
  }

  private void startLlvm() {
    int k = nextToOptimize++;
    workItems--;
    long work = optimizeWork[k];
    cpu.start(section == Section.FRONTEND ? CLASS_FRONTEND : CLASS_CODEGEN, work, task(Role.LLVM));
  }

  private void endCodegen() {
    jobserver.forget(this);
    releaseSurplus(0);
    if (section == Section.FRONTEND) {
      phase = Phase.FRONTEND;
      frontendFinished();
      return;
    }
    job.codegenFinished();
    phase = Phase.LINK;
    startLinkOrExit();
  }

  /**
   * rustc's heuristic: is the queue of translated CGUs long enough that the main thread should do
   * LLVM work instead of translating more? (a quarter of the anticipated workers)
   */
  public static boolean queueFullEnough(int itemsInQueue, int workersRunning) {
    int quarterOfWorkers = workersRunning - 3 * workersRunning / 4;
    return itemsInQueue > 0 && itemsInQueue >= quarterOfWorkers;
  }
}
