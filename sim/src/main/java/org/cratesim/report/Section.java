package org.cratesim.report;

import java.util.ArrayList;
import java.util.List;
import org.cratesim.cargo.UnitData;
import org.cratesim.model.TargetKind;

/**
 * A phase of a unit relative to its start, named as cargo's {@code SectionName}: frontend, codegen,
 * link, or run for a build-script run.
 */
public record Section(String name, long startNanos, long endNanos) {

  /** The sections of a simulated unit. */
  public static List<Section> of(UnitData u) {
    List<Section> out = new ArrayList<>(3);
    if (u.unit().kind() == TargetKind.BUILD_SCRIPT_RUN) {
      out.add(new Section("run", 0, u.durationNanos()));
      return out;
    }
    long fe = u.frontendEndNanos() < 0 ? u.durationNanos() : u.frontendEndNanos();
    out.add(new Section("frontend", 0, fe));
    long cg = fe;
    if (u.codegenEndNanos() >= 0) {
      cg = u.codegenEndNanos();
      out.add(new Section("codegen", fe, cg));
    }
    if (u.durationNanos() > cg) {
      out.add(new Section("link", cg, u.durationNanos()));
    }
    return out;
  }
}
