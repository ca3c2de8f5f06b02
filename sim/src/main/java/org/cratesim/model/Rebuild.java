package org.cratesim.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
 * <p>What rustc redoes in an incremental build (rustc_incremental, rustc_query_system's
 * try_mark_green; {@code -Z time-passes} of own-2core-2026's rebuilds): parsing, macro expansion
 * (proc macros are never cached: expand_crate 0.55 of 0.60 s in macro-heavy) and name resolution
 * always; the queries whose inputs changed (type check, borrow check, MIR: 1–2 % of their clean
 * time after a comment, since spans are relative to their item); loading and saving the dependency
 * graph and query cache (serialize_dep_graph 0.18 s, and about as much unaccounted load time, in
 * macro-heavy's 1.69 s incremental check); the CGUs whose content changed, the rest reused from the
 * incremental cache; the link.
 *
 * <p>The edit kinds ({@link EditKind}): {@code comment} (text that changes no item: the edited
 * crate redoes {@code items_share} of its front end after expansion, {@code cgu_share} of its CGUs;
 * dependents {@code dependent_items_share}, {@code dependent_cgu_share}); {@code body} (a function
 * body: the edited crate also re-generates {@code body_cgu_share} of its CGUs, those holding the
 * function and the functions it is inlined into; its API is unchanged, so dependents redo what they
 * redo after a comment); {@code signature} (an API change, e.g. a new or changed {@code pub fn}: as
 * body, and the edited crate and the crates that depend on it directly re-type-check {@code
 * signature_share} more of their front end, the items that use its API and the metadata written for
 * their own dependents).
 *
 * @param kind the kind of build
 * @param edits what an incremental build follows: edited crates and the kind of each edit
 * @param workspace the workspace members (path crates); empty = the crates nothing depends on
 * @param incremental rustc's incremental compilation for workspace members; empty = on in check and
 *     debug (cargo's dev profile), off in release
 * @param itemsShare share of an edited crate's front-end work (after expansion) redone after a
 *     comment, in debug and release builds
 * @param checkItemsShare the same in check builds, where the front end is the whole build
 * @param cguShare share of an edited crate's CGUs re-generated after a comment
 * @param dependentItemsShare share of a rebuilt dependent's front-end work (after expansion)
 *     redone: most of its queries stay green
 * @param dependentCguShare share of a rebuilt dependent's CGUs re-generated
 * @param expansionShare for crates given in seconds that use proc macros: the share of their front
 *     end that is macro expansion (never cached)
 * @param plainExpansionShare the same for crates that use no proc macro (declarative macros,
 *     built-in derives)
 * @param overheadS per crate rebuilt incrementally: starting rustc, loading its dependencies'
 *     metadata, the dependency graph and the query cache
 * @param bodyCguShare body and signature edits: the further share of the edited crate's CGUs
 *     re-generated (those holding the changed function)
 * @param signatureShare signature edits: the further share of the front end (after expansion)
 *     redone by the edited crate and by each crate depending on it directly
 * @param binFrontendShare a bin given in seconds rebuilt incrementally (debug, release): its front
 *     end is taken to be at most this share of its compile time, the rest codegen. cargo writes no
 *     .rmeta for a bin, so an imported page cannot show a bin's front end (the importer splits it
 *     like the page's libs, about half); a rebuild redoes far more of the front end than of the
 *     codegen, so the split matters there
 * @param binLinkS a bin given in seconds without a link time (an imported page folds the link into
 *     the bin's codegen): the part of its codegen that is the link, redone in full by every rebuild
 *     (GNU ld, debug: logscan 0.09 s, kvserve 0.11 s, mono and split's m09 0.47 s in own-2core's -Z
 *     time-passes)
 */
public record Rebuild(
    Kind kind,
    List<Edit> edits,
    List<String> workspace,
    Optional<Boolean> incremental,
    double itemsShare,
    double checkItemsShare,
    double cguShare,
    double dependentItemsShare,
    double dependentCguShare,
    double expansionShare,
    double plainExpansionShare,
    double overheadS,
    double bodyCguShare,
    double signatureShare,
    double binFrontendShare,
    double binLinkS,
    double libBinFrontendShare) {
  /**
   * A clean build with the documented incremental defaults.
   *
   * <p>Measured, not fitted: expansion_share, the median expansion share of leaf crates' check time
   * in lqd-epyc-2022 (shared/groundtruth/README.md), as in own-2core's macro-heavy (0.57 of 5.75 s,
   * rustc -Z time-passes); plain_expansion_share, the expansion share of crates without proc macros
   * (mono 0.108 of 4.37 s, split's m09 0.002 of 0.08 s: 2.5 %); bin_frontend_share, own-2core's
   * bins' check time over their dev build time (m09 0.3 %, kvserve 11 %, mono 10–15 %, logscan 18
   * %: 0.10); body_cgu_share, one CGU of a large crate (mono's dev build writes 201 object files:
   * 0.5 %; the signature rebuilds, whose new function is in one CGU, fit 0).
   *
   * <p>Fitted on own-2core-2026's 36 rebuilds with {@code cratesim validate-rebuilds --fit}
   * (RebuildValidation.fit: least squares of log(predicted / measured), Nelder-Mead from the
   * previous defaults, each rebuild predicted from every clean page of its workspace, mode and -j;
   * refitted on 2026-12-02 once derives reached through a facade — serde's "derive" feature — count
   * as the crate's proc macros, as -Z time-passes shows: async's kvserve spends 0.016 of 0.18 s of
   * its check expanding, 9 %): items_share 0.239, check_items_share 0.176 (an edited crate redoes
   * about a fifth of its front end after expansion: parsing, name resolution, loading and saving
   * the dependency graph; the time-passes logs give 15 % for mono and 22 % for macro-heavy in
   * check), cgu_share 0.034, dependent_items_share 0.150, dependent_cgu_share 0.037 (split's
   * m01..m08 after an edit to m00: 0.08 of 0.57 s front end, 0.04 of 0.5 s codegen), overhead_s 0
   * (absorbed by the shares), signature_share 0.041, bin_link_s 0.153 (time-passes: 0.09–0.47 s).
   * Median |error| 10 %, largest 34 % (mono's incremental check); leave-one-workspace-out median 13
   * %, largest 79 % (mono's check, predicted without mono).
   */
  public static final Rebuild CLEAN =
      new Rebuild(
          Kind.CLEAN,
          List.of(),
          List.of(),
          Optional.empty(),
          0.239,
          0.176,
          0.034,
          0.150,
          0.037,
          0.10,
          0.025,
          0.0,
          0.005,
          0.041,
          0.10,
          0.153,
          0.01);

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
          plainExpansionShare,
          bodyCguShare,
          signatureShare,
          binFrontendShare,
          libBinFrontendShare
        }) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("shares must be between 0 and 1, was " + share);
      }
    }
    Phases.requireTime("overhead_s", overheadS);
    Phases.requireTime("bin_link_s", binLinkS);
  }

  public Rebuild withKind(Kind k) {
    return new Rebuild(k, edits, workspace, incremental, values());
  }

  /**
   * A copy following edits given as {@code CRATE[:comment|body|signature]} (default comment).
   *
   * @throws IllegalArgumentException for an unknown edit kind or an empty crate name
   */
  public Rebuild withEdits(List<String> specs) {
    return withEditList(specs.stream().map(Edit::parse).toList());
  }

  public Rebuild withEditList(List<Edit> e) {
    return new Rebuild(kind, e, workspace, incremental, values());
  }

  public Rebuild withWorkspace(List<String> w) {
    return new Rebuild(kind, edits, w, incremental, values());
  }

  public Rebuild withIncremental(Optional<Boolean> on) {
    return new Rebuild(kind, edits, workspace, on, values());
  }

  private Rebuild(
      Kind kind, List<Edit> edits, List<String> workspace, Optional<Boolean> inc, double[] v) {
    this(
        kind, edits, workspace, inc, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
        v[10], v[11], v[12]);
  }

  /** The edited crates' names, in order. */
  public List<String> editedCrates() {
    return edits.stream().map(Edit::crate).toList();
  }

  /** The edits as {@code CRATE} (a comment) or {@code CRATE:KIND}, as a scenario writes them. */
  public List<String> editSpecs() {
    return edits.stream().map(Edit::toString).toList();
  }

  /** The kind of the edit to {@code crate}, if it is edited. */
  public Optional<EditKind> editOf(String crate) {
    return edits.stream().filter(e -> e.crate().equals(crate)).map(Edit::kind).findFirst();
  }

  /**
   * The numeric parameters, from itemsShare to libBinFrontendShare in the order of the record's
   * components (the scenario's {@code [incremental]} keys).
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
      overheadS,
      bodyCguShare,
      signatureShare,
      binFrontendShare,
      binLinkS,
      libBinFrontendShare
    };
  }

  /** A copy with the numeric parameters {@code v}, in the order of {@link #values()}. */
  public Rebuild withValues(double[] v) {
    if (v.length != values().length) {
      throw new IllegalArgumentException(
          "expected " + values().length + " incremental parameters, got " + v.length);
    }
    return new Rebuild(kind, edits, workspace, incremental, v);
  }

  /** Whether rustc's incremental compilation is on for workspace members in this mode. */
  public boolean incrementalFor(Mode mode) {
    return incremental.orElse(mode != Mode.RELEASE);
  }

  /** What an edit changed, from least to most rebuilt. */
  public enum EditKind {
    /** Text that changes no item (a comment, whitespace; also a {@code touch}). */
    COMMENT,
    /** A function body: its CGUs are re-generated, the crate's API is unchanged. */
    BODY,
    /** An API change (a new or changed public item): dependents re-type-check what uses it. */
    SIGNATURE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static EditKind parse(String s) {
      for (EditKind k : values()) {
        if (k.id().equals(s)) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "unknown edit kind '" + s + "' (expected comment, body or signature)");
    }
  }

  /** One edited crate and what the edit changed. */
  public record Edit(String crate, EditKind kind) {
    public Edit {
      Objects.requireNonNull(crate);
      Objects.requireNonNull(kind);
      if (crate.isBlank()) {
        throw new IllegalArgumentException("an edit needs a crate name");
      }
    }

    /** {@code CRATE} (a comment) or {@code CRATE:comment|body|signature}. */
    public static Edit parse(String spec) {
      int colon = spec.lastIndexOf(':');
      return colon < 0
          ? new Edit(spec, EditKind.COMMENT)
          : new Edit(spec.substring(0, colon), EditKind.parse(spec.substring(colon + 1)));
    }

    @Override
    public String toString() {
      return kind == EditKind.COMMENT ? crate : crate + ":" + kind.id();
    }
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
