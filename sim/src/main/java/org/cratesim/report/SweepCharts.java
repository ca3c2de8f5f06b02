package org.cratesim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts of a sweep's {@code summary.csv}: wall time against the first varied parameter, one line
 * per combination of the others, with the 95 % confidence band; and, when {@code jobs} is varied,
 * the speed-up against jobs with the ideal line and the dependency bound. Each as PNG and SVG, plus
 * a Markdown table.
 *
 * <p>So that a reader can trust them: every series has its own colour, dash pattern and (hollow)
 * marker, drawn first to last, so a series equal to another (a strategy that changes nothing) still
 * shows as a dashed line and a second marker over the first; the 95 % confidence intervals are
 * whiskers in the series' colour, not translucent bands, so two overlapping intervals never blend
 * into a colour of a third series; the speed-up axis is scaled to the measured series and the
 * dependency bounds (the ideal line is clipped at the top, not driving the range); the legend lists
 * one entry per series (the bounds share their series' colour and are named once in a subtitle) and
 * moves to the right side in a column when there are many.
 */
public final class SweepCharts {
  private SweepCharts() {}

  /** summary.csv as rows of named fields. */
  public record Summary(List<String> params, List<Map<String, String>> rows) {}

  public static Summary read(Path summaryCsv) throws IOException {
    List<String> lines = Files.readAllLines(summaryCsv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(summaryCsv + ": empty");
    }
    List<String> cols = csv(lines.get(0));
    int n = cols.indexOf("n");
    if (n < 1 || !cols.get(0).equals("point") || !cols.contains("wall_mean_s")) {
      throw new IOException(summaryCsv + ": not a cratesim summary.csv");
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> f = csv(lines.get(i));
      if (f.size() != cols.size()) {
        throw new IOException(
            summaryCsv
                + ":"
                + (i + 1)
                + ": expected "
                + cols.size()
                + " fields, found "
                + f.size());
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int c = 0; c < cols.size(); c++) {
        m.put(cols.get(c), f.get(c));
      }
      rows.add(m);
    }
    return new Summary(cols.subList(1, n), rows);
  }

  /** Writes the charts and summary.md into {@code dir}; returns the files written. */
  public static List<Path> write(Summary s, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (s.params().isEmpty()) {
      out.add(markdown(s, dir));
      return out;
    }
    String x = s.params().get(0);
    boolean numeric = s.rows().stream().allMatch(r -> isNumber(r.get(x)));
    JFreeChart wall = wallChart(s, x, numeric);
    out.addAll(save(wall, dir, "wall"));
    if (s.params().contains("jobs")) {
      out.addAll(save(speedupChart(s), dir, "speedup"));
    }
    out.add(markdown(s, dir));
    return out;
  }

  private static String seriesKey(Summary s, Map<String, String> row, String except) {
    StringBuilder sb = new StringBuilder();
    for (String p : s.params()) {
      if (!p.equals(except)) {
        sb.append(sb.length() == 0 ? "" : " ").append(p).append('=').append(row.get(p));
      }
    }
    return sb.length() == 0 ? "wall time" : sb.toString();
  }

  /** The wall-time chart against the first varied parameter {@code x}. */
  static JFreeChart wallChart(Summary s, String x, boolean numeric) {
    Map<String, YIntervalSeries> series = new LinkedHashMap<>();
    List<String> categories = new ArrayList<>();
    for (Map<String, String> r : s.rows()) {
      if (!categories.contains(r.get(x))) {
        categories.add(r.get(x));
      }
    }
    for (Map<String, String> r : s.rows()) {
      String key = seriesKey(s, r, x);
      YIntervalSeries ys = series.computeIfAbsent(key, YIntervalSeries::new);
      double xv = numeric ? Double.parseDouble(r.get(x)) : categories.indexOf(r.get(x));
      double mean = Double.parseDouble(r.get("wall_mean_s"));
      double lo =
          r.get("wall_ci95_low_s").isEmpty() ? mean : Double.parseDouble(r.get("wall_ci95_low_s"));
      double hi =
          r.get("wall_ci95_high_s").isEmpty()
              ? mean
              : Double.parseDouble(r.get("wall_ci95_high_s"));
      ys.add(xv, mean, lo, hi);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    series.values().forEach(data::addSeries);
    String xLabel = numeric ? x : x + " (" + String.join(", ", categories) + ")";
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Wall time (mean, 95 % CI)",
            xLabel, "seconds", data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    // the CI as whiskers in the series' colour: nothing translucent to blend
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(false);
    r.setDrawYError(true);
    r.setCapLength(8);
    r.setErrorStroke(new BasicStroke(1.2f));
    for (int i = 0; i < series.size(); i++) {
      seriesStyle(r, i, i);
    }
    plot.setRenderer(r);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    chart.addSubtitle(
        new TextTitle(
            "whiskers: 95 % confidence interval of the mean; equal series overlap, "
                + "each keeps its dash and marker",
            new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
    if (numeric && x.equals("jobs") || numeric && logScale(s, x)) {
      LogAxis axis = new LogAxis(x);
      axis.setBase(2);
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      axis.setNumberFormatOverride(new java.text.DecimalFormat("0"));
      plot.setDomainAxis(axis);
    } else if (!numeric) {
      ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    style(chart);
    return chart;
  }

  private static boolean logScale(Summary s, String x) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Map<String, String> r : s.rows()) {
      double v = Double.parseDouble(r.get(x));
      if (v <= 0) {
        return false;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max / min >= 16;
  }

  /** The speed-up against jobs, each series over its own fewest jobs. */
  static JFreeChart speedupChart(Summary s) {
    Map<String, List<double[]>> byKey = new LinkedHashMap<>();
    for (Map<String, String> r : s.rows()) {
      byKey
          .computeIfAbsent(seriesKey(s, r, "jobs"), k -> new ArrayList<>())
          .add(
              new double[] {
                Double.parseDouble(r.get("jobs")),
                Double.parseDouble(r.get("wall_mean_s")),
                Double.parseDouble(r.get("dependency_bound_mean_s"))
              });
    }
    XYSeriesCollection data = new XYSeriesCollection();
    double maxJobs = 1;
    double minJobs = Double.MAX_VALUE;
    for (var e : byKey.entrySet()) {
      List<double[]> pts = e.getValue();
      pts.sort((a, b) -> Double.compare(a[0], b[0]));
      double base = pts.get(0)[1];
      XYSeries ser = new XYSeries(e.getKey());
      XYSeries bound = new XYSeries(e.getKey() + ": dependency bound");
      for (double[] p : pts) {
        ser.add(p[0], base / p[1]);
        bound.add(p[0], base / p[2]);
        maxJobs = Math.max(maxJobs, p[0]);
        minJobs = Math.min(minJobs, p[0]);
      }
      data.addSeries(ser);
      data.addSeries(bound);
    }
    XYSeries ideal = new XYSeries("ideal (jobs / " + fmt(minJobs) + ")");
    for (double j = minJobs; j <= maxJobs * 1.0001; j *= 2) {
      ideal.add(j, j / minJobs);
    }
    data.addSeries(ideal);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Speed-up against jobs",
            "jobs",
            "speed-up over the fewest jobs",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    int n = data.getSeriesCount();
    double lo = 1;
    double hi = 1;
    for (int i = 0; i < n - 1; i++) {
      if (i % 2 == 0) {
        seriesStyle(r, i, i / 2);
      } else {
        // the bound: thin (1 px), finely dotted, its series' colour, no marker, not in the legend
        r.setSeriesPaint(i, palette(i / 2));
        r.setSeriesStroke(
            i,
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {1f, 3f}, 0f));
        r.setSeriesShapesVisible(i, false);
        r.setSeriesVisibleInLegend(i, false);
      }
      XYSeries ser = data.getSeries(i);
      lo = Math.min(lo, ser.getMinY());
      hi = Math.max(hi, ser.getMaxY());
    }
    r.setSeriesPaint(n - 1, Color.GRAY);
    r.setSeriesStroke(n - 1, new BasicStroke(1f));
    r.setSeriesShapesVisible(n - 1, false);
    plot.setRenderer(r);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    // scaled to the series and their bounds: the ideal line is clipped, not driving the range
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setAutoRange(false);
    double pad = Math.max(0.05, (hi - lo) * 0.08);
    range.setRange(Math.max(0, lo - pad), hi + pad);
    chart.addSubtitle(
        new TextTitle(
            "thin dotted, in each series' colour: its dependency bound; grey: ideal (clipped)",
            new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
    LogAxis axis = new LogAxis("jobs");
    axis.setBase(2);
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    axis.setNumberFormatOverride(new java.text.DecimalFormat("0"));
    plot.setDomainAxis(axis);
    style(chart);
    return chart;
  }

  /**
   * White background, light grid, and a legend that stays readable: at the bottom for a few
   * entries, in a column on the right for more than {@value #LEGEND_BOTTOM_MAX}.
   */
  static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      if (plot.getLegendItems().getItemCount() > LEGEND_BOTTOM_MAX) {
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setVerticalAlignment(VerticalAlignment.TOP);
      }
    }
  }

  /** More legend entries than this go in a column on the right. */
  static final int LEGEND_BOTTOM_MAX = 5;

  /** Dash patterns (null: solid), one per series in turn. */
  private static final float[][] DASHES = {
    null, {9f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, {5f, 5f}, {14f, 4f, 4f, 4f}
  };

  /** Marker shapes: JFreeChart's ten standard ones (square, circle, triangles, diamond, ...). */
  private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();

  /**
   * Series {@code i} of {@code r} in the {@code k}-th look: colour, dash and hollow marker all
   * change with {@code k} (colours repeat after 10, dashes after 6, markers after 10: the triple
   * repeats only after 30 series).
   */
  static void seriesStyle(XYLineAndShapeRenderer r, int i, int k) {
    r.setSeriesPaint(i, palette(k));
    float[] dash = DASHES[k % DASHES.length];
    r.setSeriesStroke(
        i,
        dash == null
            ? new BasicStroke(2f)
            : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, dash, 0f));
    r.setSeriesShape(i, SHAPES[k % SHAPES.length]);
    r.setSeriesLinesVisible(i, true);
    r.setSeriesShapesVisible(i, true);
    r.setSeriesShapesFilled(i, false);
    r.setUseOutlinePaint(false);
  }

  private static Color palette(int i) {
    Color[] p = {
      new Color(0x1f77b4),
      new Color(0xff7f0e),
      new Color(0x2ca02c),
      new Color(0xd62728),
      new Color(0x9467bd),
      new Color(0x8c564b),
      new Color(0xe377c2),
      new Color(0x7f7f7f),
      new Color(0xbcbd22),
      new Color(0x17becf)
    };
    return p[i % p.length];
  }

  private static List<Path> save(JFreeChart chart, Path dir, String name) throws IOException {
    Path png = dir.resolve(name + ".png");
    ImageIO.write(chart.createBufferedImage(900, 560), "png", png.toFile());
    SVGGraphics2D g = new SVGGraphics2D(900, 560);
    chart.draw(g, new java.awt.Rectangle(0, 0, 900, 560));
    Path svg = dir.resolve(name + ".svg");
    Files.writeString(svg, g.getSVGDocument(), StandardCharsets.UTF_8);
    return List.of(png, svg);
  }

  private static Path markdown(Summary s, Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("| ");
    s.params().forEach(p -> sb.append(p).append(" | "));
    sb.append("n | wall mean (s) | 95 % CI (s) | dependency bound (s) | utilisation |\n|");
    s.params().forEach(p -> sb.append("---|"));
    sb.append("---:|---:|---|---:|---:|\n");
    for (Map<String, String> r : s.rows()) {
      sb.append("| ");
      s.params().forEach(p -> sb.append(r.get(p).replace("|", "\\|")).append(" | "));
      String lo = r.get("wall_ci95_low_s");
      sb.append(r.get("n"))
          .append(" | ")
          .append(fmt3(r.get("wall_mean_s")))
          .append(" | ")
          .append(
              lo.isEmpty() ? "-" : "[" + fmt3(lo) + ", " + fmt3(r.get("wall_ci95_high_s")) + "]")
          .append(" | ")
          .append(fmt3(r.get("dependency_bound_mean_s")))
          .append(" | ")
          .append(
              String.format(
                  Locale.ROOT, "%.0f %%", 100 * Double.parseDouble(r.get("utilisation_mean"))))
          .append(" |\n");
    }
    Path md = dir.resolve("summary.md");
    Files.writeString(md, sb, StandardCharsets.UTF_8);
    return md;
  }

  private static String fmt3(String v) {
    return String.format(Locale.ROOT, "%.3f", Double.parseDouble(v));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static boolean isNumber(String v) {
    try {
      Double.parseDouble(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A CSV line's fields (quoted fields allowed). */
  private static List<String> csv(String line) throws IOException {
    List<String> f = Csv.split(line);
    if (f == null) {
      throw new IOException("unbalanced quotes in: " + line);
    }
    return f;
  }
}
