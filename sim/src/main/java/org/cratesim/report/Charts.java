package org.cratesim.report;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Small charts for notebooks and documents. */
public final class Charts {
  private Charts() {}

  /** A line chart: one line per entry, each a list of {x, y} points, in the map's order. */
  public static BufferedImage lines(
      String title,
      String xLabel,
      String yLabel,
      Map<String, double[][]> series,
      int width,
      int height) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (var e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (double[] p : e.getValue()) {
        s.add(p[0], p[1]);
      }
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    SweepCharts.style(chart);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      SweepCharts.seriesStyle(r, i, i);
    }
    plot.setRenderer(r);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    SweepCharts.style(chart);
    return chart.createBufferedImage(width, height);
  }
}
