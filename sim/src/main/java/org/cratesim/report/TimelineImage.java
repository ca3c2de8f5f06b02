package org.cratesim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.ChainLink;
import org.cratesim.cargo.UnitData;

/**
 * A build's timeline as an image (for notebooks and documents): units in lanes as on cargo's page,
 * front end / codegen / link coloured, the critical path outlined, a time axis.
 */
public final class TimelineImage {
  private TimelineImage() {}

  private static final Map<String, Color> COLOURS =
      Map.of(
          "frontend",
          new Color(0x95cce8),
          "codegen",
          new Color(0xaa95e8),
          "link",
          new Color(0x95e8aa),
          "run",
          new Color(0xf0b165));
  private static final int LANE_H = 22;
  private static final int LEFT = 60;
  private static final int TOP = 30;

  /** The timeline of {@code r}, {@code width} pixels wide. */
  public static BufferedImage render(String title, BuildResult r, int width) {
    int[] lane = HtmlReport.lanes(r);
    int lanes = 0;
    for (int l : lane) {
      lanes = Math.max(lanes, l + 1);
    }
    int height = TOP + Math.max(1, lanes) * LANE_H + 40;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(
        title + String.format(Locale.ROOT, " — %.2f s at -j%d", r.wallNanos() / 1e9, r.jobs()),
        8,
        18);
    double span = Math.max(1, r.wallNanos());
    int plotW = width - LEFT - 20;
    Set<Integer> crit = new HashSet<>();
    for (ChainLink l : r.criticalChain()) {
      if (l.unit() >= 0) {
        crit.add(l.unit());
      }
    }
    // time axis with about 8 ticks
    double step = niceStep(span / 1e9 / 8);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    int axisY = TOP + Math.max(1, lanes) * LANE_H + 4;
    for (double t = 0; t <= span / 1e9 + 1e-9; t += step) {
      int x = LEFT + (int) Math.round(t * 1e9 / span * plotW);
      g.setColor(new Color(0xe6e6e6));
      g.drawLine(x, TOP, x, axisY);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, step < 1 ? "%.1fs" : "%.0fs", t), x - 8, axisY + 14);
    }
    for (int l = 0; l < lanes; l++) {
      g.setColor(Color.DARK_GRAY);
      g.drawString("lane " + (l + 1), 8, TOP + l * LANE_H + 15);
    }
    for (int i = 0; i < r.units().size(); i++) {
      if (lane[i] < 0) {
        continue;
      }
      UnitData u = r.units().get(i);
      int y = TOP + lane[i] * LANE_H + 2;
      int h = LANE_H - 4;
      int x0 = LEFT + (int) Math.round(u.startNanos() / span * plotW);
      int x1 = LEFT + (int) Math.round(u.endNanos() / span * plotW);
      for (Section s : Section.of(u)) {
        int sx = LEFT + (int) Math.round((u.startNanos() + s.startNanos()) / span * plotW);
        int ex = LEFT + (int) Math.round((u.startNanos() + s.endNanos()) / span * plotW);
        g.setColor(COLOURS.getOrDefault(s.name(), Color.LIGHT_GRAY));
        g.fillRect(sx, y, Math.max(1, ex - sx), h);
      }
      boolean c = crit.contains(i);
      g.setColor(c ? Color.BLACK : new Color(0x5d7d8f));
      g.setStroke(new BasicStroke(c ? 2f : 0.6f));
      g.drawRect(x0, y, Math.max(1, x1 - x0), h);
      Shape clip = g.getClip();
      g.clipRect(x0 + 2, y, Math.max(0, x1 - x0 - 3), h);
      g.setColor(Color.BLACK);
      g.drawString(u.unit().label(), x0 + 3, y + 13);
      g.setClip(clip);
    }
    g.dispose();
    return img;
  }

  private static double niceStep(double raw) {
    double[] steps = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    for (double s : steps) {
      if (s >= raw) {
        return s;
      }
    }
    return 2000;
  }
}
