package org.cratesim.model;

/**
 * The machine the build runs on, relative to the one the costs were measured on, and its response
 * to load.
 *
 * <p>A thread of phase class k (front end; codegen; link and build-script runs) runs at speed
 * {@code speed_k / (1 + c_k · (b − 1))} while {@code b} threads are busy machine-wide: shared
 * caches, memory bandwidth and the turbo frequency falling as more cores are awake. Defaults (speed
 * 1, contention 0) reproduce the costs exactly.
 *
 * @param contentionFrontend c for front-end work (parse .. borrow-check)
 * @param contentionCodegen c for code generation (MIR to LLVM IR, LLVM passes)
 * @param contentionOther c for linking and running build scripts
 * @param speedFrontend relative speed of front-end work (2 = twice as fast)
 * @param speedCodegen relative speed of codegen work
 * @param speedOther relative speed of links and build-script runs
 */
public record MachineSettings(
    double contentionFrontend,
    double contentionCodegen,
    double contentionOther,
    double speedFrontend,
    double speedCodegen,
    double speedOther) {
  public static final MachineSettings NONE = new MachineSettings(0, 0, 0, 1, 1, 1);

  public MachineSettings {
    Phases.requireTime("contention_frontend", contentionFrontend);
    Phases.requireTime("contention_codegen", contentionCodegen);
    Phases.requireTime("contention_other", contentionOther);
    requireSpeed("speed_frontend", speedFrontend);
    requireSpeed("speed_codegen", speedCodegen);
    requireSpeed("speed_other", speedOther);
  }

  /** Contention only, full speed. */
  public MachineSettings(
      double contentionFrontend, double contentionCodegen, double contentionOther) {
    this(contentionFrontend, contentionCodegen, contentionOther, 1, 1, 1);
  }

  private static void requireSpeed(String key, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(key + " must be a finite number > 0, was " + v);
    }
  }
}
