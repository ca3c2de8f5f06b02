package org.cratesim.model;

/**
 * The machine's response to load: how much slower each busy thread runs when several are busy.
 *
 * <p>A thread of phase class k runs at speed {@code 1 / (1 + c_k · (b − 1))} while {@code b}
 * threads are busy machine-wide: shared caches, memory bandwidth and the turbo frequency falling
 * as more cores are awake. 0 means no contention (the analytic default).
 *
 * @param contentionFrontend c for front-end work (parse .. borrow-check)
 * @param contentionCodegen c for code generation (MIR to LLVM IR, LLVM passes)
 * @param contentionOther c for linking and running build scripts
 */
public record MachineSettings(
    double contentionFrontend, double contentionCodegen, double contentionOther) {
  public static final MachineSettings NONE = new MachineSettings(0, 0, 0);

  public MachineSettings {
    Phases.requireTime("contention_frontend", contentionFrontend);
    Phases.requireTime("contention_codegen", contentionCodegen);
    Phases.requireTime("contention_other", contentionOther);
  }
}
