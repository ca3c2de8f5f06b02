package org.cratesim.model;

/** What a crate builds: a library, a procedural-macro library, or a binary. */
public enum CrateKind {
  LIB("lib"),
  PROC_MACRO("proc-macro"),
  BIN("bin");

  private final String id;

  CrateKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static CrateKind parse(String s) {
    for (CrateKind k : values()) {
      if (k.id.equals(s)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown kind '" + s + "' (expected lib, proc-macro or bin)");
  }
}
