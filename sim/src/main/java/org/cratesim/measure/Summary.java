package org.cratesim.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cratesim.report.Csv;

/**
 * The medians and spreads of each variant's recorded wall times.
 *
 * @param variant the variant's name
 * @param kind the runs' kind column
 * @param jobs cargo's {@code -j}
 * @param n recorded runs
 * @param minS fastest
 * @param medianS the median (the mean of the two middle runs when n is even)
 * @param maxS slowest
 * @param spread (max − min) / median
 * @param ratio this median / the baseline's median (1 for the baseline)
 * @param described the variant as written ({@link Variant#describe()})
 */
public record Summary(
    String variant,
    String kind,
    int jobs,
    int n,
    double minS,
    double medianS,
    double maxS,
    double spread,
    double ratio,
    String described) {

  /** The header of summary.csv. */
  public static final String HEADER =
      "variant,kind,jobs,n,min_s,median_s,max_s,spread,ratio_to_baseline,variant_spec";

  /** The median of {@code xs} (not empty): the middle one, or the mean of the two middle ones. */
  public static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /**
   * One summary per variant (in the variants' order) of {@code runs}; the first is the baseline.
   */
  public static List<Summary> of(List<Variant> variants, List<RunRecord> runs) {
    List<Summary> out = new ArrayList<>();
    double base = Double.NaN;
    for (Variant v : variants) {
      List<RunRecord> mine = runs.stream().filter(r -> r.variant().equals(v.name())).toList();
      if (mine.isEmpty()) {
        continue;
      }
      double[] xs = mine.stream().mapToDouble(RunRecord::wallS).toArray();
      double med = median(xs);
      double min = Arrays.stream(xs).min().orElseThrow();
      double max = Arrays.stream(xs).max().orElseThrow();
      if (out.isEmpty()) {
        base = med;
      }
      out.add(
          new Summary(
              v.name(),
              mine.get(0).kind(),
              mine.get(0).jobs(),
              xs.length,
              min,
              med,
              max,
              med > 0 ? (max - min) / med : 0,
              base > 0 ? med / base : Double.NaN,
              v.describe()));
    }
    return List.copyOf(out);
  }

  /** summary.csv. */
  public static String csv(List<Summary> ss) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (Summary s : ss) {
      sb.append(
          String.join(
              ",",
              Csv.field(s.variant),
              Csv.field(s.kind),
              Integer.toString(s.jobs),
              Integer.toString(s.n),
              f3(s.minS),
              f3(s.medianS),
              f3(s.maxS),
              String.format(Locale.ROOT, "%.4f", s.spread),
              String.format(Locale.ROOT, "%.4f", s.ratio),
              Csv.field(s.described)));
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String f3(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }
}
