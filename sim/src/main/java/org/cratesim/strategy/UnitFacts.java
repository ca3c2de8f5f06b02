package org.cratesim.strategy;

import java.util.Map;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.TargetKind;

/**
 * What a strategy needs to know about one unit.
 *
 * @param crate the crate it builds
 * @param kind what kind of unit it is
 * @param rebuilt true when the unit does work in this build (not fresh)
 * @param incremental true when it is rebuilt with rustc's incremental compilation
 * @param edited true when its crate is one of the edited ones
 * @param expansionNanos per proc-macro crate: the part of its front end spent expanding that
 *     macro's invocations
 * @param invocations per proc-macro crate: the invocations (given by the crate's size, or estimated
 *     as its expansion time over {@code costs.expand_per_invocation_s})
 */
public record UnitFacts(
    CrateSpec crate,
    TargetKind kind,
    boolean rebuilt,
    boolean incremental,
    boolean edited,
    Map<String, Long> expansionNanos,
    Map<String, Long> invocations) {}
