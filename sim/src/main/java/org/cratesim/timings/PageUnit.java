package org.cratesim.timings;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One unit (one rustc or build-script invocation) of a cargo {@code --timings} page: an entry of
 * the page's {@code UNIT_DATA} array, i.e. cargo's {@code UnitData} struct in {@code
 * src/cargo/core/compiler/timings/} (formerly {@code timings.rs}).
 *
 * <p>Both field generations are mapped here: cargo 1.60 writes {@code rmeta_time}, {@code
 * unlocked_units} and {@code unlocked_rmeta_units}; cargo 1.95 writes {@code features}, {@code
 * unblocked_units}, {@code unblocked_rmeta_units} and {@code sections} instead of {@code
 * rmeta_time}.
 *
 * @param i cargo's unit index, unique within a page (not the position in the list)
 * @param name package name; untrusted text, kept verbatim and never interpreted
 * @param version package version
 * @param mode cargo's mode string: {@code "todo"}, or {@code "run-custom-build"} for build-script
 *     runs
 * @param target cargo's target description, e.g. {@code ""}, {@code " lib (check)"}, {@code "
 *     build-script (run)"}, {@code " bin \"x\""}; see {@link #kind()}
 * @param features activated features (empty for cargo 1.60, which does not record them)
 * @param start seconds from the start of the build (cargo's start) to the unit's start
 * @param duration seconds the unit took
 * @param rmetaTime seconds after the unit's start when its {@code .rmeta} was emitted: {@code
 *     rmeta_time} when present, else the end of the {@code "frontend"} section, else {@code null}
 *     (no pipelining: build scripts, binaries, proc macros, fresh units)
 * @param sections section name to {@code {start, end}} seconds relative to the unit's start, in
 *     cargo's order; empty when the page has none
 * @param unblockedUnits indices of the units that became ready when this unit finished (only the
 *     edges that were satisfied last in that run, not the full graph)
 * @param unblockedRmetaUnits indices of the units that became ready when this unit's {@code .rmeta}
 *     was emitted
 */
public record PageUnit(
    int i,
    String name,
    String version,
    String mode,
    String target,
    List<String> features,
    double start,
    double duration,
    Double rmetaTime,
    Map<String, double[]> sections,
    List<Integer> unblockedUnits,
    List<Integer> unblockedRmetaUnits) {

  /** Cargo's mode string for running a build script. */
  public static final String MODE_RUN_CUSTOM_BUILD = "run-custom-build";

  /**
   * What a unit builds, derived from its {@code target} and {@code mode} strings. Unlike the
   * simulator's {@code model.TargetKind} it carries the check mode (a page has no field for it) and
   * covers targets the simulator does not build (tests, benches, examples, docs).
   *
   * <p>A timing page cannot tell a library from a proc macro (both are written as {@code ""}); see
   * {@link PageUnit#isProbablyProcMacro()}.
   */
  public enum Kind {
    /** A library (or proc macro) built with code generation: {@code ""}. */
    LIB,
    /**
     * A library checked only (metadata): {@code " lib (check)"} (1.60), {@code " (check)"} (1.95).
     */
    CHECK_LIB,
    /** Compiling a build script: {@code " build script"} (1.60), {@code " build-script"} (1.95). */
    BUILD_SCRIPT_COMPILE,
    /** Running a build script: {@code " build script (run)"}, {@code " build-script (run)"}. */
    BUILD_SCRIPT_RUN,
    /** A binary: {@code " bin \"name\""} (1.60), {@code " name \"bin\""} (1.95). */
    BIN,
    /** A binary checked only: {@code " bin \"name\" (check)"}, {@code " name \"bin\" (check)"}. */
    CHECK_BIN,
    /** A test or bench harness, or a target built in test, check-test or bench mode. */
    TEST,
    /** Anything else: examples, documentation, doc tests, unknown descriptions. */
    OTHER
  }

  private static final Pattern MODE_SUFFIX =
      Pattern.compile(
          "^(.*?)\\s*\\((check|check-test|test|bench|doc|doc test|doc scrape|run)\\)$",
          Pattern.DOTALL);

  /** cargo 1.60: {@code bin "name"}. */
  private static final Pattern KIND_THEN_NAME =
      Pattern.compile("^([a-z][a-z-]*) \"(.*)\"$", Pattern.DOTALL);

  /** cargo 1.95: {@code name "bin"}. */
  private static final Pattern NAME_THEN_KIND =
      Pattern.compile("^(.*) \"([a-z][a-z-]*)\"$", Pattern.DOTALL);

  private static final Set<String> KIND_WORDS =
      Set.of(
          "lib", "proc-macro", "bin", "test", "bench", "example", "build-script", "custom-build");
  private static final Set<String> TEST_MODES = Set.of("test", "check-test", "bench");

  /** The target strings of nearly every unit (both generations), classified without parsing. */
  private static final Map<String, Kind> COMMON_TARGETS =
      Map.of(
          "", Kind.LIB,
          " lib (check)", Kind.CHECK_LIB,
          " (check)", Kind.CHECK_LIB,
          " build script", Kind.BUILD_SCRIPT_COMPILE,
          " build-script", Kind.BUILD_SCRIPT_COMPILE,
          " build script (run)", Kind.BUILD_SCRIPT_RUN,
          " build-script (run)", Kind.BUILD_SCRIPT_RUN);

  /** Normalises and defensively copies the collections; {@code null} collections become empty. */
  public PageUnit {
    Objects.requireNonNull(name, "name");
    version = Objects.requireNonNullElse(version, "");
    mode = Objects.requireNonNullElse(mode, "");
    target = Objects.requireNonNullElse(target, "");
    features = features == null ? List.of() : List.copyOf(features);
    sections = copySections(sections);
    unblockedUnits = unblockedUnits == null ? List.of() : List.copyOf(unblockedUnits);
    unblockedRmetaUnits =
        unblockedRmetaUnits == null ? List.of() : List.copyOf(unblockedRmetaUnits);
  }

  /** Seconds from the start of the build to the end of this unit. */
  public double end() {
    return start + duration;
  }

  /** What this unit builds; see {@link Kind}. */
  public Kind kind() {
    if (MODE_RUN_CUSTOM_BUILD.equals(mode)) {
      return Kind.BUILD_SCRIPT_RUN;
    }
    Kind common = COMMON_TARGETS.get(target);
    if (common != null) {
      return common;
    }
    TargetParts parts = TargetParts.parse(target);
    if ("run".equals(parts.modeSuffix())) {
      return Kind.BUILD_SCRIPT_RUN;
    }
    return switch (parts.kindWord()) {
      case "lib", "proc-macro" -> byMode(parts.modeSuffix(), Kind.LIB, Kind.CHECK_LIB);
      case "bin" -> byMode(parts.modeSuffix(), Kind.BIN, Kind.CHECK_BIN);
      case "build-script", "custom-build" ->
          parts.modeSuffix().isEmpty() ? Kind.BUILD_SCRIPT_COMPILE : Kind.OTHER;
      case "test", "bench" -> parts.modeSuffix().startsWith("doc") ? Kind.OTHER : Kind.TEST;
      default -> Kind.OTHER;
    };
  }

  /**
   * The target's own name when the description carries one ({@code bin "name"} or {@code name
   * "bin"}), else {@code null} (libraries and build scripts are named after the package).
   */
  public String targetName() {
    return TargetParts.parse(target).targetName();
  }

  /**
   * Whether the unit only checked its target (metadata only): mode suffix {@code (check)} or {@code
   * (check-test)}.
   */
  public boolean isCheck() {
    String suffix = TargetParts.parse(target).modeSuffix();
    return suffix.equals("check") || suffix.equals("check-test");
  }

  /**
   * Whether this {@code ""} unit is probably a proc macro: a library built with code generation
   * that never emitted an {@code .rmeta} for pipelining ({@code rmeta_time} null in 1.60, no
   * sections in 1.95). A timing page does not say so explicitly; fresh units (duration 0) carry no
   * timing detail and are never reported as proc macros.
   */
  public boolean isProbablyProcMacro() {
    return kind() == Kind.LIB && rmetaTime == null && duration > 0;
  }

  private static Kind byMode(String suffix, Kind build, Kind check) {
    if (suffix.isEmpty()) {
      return build;
    }
    if (suffix.equals("check")) {
      return check;
    }
    return TEST_MODES.contains(suffix) ? Kind.TEST : Kind.OTHER;
  }

  /** Sections compare by value (arrays by content), unlike a plain record's {@code equals}. */
  @Override
  public boolean equals(Object other) {
    return other instanceof PageUnit u
        && i == u.i
        && Double.compare(start, u.start) == 0
        && Double.compare(duration, u.duration) == 0
        && name.equals(u.name)
        && version.equals(u.version)
        && mode.equals(u.mode)
        && target.equals(u.target)
        && features.equals(u.features)
        && Objects.equals(rmetaTime, u.rmetaTime)
        && sectionsEqual(sections, u.sections)
        && unblockedUnits.equals(u.unblockedUnits)
        && unblockedRmetaUnits.equals(u.unblockedRmetaUnits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        i,
        name,
        version,
        mode,
        target,
        features,
        start,
        duration,
        rmetaTime,
        sections.keySet(),
        unblockedUnits,
        unblockedRmetaUnits);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    sections.forEach(
        (key, value) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(key)
                .append('=')
                .append(Arrays.toString(value)));
    return "PageUnit[i="
        + i
        + ", name="
        + name
        + ", version="
        + version
        + ", mode="
        + mode
        + ", target="
        + target
        + ", features="
        + features
        + ", start="
        + start
        + ", duration="
        + duration
        + ", rmetaTime="
        + rmetaTime
        + ", sections={"
        + text
        + "}, unblockedUnits="
        + unblockedUnits
        + ", unblockedRmetaUnits="
        + unblockedRmetaUnits
        + "]";
  }

  private static Map<String, double[]> copySections(Map<String, double[]> sections) {
    if (sections == null || sections.isEmpty()) {
      return Map.of();
    }
    Map<String, double[]> copy = new LinkedHashMap<>();
    sections.forEach(
        (key, value) -> {
          if (value == null || value.length != 2) {
            throw new IllegalArgumentException("section " + key + " must be {start, end}");
          }
          copy.put(Objects.requireNonNull(key, "section name"), value.clone());
        });
    return Collections.unmodifiableMap(copy);
  }

  private static boolean sectionsEqual(Map<String, double[]> a, Map<String, double[]> b) {
    if (!List.copyOf(a.keySet()).equals(List.copyOf(b.keySet()))) {
      return false;
    }
    return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
  }

  /**
   * A target description split into a kind word ({@code lib}, {@code bin}, {@code build-script},
   * ..., or {@code other}), the target's own name (or null) and the mode suffix in parentheses
   * ({@code check}, {@code run}, ..., or empty).
   *
   * <p>cargo writes {@code " " + description + " (" + mode + ")"}, except {@code ""} for a library
   * in build mode (and, since the {@code unblocked_*} generation, in check mode too). cargo 1.60
   * describes named targets as {@code bin "name"} and build scripts as {@code build script}; cargo
   * 1.95 as {@code name "bin"} and {@code build-script}. A description that fits both shapes
   * ({@code bin "test"}) is read the cargo 1.95 way.
   */
  private record TargetParts(String kindWord, String targetName, String modeSuffix) {
    static TargetParts parse(String target) {
      String body = target.strip();
      String suffix = "";
      Matcher mode = MODE_SUFFIX.matcher(body);
      if (mode.matches()) {
        body = mode.group(1).strip();
        suffix = mode.group(2);
      }
      if (body.isEmpty() || body.equals("lib")) {
        return new TargetParts("lib", null, suffix);
      }
      if (body.equals("build script") || body.equals("build-script")) {
        return new TargetParts("build-script", null, suffix);
      }
      return named(body, suffix);
    }

    private static TargetParts named(String body, String suffix) {
      Matcher nameThenKind = NAME_THEN_KIND.matcher(body);
      if (nameThenKind.matches() && KIND_WORDS.contains(nameThenKind.group(2))) {
        return new TargetParts(nameThenKind.group(2), nameThenKind.group(1), suffix);
      }
      Matcher kindThenName = KIND_THEN_NAME.matcher(body);
      if (kindThenName.matches() && KIND_WORDS.contains(kindThenName.group(1))) {
        return new TargetParts(kindThenName.group(1), kindThenName.group(2), suffix);
      }
      return new TargetParts("other", null, suffix);
    }
  }
}
