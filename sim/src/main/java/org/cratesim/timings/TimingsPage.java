package org.cratesim.timings;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One cargo {@code --timings} report: the summary of the build and its units, read from a raw HTML
 * page or from the JSON envelope the ground-truth data was extracted into. Cargo writes these pages
 * from {@code src/cargo/core/compiler/timings/} ({@code report.rs}: summary table and {@code
 * UNIT_DATA}); see {@link TimingsReader}.
 *
 * @param source the original page's name: the envelope's {@code source} for extracted JSON, else
 *     the name of the file read
 * @param jobs cargo's {@code -j} ({@code jobs=} in the page's "Max concurrency" row)
 * @param ncpu the machine's available parallelism, or {@code null} when cargo wrote {@code n/a}
 * @param profile the requested profile ({@code dev}, {@code release}, ...), or {@code null}
 * @param rustc the rustc version line, e.g. {@code rustc 1.95.0 (59807616e 2026-04-14)} (host and
 *     target lines removed), or {@code null}
 * @param totalSeconds the build's wall time as cargo measured it: the end of the last unit ({@code
 *     total_s}, or max(start + duration) when it agrees with the page's one-decimal "Total time"),
 *     else the page's "Total time"
 * @param format where and in which field generation the data came from: one of {@link #JSON_160},
 *     {@link #JSON_195}, {@link #HTML_160}, {@link #HTML_195}
 * @param units the units, sorted by start time then index
 * @param targets the packages of the page's "Targets:" row (none in the extracted JSON)
 * @param host the host triple of the rustc row ({@code Host: x86_64-unknown-linux-gnu}), or {@code
 *     null}
 * @param buildStart the "Build start:" row as cargo wrote it (an RFC 3339 time), or {@code null}
 */
public record TimingsPage(
    String source,
    int jobs,
    Integer ncpu,
    String profile,
    String rustc,
    double totalSeconds,
    String format,
    List<PageUnit> units,
    List<String> targets,
    String host,
    String buildStart) {

  /** Extracted JSON with cargo 1.60's unit fields ({@code rmeta_time}, {@code unlocked_*}). */
  public static final String JSON_160 = "json-1.60";

  /** Extracted JSON with cargo 1.95's unit fields ({@code sections}, {@code unblocked_*}). */
  public static final String JSON_195 = "json-1.95";

  /** A raw HTML page with cargo 1.60's unit fields. */
  public static final String HTML_160 = "html-1.60";

  /** A raw HTML page with cargo 1.95's unit fields. */
  public static final String HTML_195 = "html-1.95";

  private static final Set<String> FORMATS = Set.of(JSON_160, JSON_195, HTML_160, HTML_195);
  private static final Comparator<PageUnit> BY_START_THEN_INDEX =
      Comparator.comparingDouble(PageUnit::start).thenComparingInt(PageUnit::i);

  /** A page without a Targets row (the extracted JSON has none). */
  public TimingsPage(
      String source,
      int jobs,
      Integer ncpu,
      String profile,
      String rustc,
      double totalSeconds,
      String format,
      List<PageUnit> units) {
    this(source, jobs, ncpu, profile, rustc, totalSeconds, format, units, List.of());
  }

  /** A page without host and build start. */
  public TimingsPage(
      String source,
      int jobs,
      Integer ncpu,
      String profile,
      String rustc,
      double totalSeconds,
      String format,
      List<PageUnit> units,
      List<String> targets) {
    this(source, jobs, ncpu, profile, rustc, totalSeconds, format, units, targets, null, null);
  }

  /** The most jobs a page may show (cargo -j), as a scenario's [build] jobs. */
  public static final int MAX_JOBS = 100_000;

  /** The longest time a page may show (its total, a unit's start or duration), in seconds. */
  public static final double MAX_SECONDS = 1e7;

  /** The longest unit name read, in characters (a crate name is at most 64 on crates.io). */
  public static final int MAX_NAME = 256;

  /** The largest page read, in bytes. */
  public static final long MAX_FILE_BYTES = 256L << 20;

  /**
   * Validates (see {@link #findProblem}) and sorts the units.
   *
   * @throws IllegalArgumentException if the page is inconsistent
   */
  public TimingsPage {
    targets = List.copyOf(targets);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(units, "units");
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException(
          "unknown format " + format + ", expected one of " + FORMATS);
    }
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
    }
    if (!(totalSeconds >= 0) || Double.isInfinite(totalSeconds)) {
      throw new IllegalArgumentException(
          "total time must be a finite number >= 0, not " + totalSeconds);
    }
    Optional<String> problem = findProblem(units, usesUnlockedFields(format));
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    units = units.stream().sorted(BY_START_THEN_INDEX).toList();
  }

  /** {@code "1.60"} or {@code "1.95"}: the generation of the unit fields. */
  public String generation() {
    return format.substring(format.indexOf('-') + 1);
  }

  /** The units by their cargo index. */
  public Map<Integer, PageUnit> unitsByIndex() {
    return units.stream().collect(Collectors.toUnmodifiableMap(PageUnit::i, Function.identity()));
  }

  /** The unit with cargo index {@code i}, if any. */
  public Optional<PageUnit> unit(int i) {
    return units.stream().filter(u -> u.i() == i).findFirst();
  }

  /**
   * The first inconsistency of a list of units, for a human, or empty: no units, an index used
   * twice, a start or duration that is negative or not finite, an {@code .rmeta} time that is
   * negative, or an unblocked list naming an index no unit has.
   *
   * @param unlocked whether to call the lists by cargo 1.60's name ({@code unlocked}) rather than
   *     cargo 1.95's ({@code unblocked})
   */
  static Optional<String> findProblem(List<PageUnit> units, boolean unlocked) {
    if (units.isEmpty()) {
      return Optional.of("no units (the units list is empty)");
    }
    Set<Integer> indices = new HashSet<>();
    for (PageUnit unit : units) {
      if (!indices.add(unit.i())) {
        return Optional.of("unit index " + unit.i() + " is used by more than one unit");
      }
    }
    for (PageUnit unit : units) {
      Optional<String> problem = timeProblem(unit).or(() -> edgeProblem(unit, indices, unlocked));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> timeProblem(PageUnit unit) {
    if (unit.name().isBlank()) {
      return Optional.of("unit " + unit.i() + " has an empty name");
    }
    if (unit.name().length() > MAX_NAME) {
      return Optional.of(
          "unit "
              + unit.i()
              + " has a name of "
              + unit.name().length()
              + " characters, at most "
              + MAX_NAME);
    }
    for (double t : new double[] {unit.start(), unit.duration()}) {
      if (t > MAX_SECONDS) {
        return Optional.of(
            "unit " + unit.i() + " has a time of " + t + " s, at most " + MAX_SECONDS + " s");
      }
    }
    if (!isNonNegative(unit.start())) {
      return Optional.of(
          "unit " + unit.i() + " has start " + unit.start() + ", expected a number >= 0");
    }
    if (!isNonNegative(unit.duration())) {
      return Optional.of(
          "unit " + unit.i() + " has duration " + unit.duration() + ", expected a number >= 0");
    }
    if (unit.rmetaTime() != null && !isNonNegative(unit.rmetaTime())) {
      return Optional.of(
          "unit " + unit.i() + " has rmeta time " + unit.rmetaTime() + ", expected a number >= 0");
    }
    return Optional.empty();
  }

  private static Optional<String> edgeProblem(
      PageUnit unit, Set<Integer> indices, boolean unlocked) {
    String word = unlocked ? "unlocked" : "unblocked";
    for (int other : unit.unblockedUnits()) {
      if (!indices.contains(other)) {
        return Optional.of(
            "unit " + unit.i() + " lists " + word + " unit " + other + ", which does not exist");
      }
    }
    for (int other : unit.unblockedRmetaUnits()) {
      if (!indices.contains(other)) {
        return Optional.of(
            "unit "
                + unit.i()
                + " lists rmeta-"
                + word
                + " unit "
                + other
                + ", which does not exist");
      }
    }
    return Optional.empty();
  }

  static boolean usesUnlockedFields(String format) {
    return format.endsWith("1.60");
  }

  private static boolean isNonNegative(double value) {
    return value >= 0 && !Double.isInfinite(value);
  }
}
