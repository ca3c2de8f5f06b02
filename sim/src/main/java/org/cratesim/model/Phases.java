package org.cratesim.model;

/**
 * The cost of one rustc invocation, in seconds of single-threaded work at full speed.
 *
 * @param frontendS parse, expand, resolve, type-check, borrow-check, up to writing .rmeta
 * @param codegenS total single-threaded code generation (MIR to LLVM IR and LLVM passes)
 * @param codegenUnits number of codegen units the code generation is split into; 0 means the
 *     profile's default ({@link Mode#defaultCodegenUnits()})
 * @param linkS link (bins, proc macros, build scripts)
 */
public record Phases(double frontendS, double codegenS, int codegenUnits, double linkS) {
  public Phases {
    requireTime("frontend_s", frontendS);
    requireTime("codegen_s", codegenS);
    requireTime("link_s", linkS);
    if (codegenUnits < 0) {
      throw new IllegalArgumentException("codegen_units must be >= 1, was " + codegenUnits);
    }
  }

  /** The CGU count to use in a build of the given mode. */
  public int codegenUnitsFor(Mode mode) {
    return codegenUnits == 0 ? mode.defaultCodegenUnits() : codegenUnits;
  }

  public double totalS() {
    return frontendS + codegenS + linkS;
  }

  static void requireTime(String key, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(key + " must be a finite number >= 0, was " + v);
    }
  }
}
