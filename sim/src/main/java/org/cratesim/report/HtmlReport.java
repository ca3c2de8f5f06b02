package org.cratesim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.ChainLink;
import org.cratesim.cargo.ConcurrencySample;
import org.cratesim.cargo.UnitData;
import org.cratesim.model.Scenario;

/**
 * One simulated build as a self-contained HTML page in the spirit of cargo's {@code --timings}
 * report: a summary, a timeline of the units packed into lanes (split into cargo's sections, the
 * simulated critical path outlined), the concurrency graph, the critical path explained and the
 * unit table. Inline CSS and inline SVG only: no script, no network, no fonts; a
 * Content-Security-Policy forbids anything else. Every piece of text is HTML-escaped (crate names
 * come from imported pages). The same build always gives the same bytes.
 */
public final class HtmlReport {
  /** cargo's colours: front end light blue, codegen orange, link purple; build-script run green. */
  private static final Map<String, String> SECTION_COLOURS =
      Map.of(
          "frontend", "#95cce8",
          "codegen", "#f0a060",
          "link", "#aa95e8",
          "run", "#a3d39c");

  private static final String[] SECTION_ORDER = {"frontend", "codegen", "link", "run"};

  private static final String ACTIVE = "#2ca02c";
  private static final String WAITING = "#d62728";
  private static final String INACTIVE = "#1f77b4";
  private static final String THREADS = "#f0a060";

  private static final int LEFT = 64;
  private static final int RIGHT = 24;
  private static final int PLOT_W = 1100;
  private static final int LANE_H = 24;
  private static final int BAR_H = 20;
  private static final int CONC_H = 220;

  private static final String CSS =
      String.join(
          "\n",
          "body{font-family:sans-serif;margin:16px 24px;color:#222;background:#fff}",
          "h1{font-size:1.5em;margin:0 0 .5em}",
          "h2{font-size:1.2em;margin:1.4em 0 .5em}",
          "table{border-collapse:collapse;font-size:.9em}",
          "th,td{border:1px solid #ccc;padding:2px 8px;text-align:left}",
          "th{background:#f0f0f0}",
          "td.num{text-align:right;font-variant-numeric:tabular-nums}",
          "table.summary th{background:#f7f7f7;font-weight:normal}",
          "tr.crit td{font-weight:bold}",
          ".graph{overflow-x:auto}",
          "svg{font-family:sans-serif;font-size:11px}",
          ".legend{margin:.3em 0;font-size:.9em}",
          ".swatch{display:inline-block;width:1em;height:.8em;border:1px solid #888;"
              + "vertical-align:middle;margin:0 .3em 0 1em}",
          ".swatch.crit{border:2px solid #111}",
          ".note{color:#555;font-size:.9em}");

  private HtmlReport() {}

  /** The page for one simulated build of {@code sc}. */
  public static String render(Scenario sc, BuildResult r) {
    StringBuilder sb = new StringBuilder(16384);
    head(sb, "cratesim: " + sc.name());
    sb.append("<h1>").append(esc("cratesim: " + sc.name())).append("</h1>\n");
    build(sb, sc, r);
    return foot(sb);
  }

  /** One build on a page of several, under its own heading. */
  public record Titled(String heading, Scenario scenario, BuildResult result) {}

  /** One page holding several builds, each under its heading (e.g. a baseline and a change). */
  public static String renderMany(String title, List<Titled> builds) {
    StringBuilder sb = new StringBuilder(32768);
    head(sb, title);
    sb.append("<h1>").append(esc(title)).append("</h1>\n");
    for (int k = 0; k < builds.size(); k++) {
      Titled t = builds.get(k);
      sb.append("<h2>").append(esc(t.heading())).append("</h2>\n");
      StringBuilder one = new StringBuilder(16384);
      build(one, t.scenario(), t.result());
      // element ids stay unique on the page: the k-th build's bars and rows are b{k}-...
      String pre = "b" + k + "-";
      sb.append(
          one.toString()
              .replace("id=\"bar-", "id=\"" + pre + "bar-")
              .replace("id=\"unit-", "id=\"" + pre + "unit-")
              .replace("href=\"#unit-", "href=\"#" + pre + "unit-"));
    }
    return foot(sb);
  }

