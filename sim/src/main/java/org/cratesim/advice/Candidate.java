package org.cratesim.advice;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.cratesim.model.Scenario;

/**
 * One change {@code cratesim advise} tries: a name as a user would write it (a strategy spec, a
 * {@code --set} key, {@code -j N}), its family, and the scenario transform. A transform that cannot
 * apply to a build throws {@link IllegalArgumentException} with the reason ("no proc macro in the
 * build").
 *
 * @param change what is changed, e.g. {@code -j 8}, {@code precompiled-proc-macros}, {@code
 *     profile.linker=mold}
 * @param family cores, strategy, scheduling, profile or split
 * @param apply the build with the change
 */
public record Candidate(String change, String family, UnaryOperator<Scenario> apply) {
  public Candidate {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(apply, "apply");
  }
}
