package org.cratesim.model;

/**
 * Parameters of rustc's code generation model.
 *
 * @param codegenSerialShare share of a unit's codegen work that only rustc's main thread can do
 *     (monomorphisation collection and MIR to LLVM IR translation, one CGU at a time); the rest
 *     (LLVM optimisation and emission) runs on worker threads, one CGU each
 */
public record RustcSettings(double codegenSerialShare) {
  public static final RustcSettings DEFAULT = new RustcSettings(0.3);

  public RustcSettings {
    if (!(codegenSerialShare >= 0 && codegenSerialShare <= 1)) {
      throw new IllegalArgumentException(
          "codegen_serial_share must be in [0, 1], was " + codegenSerialShare);
    }
  }
}
