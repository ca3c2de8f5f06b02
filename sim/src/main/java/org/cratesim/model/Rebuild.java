package org.cratesim.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What is already built when the build starts, and what an edit changed.
 *
 * <ul>
 *   <li>{@code clean}: nothing is built (a cold build).
 *   <li>{@code warm}: every dependency is built (fresh); workspace crates are rebuilt from scratch
 *       — the common CI case with a cache of the dependencies.
 *   <li>{@code incremental}: after an edit to the crates in {@code edits}: they and every crate
 *       that depends on them are rebuilt, as cargo's fingerprints decide; workspace crates use
 *       rustc's incremental compilation when the profile has it (reused queries and CGUs), but
 *       macro expansion is always redone and linking is always from scratch.
 *   <li>{@code noop}: everything is fresh.
 * </ul>
 *
 * @param kind the kind of build
 * @param edits crates an incremental build follows an edit to
 * @param workspace the workspace members (path crates); empty = the crates nothing depends on
 * @param incremental rustc's incremental compilation for workspace members; empty = on in check and
 *     debug (cargo's dev profile), off in release
 * @param itemsShare share of an edited crate's front-end work (after expansion) redone, in debug
 *     and release builds
 * @param checkItemsShare the same in check builds, where the front end is the whole build
 * @param cguShare share of an edited crate's CGUs re-generated
 * @param dependentItemsShare share of a rebuilt dependent's front-end work (after expansion)
 *     redone: most of its queries stay green
 * @param dependentCguShare share of a rebuilt dependent's CGUs re-generated
 * @param expansionShare for crates given in seconds that use proc macros: the share of their front
 *     end that is macro expansion (never cached)
 * @param plainExpansionShare the same for crates that use no proc macro (declarative macros,
 *     built-in derives)
 * @param overheadS per crate rebuilt incrementally: loading the dependency graph and query cache
 */
public record Rebuild(
    Kind kind,
    List<String> edits,
    List<String> workspace,
    java.util.Optional<Boolean> incremental,
    double itemsShare,
    double checkItemsShare,
    double cguShare,
    double dependentItemsShare,
    double dependentCguShare,
    double expansionShare,
    double plainExpansionShare,
    double overheadS) {
  /**
   * A clean build with the documented incremental defaults, read off own-2core-2026's comment-only
   * edits (cargo 1.95, dev): the edited top crate redoes about 4 % of its clean time, link included
   * (split m09: 1.12 of 29.1 s; mono: 2.66 of 41.9 s); crates rebuilt because a dependency changed
   * redo about 11 % of their front end (split's m01..m08 after an edit to m00: 0.06 of 0.53 s) and
   * few of their CGUs: 8 % of the small libraries' 0.5 s, but about 2 % of the binary's 29 s, which
   * dominates (its instantiations did not change). expansion_share: the median expansion share of
   * leaf crates' check time in lqd-epyc-2022 (shared/groundtruth/README.md), as in own-2core's
   * macro-heavy (0.57 of 5.75 s, rustc -Z time-passes). From the same time-passes logs:
   * check_items_share, what an incremental check of the touched top crate redoes after expansion
   * (name resolution, dependency-graph and query-cache serialisation): mono 0.63 of 4.26 s (15 %),
   * macro-heavy 1.14 of 5.17 s (22 %); plain_expansion_share, the expansion share of crates without
   * proc macros: mono 0.108 of 4.37 s, split's m09 0.002 of 0.08 s (2.5 %).
   */
  public static final Rebuild CLEAN =
      new Rebuild(
          Kind.CLEAN,
          List.of(),
          List.of(),
          java.util.Optional.empty(),
          0.05,
          0.18,
          0.02,
          0.10,
          0.02,
          0.10,
          0.025,
          0.02);

  public Rebuild {
    Objects.requireNonNull(kind);
    edits = List.copyOf(edits);
    workspace = List.copyOf(workspace);
    Objects.requireNonNull(incremental);
    for (double share :
        new double[] {
          itemsShare,
          checkItemsShare,
          cguShare,
          dependentItemsShare,
          dependentCguShare,
          expansionShare,
          plainExpansionShare
        }) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("shares must be between 0 and 1, was " + share);
      }
    }
    Phases.requireTime("overhead_s", overheadS);
  }

  public Rebuild withKind(Kind k) {
    return new Rebuild(
        k,
        edits,
        workspace,
        incremental,
        itemsShare,
        checkItemsShare,
        cguShare,
        dependentItemsShare,
        dependentCguShare,
        expansionShare,
        plainExpansionShare,
        overheadS);
  }

  public Rebuild withEdits(List<String> e) {
    return new Rebuild(
        kind,
        e,
        workspace,
        incremental,
        itemsShare,
        checkItemsShare,
        cguShare,
        dependentItemsShare,
        dependentCguShare,
        expansionShare,
        plainExpansionShare,
        overheadS);
  }

  public Rebuild withWorkspace(List<String> w) {
    return new Rebuild(
        kind,
        edits,
        w,
        incremental,
        itemsShare,
        checkItemsShare,
        cguShare,
        dependentItemsShare,
        dependentCguShare,
        expansionShare,
        plainExpansionShare,
        overheadS);
  }

  public Rebuild withIncremental(java.util.Optional<Boolean> on) {
    return new Rebuild(
        kind,
        edits,
        workspace,
        on,
        itemsShare,
        checkItemsShare,
        cguShare,
        dependentItemsShare,
        dependentCguShare,
        expansionShare,
        plainExpansionShare,
        overheadS);
  }

  /**
   * The numeric parameters, from itemsShare to overheadS in the order of the record's components
   * (the scenario's {@code [incremental]} keys).
   */
  public double[] values() {
    return new double[] {
      itemsShare,
      checkItemsShare,
      cguShare,
      dependentItemsShare,
      dependentCguShare,
      expansionShare,
      plainExpansionShare,
      overheadS
    };
  }

  /** A copy with the numeric parameters {@code v}, in the order of {@link #values()}. */
  public Rebuild withValues(double[] v) {
    return new Rebuild(
        kind, edits, workspace, incremental, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
  }

  /** Whether rustc's incremental compilation is on for workspace members in this mode. */
  public boolean incrementalFor(Mode mode) {
    return incremental.orElse(mode != Mode.RELEASE);
  }

  /** The kinds of build. */
  public enum Kind {
    CLEAN,
    WARM,
    INCREMENTAL,
    NOOP;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String s) {
      for (Kind k : values()) {
        if (k.id().equals(s)) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "unknown build kind '" + s + "' (expected clean, warm, incremental or noop)");
    }
  }
}
