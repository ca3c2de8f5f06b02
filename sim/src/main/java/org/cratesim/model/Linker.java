package org.cratesim.model;

import java.util.Locale;

/** The linker: GNU ld, LLVM's lld, or mold. */
public enum Linker {
  LD,
  LLD,
  MOLD;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The linker rustc {@code v} uses by default on x86_64 Linux, the one a page of that release was
   * measured with: rust-lld from 1.90, GNU ld (through cc) before.
   */
  public static Linker defaultOf(CargoVersion v) {
    return v.atLeast(CargoVersion.LLD_BY_DEFAULT) ? LLD : LD;
  }

  public static Linker parse(String s) {
    for (Linker l : values()) {
      if (l.id().equals(s)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown linker '" + s + "' (expected ld, lld or mold)");
  }
}
