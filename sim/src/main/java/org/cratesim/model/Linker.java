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

  public static Linker parse(String s) {
    for (Linker l : values()) {
      if (l.id().equals(s)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown linker '" + s + "' (expected ld, lld or mold)");
  }
}
