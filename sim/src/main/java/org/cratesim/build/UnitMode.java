package org.cratesim.build;

/** cargo's {@code CompileMode} subset: Build, Check, RunCustomBuild. */
public enum UnitMode {
  BUILD("build"),
  CHECK("check"),
  RUN_CUSTOM_BUILD("run-custom-build");

  private final String id;

  UnitMode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