  private static void head(StringBuilder sb, String title) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:;\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>").append(esc(title)).append("</title>\n");
    sb.append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
  }

  private static void build(StringBuilder sb, Scenario sc, BuildResult r) {
    Set<Integer> critical = new HashSet<>();
    for (ChainLink l : r.criticalChain()) {
      if (l.unit() >= 0) {
        critical.add(l.unit());
      }
    }
    long span = timeSpan(r);
    summary(sb, sc, r);
    timeline(sb, r, critical, span);
    concurrency(sb, r, span);
    criticalPath(sb, r);
    unitTable(sb, r, critical);
  }

  private static String foot(StringBuilder sb) {
    sb.append("<p class=\"note\">")
        .append(
            esc(
                "Simulated by cratesim; times in seconds since "
                    + "cargo started. The same scenario always gives the same page."))
        .append("</p>\n");
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  // ---------------------------------------------------------------- summary

  private static void summary(StringBuilder sb, Scenario sc, BuildResult r) {
    sb.append("<table class=\"summary\">\n");
    row(sb, "Scenario", sc.name());
    row(sb, "Mode", r.mode().id());
    row(sb, "Build kind", sc.rebuild().kind().id());
    row(sb, "Jobs (-j)", Integer.toString(r.jobs()));
    row(sb, "Wall time", Seconds.format(r.wallNanos()) + " s");
    row(sb, "Dependency bound (unlimited tokens)", Seconds.format(r.dependencyBoundNanos()) + " s");
    row(sb, "Start-up + work / jobs bound", Seconds.format(r.workBoundNanos()) + " s");
    row(sb, "Total work", Seconds.format(r.workNanos()) + " s of single-threaded work");
    row(sb, "Start-up", Seconds.format(r.startupNanos()) + " s");
    row(
        sb,
        "Utilisation",
        String.format(
            Locale.ROOT,
            "%.1f %% of %d threads (at most %d busy)",
            100 * r.utilisation(),
            r.jobs(),
            r.maxThreads()));
    long worked = r.units().stream().filter(u -> u.durationNanos() > 0).count();
    row(
        sb,
        "Units",
        r.units().size()
            + " ("
            + TextReport.kinds(r)
            + "); "
            + worked
            + " did work, "
            + (r.units().size() - worked)
            + " fresh");
    sb.append("</table>\n");
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append("<tr><th>")
        .append(esc(key))
        .append("</th><td>")
        .append(esc(value))
        .append("</td></tr>\n");
  }

  // ---------------------------------------------------------------- timeline

  /**
   * Greedy lane packing as cargo's page does it: units by start time, each into the first lane that
   * is free at its start. Units that did no work (fresh) get no lane (-1).
   */
  public static int[] lanes(BuildResult r) {
    int[] lane = new int[r.units().size()];
    java.util.Arrays.fill(lane, -1);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < lane.length; i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingLong((Integer i) -> r.units().get(i).startNanos())
            .thenComparingInt(i -> i));
    List<Long> laneEnd = new ArrayList<>();
    for (int i : order) {
      UnitData u = r.units().get(i);
      if (u.durationNanos() <= 0) {
        continue;
      }
      int l = 0;
      while (l < laneEnd.size() && laneEnd.get(l) > u.startNanos()) {
        l++;
      }
      if (l == laneEnd.size()) {
        laneEnd.add(u.endNanos());
      } else {
        laneEnd.set(l, u.endNanos());
      }
      lane[i] = l;
    }
    return lane;
  }

  private static void timeline(StringBuilder sb, BuildResult r, Set<Integer> critical, long span) {
    sb.append("<h2>Timeline</h2>\n");
    sb.append("<div class=\"legend\">");
    for (String s : SECTION_ORDER) {
      sb.append("<span class=\"swatch\" style=\"background:")
          .append(SECTION_COLOURS.get(s))
          .append("\"></span>")
          .append(esc(sectionLabel(s)));
    }
    sb.append("<span class=\"swatch crit\" style=\"background:#fff\"></span>")
        .append(
            esc(
                "on the simulated critical path (dark bar at the bottom: the part on the "
                    + "path)"));
    sb.append("</div>\n");
    int[] lane = lanes(r);
    int lanes = 0;
    for (int l : lane) {
      lanes = Math.max(lanes, l + 1);
    }
    int top = 8;
    int plotH = Math.max(1, lanes) * LANE_H;
    int axisY = top + plotH;
    int height = axisY + 28;
    int width = LEFT + PLOT_W + RIGHT;
    sb.append(
        String.format(
            Locale.ROOT,
            "<div class=\"graph\"><svg class=\"timeline\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
            width,
            height,
            width,
            height,
            esc("timeline of " + lanes + " lanes")));
    timeAxis(sb, span, top, axisY);
    for (int l = 0; l < lanes; l++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">%s</text>\n",
              LEFT - 6,
              top + l * LANE_H + 15,
              esc("lane " + (l + 1))));
    }
    if (lanes == 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>\n",
              LEFT + 6,
              top + 15,
              esc("no unit did any work (everything fresh)")));
    }
    Map<Integer, List<ChainLink>> links = new HashMap<>();
    for (ChainLink c : r.criticalChain()) {
      if (c.unit() >= 0) {
        links.computeIfAbsent(c.unit(), k -> new ArrayList<>()).add(c);
      }
    }
    for (int i = 0; i < r.units().size(); i++) {
      if (lane[i] >= 0) {
        bar(
            sb,
            r,
            r.units().get(i),
            lane[i],
            top,
            span,
            critical.contains(i),
            links.getOrDefault(i, List.of()));
      }
    }
    sb.append("</svg></div>\n");
  }

  private static void bar(
      StringBuilder sb,
      BuildResult r,
      UnitData u,
      int lane,
      int top,
      long span,
      boolean crit,
      List<ChainLink> links) {
    double x0 = x(u.startNanos(), span);
    double w = Math.max(1.0, x(u.endNanos(), span) - x0);
    int y = top + lane * LANE_H + (LANE_H - BAR_H) / 2;
    int i = u.unit().index();
    sb.append("<g class=\"unit")
        .append(crit ? " crit" : "")
        .append("\" id=\"bar-")
        .append(i)
        .append("\">");
    sb.append("<title>").append(esc(tooltip(u, crit, links))).append("</title>");
    List<Section> sections = Section.of(u);
    for (Section s : sections) {
      if (s.endNanos() <= s.startNanos()) {
        continue;
      }
      double sx = x(u.startNanos() + s.startNanos(), span);
      double sw = x(u.startNanos() + s.endNanos(), span) - sx;
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>",
              esc(s.name()),
              sx,
              y,
              Math.max(sw, 0.5),
              BAR_H,
              SECTION_COLOURS.getOrDefault(s.name(), "#cccccc")));
    }
    if (u.rmetaNanos() >= 0 && u.rmetaNanos() < u.durationNanos()) {
      double rx = x(u.startNanos() + u.rmetaNanos(), span);
      sb.append(
          String.format(
              Locale.ROOT,
              "<line class=\"rmeta\" x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#335\" "
                  + "stroke-width=\"1\" stroke-dasharray=\"2,2\"/>",
              rx,
              y,
              rx,
              y + BAR_H));
    }
    for (ChainLink c : links) {
      if (c.toNanos() > c.fromNanos()) {
        double cx = x(c.fromNanos(), span);
        double cw = Math.max(1.0, x(c.toNanos(), span) - cx);
        sb.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"crit-seg\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"4\" "
                    + "fill=\"#111\"/>",
                cx,
                y + BAR_H - 4,
                cw));
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"outline\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"none\" "
                + "stroke=\"%s\" stroke-width=\"%s\"/>",
            x0,
            y,
            w,
            BAR_H,
            crit ? "#111" : "#5d7d8f",
            crit ? "2" : "0.6"));
    // a nested svg clips the label to the bar; the title has the full text
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\"><text x=\"3\" y=\"13\" "
                + "fill=\"#111\">%s</text></svg>",
            x0,
            y,
            w,
            BAR_H,
            esc(u.unit().label())));
    sb.append("</g>\n");
  }

  private static String tooltip(UnitData u, boolean crit, List<ChainLink> links) {
    StringBuilder t = new StringBuilder();
    t.append(u.unit().label())
        .append(" v")
        .append(u.unit().version())
        .append(" (i ")
        .append(u.unit().index())
        .append(", ")
        .append(u.unit().mode().id())
        .append(")\n");
    t.append("start ")
        .append(Seconds.format(u.startNanos()))
        .append(" s, end ")
        .append(Seconds.format(u.endNanos()))
        .append(" s, duration ")
        .append(Seconds.format(u.durationNanos()))
        .append(" s\n");
    t.append("ready ").append(Seconds.format(u.readyNanos())).append(" s\n");
    for (Section s : Section.of(u)) {
      t.append(sectionLabel(s.name()))
          .append(' ')
          .append(Seconds.format(u.startNanos() + s.startNanos()))
          .append("\u2013")
          .append(Seconds.format(u.startNanos() + s.endNanos()))
          .append(" s (")
          .append(Seconds.format(s.endNanos() - s.startNanos()))
          .append(" s)\n");
    }
    if (u.rmetaNanos() >= 0) {
      t.append(".rmeta at ").append(Seconds.format(u.startNanos() + u.rmetaNanos())).append(" s\n");
    }
    if (crit) {
      for (ChainLink c : links) {
        t.append("on the critical path ")
            .append(Seconds.format(c.fromNanos()))
            .append("\u2013")
            .append(Seconds.format(c.toNanos()))
            .append(" s\n");
      }
    }
    return t.toString().stripTrailing();
  }

  private static String sectionLabel(String s) {
    switch (s) {
      case "frontend":
        return "front end";
      case "run":
        return "build-script run";
      default:
        return s;
    }
  }

  // ---------------------------------------------------------------- concurrency

  private static void concurrency(StringBuilder sb, BuildResult r, long span) {
    sb.append("<h2>Concurrency</h2>\n");
    sb.append("<div class=\"legend\">")
        .append(
            esc(
                "Units active (running), waiting (ready, no jobserver token), inactive "
                    + "(waiting for dependencies), and threads busy (rustc's codegen workers "
                    + "included, which cargo's own chart cannot show)."))
        .append("</div>\n");
    List<ConcurrencySample> cs = r.concurrency();
    int yMax = r.jobs();
    for (ConcurrencySample c : cs) {
      yMax =
          Math.max(
              yMax,
              Math.max(Math.max(c.active(), c.waiting()), Math.max(c.inactive(), c.threads())));
    }
    yMax = Math.max(1, yMax) + 1; // headroom above the highest line
    int top = 30;
    int axisY = top + CONC_H;
    int height = axisY + 28;
    int width = LEFT + PLOT_W + RIGHT;
    sb.append(
        String.format(
            Locale.ROOT,
            "<div class=\"graph\"><svg class=\"concurrency\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
            width,
            height,
            width,
            height,
            esc("concurrency over time")));
    timeAxis(sb, span, top, axisY);
    int yStep = niceIntStep(yMax);
    for (int v = 0; v <= yMax; v += yStep) {
      double y = yOf(v, yMax, top);
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#eee\"/>"
                  + "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\" fill=\"#555\">%d</text>\n",
              LEFT,
              y,
              LEFT + PLOT_W,
              y,
              LEFT - 6,
              y + 4,
              v));
    }
    double jy = yOf(r.jobs(), yMax, top);
    sb.append(
        String.format(
            Locale.ROOT,
            "<line class=\"jobs\" x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#888\" "
                + "stroke-dasharray=\"6,4\"/><text x=\"%d\" y=\"%.2f\" text-anchor=\"end\" "
                + "fill=\"#555\">%s</text>\n",
            LEFT,
            jy,
            LEFT + PLOT_W,
            jy,
            LEFT + PLOT_W,
            jy - 3,
            esc("-j" + r.jobs())));
    if (!cs.isEmpty()) {
      // threads as a filled area (like cargo's CPU usage), units as step lines
      String threads = stepPath(cs, ConcurrencySample::threads, span, yMax, top);
      sb.append(
          String.format(
              Locale.ROOT,
              "<path class=\"threads\" d=\"%s V %.2f H %.2f Z\" fill=\"%s\" fill-opacity=\"0.3\" "
                  + "stroke=\"%s\" stroke-width=\"1\"><title>%s</title></path>\n",
              threads,
              yOf(0, yMax, top),
              x(cs.get(0).tNanos(), span),
              THREADS,
              THREADS,
              esc("threads busy")));
      series(sb, cs, ConcurrencySample::inactive, span, yMax, top, INACTIVE, "inactive");
      series(sb, cs, ConcurrencySample::waiting, span, yMax, top, WAITING, "waiting");
      series(sb, cs, ConcurrencySample::active, span, yMax, top, ACTIVE, "active");
    }
    // legend inside the graph
    String[][] items = {
      {ACTIVE, "active"}, {WAITING, "waiting"}, {INACTIVE, "inactive"}, {THREADS, "threads busy"}
    };
    int lx = LEFT + 8;
    for (String[] it : items) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"14\" stroke=\"%s\" stroke-width=\"%d\"/>"
                  + "<text x=\"%d\" y=\"18\" fill=\"#222\">%s</text>\n",
              lx,
              lx + 18,
              it[0],
              it[1].startsWith("threads") ? 6 : 2,
              lx + 22,
              esc(it[1])));
      lx += 40 + 7 * it[1].length();
    }
    sb.append("</svg></div>\n");
  }

  private static void series(
      StringBuilder sb,
      List<ConcurrencySample> cs,
      java.util.function.ToIntFunction<ConcurrencySample> f,
      long span,
      int yMax,
      int top,
      String colour,
      String name) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<path class=\"%s\" d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\">"
                + "<title>%s</title></path>\n",
            esc(name),
            stepPath(cs, f, span, yMax, top),
            colour,
            esc(name)));
  }

  private static String stepPath(
      List<ConcurrencySample> cs,
      java.util.function.ToIntFunction<ConcurrencySample> f,
      long span,
      int yMax,
      int top) {
    StringBuilder p = new StringBuilder();
    ConcurrencySample first = cs.get(0);
    p.append(
        String.format(
            Locale.ROOT,
            "M %.2f %.2f",
            x(first.tNanos(), span),
            yOf(f.applyAsInt(first), yMax, top)));
    for (int k = 1; k < cs.size(); k++) {
      ConcurrencySample c = cs.get(k);
      p.append(
          String.format(
              Locale.ROOT, " H %.2f V %.2f", x(c.tNanos(), span), yOf(f.applyAsInt(c), yMax, top)));
    }
    p.append(String.format(Locale.ROOT, " H %.2f", x(span, span)));
    return p.toString();
  }

  private static double yOf(int v, int yMax, int top) {
    return top + CONC_H - (double) v * CONC_H / yMax;
  }

  private static int niceIntStep(int max) {
    int[] mults = {1, 2, 5};
    for (int base = 1; ; base *= 10) {
      for (int m : mults) {
        if (max / (base * m) <= 10) {
          return base * m;
        }
      }
    }
  }

  // ---------------------------------------------------------------- time axis

  /** Last instant shown: the end of the build (at least 1 ns). */
  private static long timeSpan(BuildResult r) {
    long t = r.wallNanos();
    for (UnitData u : r.units()) {
      t = Math.max(t, u.endNanos());
    }
    for (ConcurrencySample c : r.concurrency()) {
      t = Math.max(t, c.tNanos());
    }
    return Math.max(1, t);
  }

  private static double x(long nanos, long span) {
    return LEFT + (double) nanos * PLOT_W / span;
  }

  private static void timeAxis(StringBuilder sb, long span, int top, int axisY) {
    double raw = span / 1e9 / 10;
    double exp = StrictMath.floor(StrictMath.log10(raw));
    double base = StrictMath.pow(10, exp);
    double f = raw / base;
    double mult = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    long step = Math.max(1, Math.round(mult * base * 1e9));
    int decimals =
        (int) Math.max(0, Math.min(9, -StrictMath.floor(StrictMath.log10(step / 1e9) + 1e-9)));
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n",
            LEFT,
            axisY,
            LEFT + PLOT_W,
            axisY));
    for (long t = 0; t <= span; t += step) {
      double tx = x(t, span);
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#e4e4e4\"/>"
                  + "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#888\"/>"
                  + "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
              tx,
              top,
              tx,
              axisY,
              tx,
              axisY,
              tx,
              axisY + 5,
              tx,
              axisY + 18,
              esc(String.format(Locale.ROOT, "%." + decimals + "fs", t / 1e9))));
      if (t > Long.MAX_VALUE - step) {
        break;
      }
    }
  }

  // ---------------------------------------------------------------- tables

  private static void criticalPath(StringBuilder sb, BuildResult r) {
    sb.append("<h2>")
        .append(esc("Critical path (why the build takes " + Seconds.format(r.wallNanos()) + " s)"))
        .append("</h2>\n");
    sb.append(
        "<table class=\"critical\">\n<tr><th>from (s)</th><th>to (s)</th>"
            + "<th>unit</th><th>started after</th></tr>\n");
    for (ChainLink l : r.criticalChain()) {
      sb.append("<tr><td class=\"num\">")
          .append(esc(Seconds.format(l.fromNanos())))
          .append("</td><td class=\"num\">")
          .append(esc(Seconds.format(l.toNanos())))
          .append("</td><td>");
      if (l.unit() < 0) {
        sb.append(esc("cargo start-up"));
      } else {
        unitLink(sb, r, l.unit());
      }
      sb.append("</td><td>");
      switch (l.waitedFor()) {
        case STARTUP:
          sb.append("-");
          break;
        case NOTHING:
          sb.append(esc("nothing (no dependencies)"));
          break;
        case RMETA:
          unitLink(sb, r, l.predecessor());
          sb.append(esc("'s .rmeta"));
          break;
        case FULL:
          unitLink(sb, r, l.predecessor());
          sb.append(esc(" finished"));
          break;
        case TOKEN:
          sb.append(esc("a jobserver token, freed by "));
          unitLink(sb, r, l.predecessor());
          break;
        default:
          sb.append(esc(l.waitedFor().label()));
      }
      sb.append("</td></tr>\n");
    }
    sb.append("</table>\n");
  }

  private static void unitLink(StringBuilder sb, BuildResult r, int unit) {
    if (unit < 0 || unit >= r.units().size()) {
      sb.append("-");
      return;
    }
    sb.append("<a href=\"#unit-")
        .append(unit)
        .append("\">")
        .append(esc(r.units().get(unit).unit().label()))
        .append("</a>");
  }

  private static void unitTable(StringBuilder sb, BuildResult r, Set<Integer> critical) {
    sb.append("<h2>Units (seconds)</h2>\n");
    sb.append(
        "<table class=\"units\">\n<tr><th>i</th><th>unit</th><th>version</th>"
            + "<th>mode</th><th>ready</th><th>start</th><th>duration</th><th>rmeta</th>"
            + "<th>sections</th><th>critical path</th></tr>\n");
    for (UnitData u : r.units()) {
      int i = u.unit().index();
      boolean crit = critical.contains(i);
      sb.append("<tr id=\"unit-")
          .append(i)
          .append('"')
          .append(crit ? " class=\"crit\"" : "")
          .append("><td class=\"num\">")
          .append(i)
          .append("</td><td>")
          .append(esc(u.unit().label()))
          .append("</td><td>")
          .append(esc(u.unit().version()))
          .append("</td><td>")
          .append(esc(u.unit().mode().id()))
          .append("</td>");
      num(sb, Seconds.format(u.readyNanos()));
      num(sb, Seconds.format(u.startNanos()));
      num(sb, Seconds.format(u.durationNanos()));
      num(sb, u.rmetaNanos() < 0 ? "-" : Seconds.format(u.rmetaNanos()));
      List<String> parts = new ArrayList<>();
      if (u.durationNanos() > 0) {
        for (Section s : Section.of(u)) {
          parts.add(sectionLabel(s.name()) + " " + Seconds.format(s.endNanos() - s.startNanos()));
        }
      } else {
        parts.add("fresh");
      }
      sb.append("<td>")
          .append(esc(String.join(", ", parts)))
          .append("</td><td>")
          .append(crit ? "yes" : "")
          .append("</td></tr>\n");
    }
    sb.append("</table>\n");
  }

  private static void num(StringBuilder sb, String v) {
    sb.append("<td class=\"num\">").append(esc(v)).append("</td>");
  }

  /** HTML-escapes text for element content and quoted attribute values. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        case '\0':
          out.append('\uFFFD');
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
