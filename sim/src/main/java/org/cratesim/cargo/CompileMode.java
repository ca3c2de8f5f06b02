package org.cratesim.cargo;

/** cargo's {@code CompileMode} subset: Build, Check, RunCustomBuild. */
public enum CompileMode {
  BUILD("build"),
  CHECK("check"),
  RUN_CUSTOM_BUILD("run-custom-build");

  private final String id;

  CompileMode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
