package org.cratesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** The sweep charts' data and renderer settings: what a reader can trust in them. */
class SweepChartsTest {
  /** A jobs × strategy sweep where {@code same} equals the baseline {@code none} exactly. */
  private static SweepCharts.Summary sweep(List<String> strategies) {
    List<Map<String, String>> rows = new ArrayList<>();
    int point = 0;
    for (int jobs : new int[] {1, 2, 4, 8, 16}) {
      for (int k = 0; k < strategies.size(); k++) {
        String st = strategies.get(k);
        double wall = (st.equals("same") ? 0 : k) * 0.5 + 4 + 8.0 / Math.min(jobs, 4);
        Map<String, String> r = new LinkedHashMap<>();
        r.put("point", Integer.toString(point++));
        r.put("jobs", Integer.toString(jobs));
        r.put("strategy", st);
        r.put("n", "30");
        r.put("wall_mean_s", Double.toString(wall));
        r.put("wall_ci95_low_s", Double.toString(wall - 0.3));
        r.put("wall_ci95_high_s", Double.toString(wall + 0.3));
        r.put("dependency_bound_mean_s", Double.toString(wall - 1));
        r.put("utilisation_mean", "0.5");
        rows.add(r);
      }
    }
    return new SweepCharts.Summary(List.of("jobs", "strategy"), rows);
  }

  private static float[] dash(XYLineAndShapeRenderer r, int i) {
    return ((BasicStroke) r.getSeriesStroke(i)).getDashArray();
  }

  private static String outline(Shape s) {
    StringBuilder sb = new StringBuilder();
    double[] c = new double[6];
    for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
      sb.append(it.currentSegment(c)).append(Arrays.toString(c));
    }
    return sb.toString();
  }

  @Test
  void wallChart_equalSeriesStayVisible_ciAsWhiskersNotBands() {
    SweepCharts.Summary s = sweep(List.of("none", "a", "b", "same"));
    JFreeChart chart = SweepCharts.wallChart(s, "jobs", true);
    XYPlot plot = chart.getXYPlot();
    assertEquals(4, plot.getDataset().getSeriesCount(), "one series per strategy");
    assertTrue(plot.getRenderer() instanceof XYErrorRenderer, "CI whiskers");
    assertFalse(plot.getRenderer() instanceof DeviationRenderer, "no translucent CI bands");
    XYErrorRenderer r = (XYErrorRenderer) plot.getRenderer();
    assertTrue(r.getDrawYError());
    // drawn first to last: the series equal to the baseline is drawn over it
    assertEquals(SeriesRenderingOrder.FORWARD, plot.getSeriesRenderingOrder());
    Set<String> looks = new HashSet<>();
    Set<String> shapes = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      looks.add(Arrays.toString(dash(r, i)));
      shapes.add(outline(r.getSeriesShape(i)));
      assertFalse(r.getSeriesShapesFilled(i), "hollow markers: one over another stays visible");
      assertTrue(r.getSeriesLinesVisible(i));
    }
    assertEquals(4, looks.size(), "a dash pattern per series");
    assertEquals(4, shapes.size(), "a marker per series");
    assertNotEquals(r.getSeriesPaint(0), r.getSeriesPaint(3));
  }

  @Test
  void seriesStyle_colourDashAndMarkerTriplesDistinctForThirtySeries() {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    Set<String> triples = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      SweepCharts.seriesStyle(r, i, i);
      triples.add(r.getSeriesPaint(i) + Arrays.toString(dash(r, i)) + outline(r.getSeriesShape(i)));
    }
    assertEquals(30, triples.size());
  }

  @Test
  void speedupChart_rangeFromTheData_idealClipped() {
    SweepCharts.Summary s = sweep(List.of("none", "a", "same"));
    JFreeChart chart = SweepCharts.speedupChart(s);
    XYPlot plot = chart.getXYPlot();
    // per strategy its speed-up and its bound, then the ideal line
    assertEquals(2 * 3 + 1, plot.getDataset().getSeriesCount());
    double hi = 0;
    double lo = Double.MAX_VALUE;
    for (int i = 0; i < plot.getDataset().getSeriesCount() - 1; i++) {
      for (int k = 0; k < plot.getDataset().getItemCount(i); k++) {
        hi = Math.max(hi, plot.getDataset().getYValue(i, k));
        lo = Math.min(lo, plot.getDataset().getYValue(i, k));
      }
    }
    ValueAxis y = plot.getRangeAxis();
    assertTrue(y.getUpperBound() >= hi && y.getUpperBound() < hi * 1.2, "top from the data");
    assertTrue(y.getLowerBound() <= lo && y.getLowerBound() > lo * 0.7, "bottom from the data");
    int ideal = plot.getDataset().getSeriesCount() - 1;
    double idealMax = plot.getDataset().getYValue(ideal, plot.getDataset().getItemCount(ideal) - 1);
    assertEquals(16, idealMax, 1e-9);
    assertTrue(y.getUpperBound() < idealMax, "the ideal line is clipped");
    // the legend: one entry per strategy and the ideal (the bounds are named in a subtitle)
    assertEquals(3 + 1, plot.getLegendItems().getItemCount());
    assertEquals(RectangleEdge.BOTTOM, chart.getLegend().getPosition());
  }

  @Test
  void manySeries_legendInAColumnOnTheRight() {
    List<String> many = new ArrayList<>();
    for (int k = 0; k < 9; k++) {
      many.add("s" + k);
    }
    JFreeChart wall = SweepCharts.wallChart(sweep(many), "jobs", true);
    assertEquals(9, wall.getXYPlot().getLegendItems().getItemCount());
    assertEquals(RectangleEdge.RIGHT, wall.getLegend().getPosition());
    JFreeChart few = SweepCharts.wallChart(sweep(List.of("none", "a")), "jobs", true);
    assertEquals(RectangleEdge.BOTTOM, few.getLegend().getPosition());
  }
}
