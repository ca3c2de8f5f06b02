package org.cratesim.model;

/**
 * cargo's {@code lto} profile setting (doc/book/src/reference/profiles.md, src/compiler/lto.rs).
 */
public sealed interface Lto permits Lto.Off, Lto.ThinLocal, Lto.Thin, Lto.Fat {

  /** The value as written in a scenario: off, thin-local, thin, fat. */
  String id();

  /** {@code lto = "off"}: no LTO at all, not even across the crate's own CGUs. */
  record Off() implements Lto {
    @Override
    public String id() {
      return "off";
    }
  }

  /**
   * {@code lto = false}, cargo's default: ThinLTO across the crate's own CGUs (none when the crate
   * has one CGU or at opt-level 0).
   */
  record ThinLocal() implements Lto {
    @Override
    public String id() {
      return "thin-local";
    }
  }

  /**
   * {@code lto = "thin"}: dependencies are built as bitcode; the final link runs ThinLTO across
   * every crate, a parallel phase of per-module work.
   */
  record Thin() implements Lto {
    @Override
    public String id() {
      return "thin";
    }
  }

  /**
   * {@code lto = true | "fat"}: dependencies are built as bitcode; the final link merges every
   * crate into one module and optimises it serially.
   */
  record Fat() implements Lto {
    @Override
    public String id() {
      return "fat";
    }
  }

  /** True when dependencies stop at bitcode and the final link does the optimisation. */
  default boolean crossCrate() {
    return this instanceof Thin || this instanceof Fat;
  }

  static Lto parse(String s) {
    switch (s) {
      case "off":
        return new Off();
      case "thin-local":
      case "false":
        return new ThinLocal();
      case "thin":
        return new Thin();
      case "fat":
      case "true":
        return new Fat();
      default:
        throw new IllegalArgumentException(
            "unknown lto '" + s + "' (expected off, thin-local, thin or fat)");
    }
  }
}
