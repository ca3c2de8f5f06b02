package org.cratesim.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The order of the runs: the unrecorded preparation first (for incremental kinds one full build of
 * each variant into its own target directory; for the variants named by {@code --warm} one warm-up
 * run, e.g. to fill sccache's cache), then the recorded runs interleaved, repetition by repetition,
 * A B A B …, so that a machine's drift hits every variant alike.
 */
public final class Plan {
  private Plan() {}

  /** Why a run is made. */
  public enum Purpose {
    /** The full build an incremental kind's edits start from (not recorded). */
    PRIME,
    /** One run to fill a cache (not recorded). */
    WARM_UP,
    /** A measured run. */
    RECORDED
  }

  /**
   * One run.
   *
   * @param variant what it runs
   * @param rep the repetition, 1..N for recorded runs, 0 otherwise
   * @param purpose why
   */
  public record Step(Variant variant, int rep, Purpose purpose) {
    /** The file name stem of the run's page and log: {@code <variant>-r<N>}, or -prime, -warm. */
    public String stem() {
      return switch (purpose) {
        case PRIME -> variant.name() + "-prime";
        case WARM_UP -> variant.name() + "-warm";
        case RECORDED -> variant.name() + "-r" + rep;
      };
    }
  }

  /** The runs for {@code variants} (the first the baseline), {@code reps} repetitions each. */
  public static List<Step> of(List<Variant> variants, int reps, BuildKind kind, Set<String> warm) {
    List<Step> out = new ArrayList<>();
    for (Variant v : variants) {
      if (kind.incremental()) {
        out.add(new Step(v, 0, Purpose.PRIME));
      } else if (warm.contains(v.name())) {
        out.add(new Step(v, 0, Purpose.WARM_UP));
      }
    }
    for (int r = 1; r <= reps; r++) {
      for (Variant v : variants) {
        out.add(new Step(v, r, Purpose.RECORDED));
      }
    }
    return List.copyOf(out);
  }
}
