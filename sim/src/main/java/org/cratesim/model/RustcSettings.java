package org.cratesim.model;

/**
 * Parameters of rustc's code generation model.
 *
 * @param codegenSerialShare share of a unit's codegen work that only rustc's main thread can do
 *     (MIR to LLVM IR translation, one CGU at a time); the rest (LLVM optimisation and emission)
 *     runs on worker threads, one CGU each
 * @param codegenFixedS serial work at the start of every unit's codegen, before any CGU can be
 *     translated (monomorphisation collection, CGU partitioning), in seconds, capped at the unit's
 *     codegen work
 */
public record RustcSettings(double codegenSerialShare, double codegenFixedS) {
  public static final RustcSettings DEFAULT = new RustcSettings(0.3, 0.0);

  public RustcSettings {
    if (!(codegenSerialShare >= 0 && codegenSerialShare <= 1)) {
      throw new IllegalArgumentException(
          "codegen_serial_share must be in [0, 1], was " + codegenSerialShare);
    }
    Phases.requireTime("codegen_fixed_s", codegenFixedS);
  }

  /** The nanoseconds of a unit's codegen that run serially on the main thread before CGUs. */
  public long fixedNanos(long codegenNanos) {
    return Math.min(codegenNanos, Math.round(codegenFixedS * 1e9));
  }

  /** The nanoseconds of translation (serial, spread over CGUs) in a unit's codegen. */
  public long translateNanos(long codegenNanos) {
    return Math.round((codegenNanos - fixedNanos(codegenNanos)) * codegenSerialShare);
  }
}
