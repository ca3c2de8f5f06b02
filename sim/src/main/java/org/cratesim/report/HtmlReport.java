package org.cratesim.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.cratesim.calibration.Prediction;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.ChainLink;
import org.cratesim.cargo.ConcurrencySample;
import org.cratesim.cargo.Fingerprints;
import org.cratesim.cargo.UnitData;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.model.TargetKind;
import org.cratesim.timings.TimingsPage;

/**
 * Builds as self-contained HTML pages in the spirit of cargo's {@code --timings} report
 * (src/cargo/core/compiler/timings/report.rs and timings.js): cargo's summary rows, a per-unit view
 * in cargo's layout (one row per unit in start order, its name and duration on the bar, the units
 * it unblocked on hover or for all units with a toggle), the units packed into thread lanes, the
 * concurrency graph, the critical path explained and a sortable unit table. {@link
 * #renderPrediction} and {@link #renderComparison} draw several builds of the same graph on one
 * time axis with the difference per unit.
 *
 * <p>Inline CSS and inline SVG; one inline script (sorting the tables; the page is complete without
 * it), allowed by its hash in a Content-Security-Policy that forbids everything else: no network,
 * no fonts, no other script. Every piece of text is HTML-escaped (crate names come from imported
 * pages) and the script only moves existing rows. The same build always gives the same bytes.
 */
public final class HtmlReport {
  /**
   * cargo 1.95's colours (timings report.rs {@code --canvas-*}): a unit's box light blue (the front
   * end), codegen purple, link green, a build-script run orange.
   */
  private static final Map<String, String> SECTION_COLOURS =
      Map.of(
          "frontend", "#95cce8",
          "codegen", "#aa95e8",
          "link", "#95e8aa",
          "run", "#f0b165");

  private static final String OTHER_COLOUR = "#e895aa";

  private static final String[] SECTION_ORDER = {"frontend", "codegen", "link", "run"};

  /** The outline of the k-th build on a page of several (the first has none). */
  private static final String[] BUILD_OUTLINES = {
    "#5d7d8f", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"
  };

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

  /** Per-unit view: one row per unit, its bar and its label. */
  private static final int ROW_H = 18;

  private static final int ROW_BAR_H = 15;

  /** Per-unit view of several builds: a label line, then one thin bar per build. */
  private static final int LABEL_H = 14;

  private static final int SUB_H = 8;

  /** Font size of the labels in the views (px); see {@link #textWidth}. */
  private static final double FONT_PX = 11;

  private static final String CSS =
      String.join(
          "\n",
          "body{font-family:sans-serif;margin:16px 24px;color:#222;background:#fff}",
          "h1{font-size:1.5em;margin:0 0 .5em}",
          "h2{font-size:1.2em;margin:1.4em 0 .5em}",
          "table{border-collapse:collapse;font-size:.9em}",
          "th,td{border:1px solid #ccc;padding:2px 8px;text-align:left;vertical-align:top}",
          "th{background:#f0f0f0}",
          "th button{font:inherit;border:0;background:none;padding:0;cursor:pointer;"
              + "text-align:left}",
          "th[aria-sort=descending] button::after{content:\" \\25BE\"}",
          "th[aria-sort=ascending] button::after{content:\" \\25B4\"}",
          "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
          "td.more{color:#a11}td.less{color:#161}",
          "table.summary th{background:#f7f7f7;font-weight:normal}",
          "tr.crit td{font-weight:bold}",
          ".graph{overflow-x:auto}",
          "svg{font-family:sans-serif;font-size:11px;max-width:100%;height:auto}",
          "svg text.name{paint-order:stroke;stroke:rgba(255,255,255,.6);stroke-width:2px;"
              + "stroke-linejoin:round}",
          "svg .dep{display:none;fill:none;stroke:#888;stroke-width:1.2;stroke-dasharray:3,2}",
          "input.deps:checked~.graph .dep{display:inline}",
          "svg g.row:hover .dep{display:inline;stroke:#000;stroke-width:1.6}",
          "svg g.row:hover rect.outline{stroke:#000;stroke-width:2}",
          ".legend{margin:.3em 0;font-size:.9em}",
          ".swatch{display:inline-block;width:1em;height:.8em;border:1px solid #888;"
              + "vertical-align:middle;margin:0 .3em 0 1em}",
          ".swatch.crit{border:2px solid #111}",
          "details{margin:.6em 0}summary{cursor:pointer;font-weight:bold}",
          ".note{color:#555;font-size:.9em}");

  /**
   * Sorts a {@code table.sortable} by a column whose header has {@code data-sort} ("num" or
   * "text"): a click sorts descending (numbers) or ascending (text), a second click reverses. Rows
   * are only moved, never rebuilt, so no text is ever parsed as HTML.
   */
  static final String SCRIPT =
      String.join(
          "\n",
          "\"use strict\";",
          "document.querySelectorAll(\"table.sortable\").forEach(function (t) {",
          "  var ths = t.tHead.rows[0].cells;",
          "  Array.prototype.forEach.call(ths, function (th, col) {",
          "    if (!th.hasAttribute(\"data-sort\")) { return; }",
          "    var b = document.createElement(\"button\");",
          "    b.type = \"button\";",
          "    while (th.firstChild) { b.appendChild(th.firstChild); }",
          "    th.appendChild(b);",
          "    b.addEventListener(\"click\", function () {",
          "      var num = th.getAttribute(\"data-sort\") === \"num\";",
          "      var was = th.getAttribute(\"aria-sort\");",
          "      var desc = num ? was !== \"descending\" : was === \"ascending\";",
          "      Array.prototype.forEach.call(ths, function (h) { h.removeAttribute(\"aria-sort\"); });",
          "      th.setAttribute(\"aria-sort\", desc ? \"descending\" : \"ascending\");",
          "      var body = t.tBodies[0];",
          "      var rows = Array.prototype.slice.call(body.rows);",
          "      var key = function (r) {",
          "        var c = r.cells[col];",
          "        var v = c.getAttribute(\"data-v\");",
          "        return v === null ? c.textContent : v;",
          "      };",
          "      rows.sort(function (x, y) {",
          "        var a = key(x), c = key(y), r;",
          "        if (num) {",
          "          a = parseFloat(a); c = parseFloat(c);",
          "          r = isNaN(a) ? (isNaN(c) ? 0 : 1) : isNaN(c) ? -1 : (desc ? c - a : a - c);",
          "        } else {",
          "          r = desc ? c.localeCompare(a) : a.localeCompare(c);",
          "        }",
          "        return r;",
          "      });",
          "      rows.forEach(function (r) { body.appendChild(r); });",
          "    });",
          "  });",
          "});");

  /** The Content-Security-Policy: nothing but inline styles, data images and {@link #SCRIPT}. */
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
          + sha256(SCRIPT)
          + "';";

  private HtmlReport() {}

  private static String sha256(String s) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  // ---------------------------------------------------------------- pages

  /** The page for one simulated build of {@code sc}. */
  public static String render(Scenario sc, BuildResult r) {
    StringBuilder sb = new StringBuilder(32768);
    head(sb, "cratesim: " + sc.name());
    sb.append("<h1>").append(esc("cratesim: " + sc.name())).append("</h1>\n");
    build(sb, sc, r);
    return foot(sb);
  }

  /**
   * The page for a simulated build of a scenario imported from the cargo page {@code measured}:
   * cargo's summary rows that the page knows (targets, profile, rustc, ncpu) come from it.
   */
  public static String render(Scenario sc, BuildResult r, TimingsPage measured) {
    StringBuilder sb = new StringBuilder(32768);
    head(sb, "cratesim: " + sc.name());
    sb.append("<h1>").append(esc("cratesim: " + sc.name())).append("</h1>\n");
    build(sb, sc, r, measured);
    return foot(sb);
  }

  /** Opens a graph: a div holding an SVG of {@code cls}, its size and an accessible label. */
  private static void svgOpen(StringBuilder sb, String cls, int width, int height, String label) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<div class=\"graph\"><svg class=\"%s\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
            cls,
            width,
            height,
            width,
            height,
            esc(label)));
  }

  /** A row's number in the margin of a per-unit view. */
  private static void rowNumber(StringBuilder sb, int y, int n) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<text class=\"n\" x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#777\">%d</text>",
            LEFT - 6,
            y + 11,
            n));
  }

  /** A row's name and duration, where {@link #place} put it (on, beside or before its bar). */
  private static void rowLabel(StringBuilder sb, Placed p, int y, String label) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<text class=\"name\" x=\"%.2f\" y=\"%d\" text-anchor=\"%s\" fill=\"#111\">%s</text>",
            p.x(),
            y + 11,
            p.anchor(),
            esc(label)));
  }

  /** One section of a unit's bar (front end, codegen, link ...) in cargo's colours. */
  private static void sectionRect(
      StringBuilder sb, String name, double x, int y, double width, int height) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"%s\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>",
            esc(name),
            x,
            y,
            Math.max(width, 0.5),
            height,
            SECTION_COLOURS.getOrDefault(name, OTHER_COLOUR)));
  }

  /** The page's host triple and ncpu, as far as it shows them. */
  private static String hostOf(TimingsPage p, String none) {
    List<String> parts = new ArrayList<>();
    if (p.host() != null) {
      parts.add(p.host());
    }
    if (p.ncpu() != null) {
      parts.add("ncpu=" + p.ncpu());
    }
    return parts.isEmpty() ? none : String.join(", ", parts);
  }

  /** One build on a page of several, under its own heading. */
  public record Titled(String heading, Scenario scenario, BuildResult result) {}

  /** One page holding several builds, each under its heading (e.g. a baseline and a change). */
  public static String renderMany(String title, List<Titled> builds) {
    StringBuilder sb = new StringBuilder(65536);
    head(sb, title);
    sb.append("<h1>").append(esc(title)).append("</h1>\n");
    for (int k = 0; k < builds.size(); k++) {
      Titled t = builds.get(k);
      // a section per build: its toggle of dependency lines acts on its own view only
      sb.append("<section>\n<h2>").append(esc(t.heading())).append("</h2>\n");
      StringBuilder one = new StringBuilder(32768);
      build(one, t.scenario(), t.result());
      sb.append(prefixed(one.toString(), "b" + k + "-"));
      sb.append("</section>\n");
    }
    return foot(sb);
  }

  /**
   * {@code cratesim predict --html}: the measured page and the prediction at each -j asked for on
   * one time axis, the difference per unit, then each predicted build in full.
   *
   * @param ps the predictions, one per -j (at least one)
   * @param measured the page they were made from
   * @param imported the page imported as a scenario (at the page's -j)
   */
  public static String renderPrediction(
      List<Prediction> ps, TimingsPage measured, Scenario imported) {
    Prediction first = ps.get(0);
    List<String> js = new ArrayList<>();
    ps.forEach(p -> js.add(Integer.toString(p.jobs())));
    String title = "cratesim predict: " + first.page() + " at -j" + String.join(",", js);
    List<Timeline> tls = new ArrayList<>();
    tls.add(Timeline.of("measured (-j" + first.measuredJobs() + ")", measured));
    for (Prediction p : ps) {
      Scenario at = imported.withBuild(imported.build().withJobs(p.jobs()));
      tls.add(
          Timeline.of("predicted (-j" + p.jobs() + ")", p.predicted(), Fingerprints.freshJobs(at)));
    }
    StringBuilder sb = new StringBuilder(65536);
    head(sb, title);
    sb.append("<h1>").append(esc(title)).append("</h1>\n");
    sb.append("<table class=\"summary\">\n");
    row(sb, "Page", first.page() + " (" + measured.format() + ")");
    row(sb, "Targets", measured.targets().isEmpty() ? "-" : String.join(", ", measured.targets()));
    row(sb, "Profile", measured.profile() == null ? "-" : measured.profile());
    row(sb, "rustc", measured.rustc() == null ? "-" : measured.rustc());
    row(sb, "Build start", measured.buildStart() == null ? "-" : measured.buildStart());
    row(sb, "Host", hostOf(measured, "not on the page") + " (measured)");
    row(sb, "Total units", Integer.toString(measured.units().size()) + " measured");
    row(
        sb,
        "Measured",
        secs(first.measuredSeconds()) + " at -j" + first.measuredJobs() + " (cargo's total time)");
    row(
        sb,
        "Replayed",
        Seconds.format(first.replayed().wallNanos())
            + " s at -j"
            + first.measuredJobs()
            + " (the imported page simulated at its own -j)");
    for (Prediction p : ps) {
      double predicted = p.predicted().wallNanos() / 1e9;
      row(
          sb,
          "Predicted at -j" + p.jobs(),
          Seconds.format(p.predicted().wallNanos())
              + " s"
              + String.format(
                  Locale.ROOT,
                  " (%+.3f s, %+.1f %% against the measured page)",
                  predicted - p.measuredSeconds(),
                  p.measuredSeconds() > 0
                      ? 100 * (predicted - p.measuredSeconds()) / p.measuredSeconds()
                      : 0.0));
    }
    sb.append("</table>\n");
    compared(sb, tls);
    for (int k = 0; k < ps.size(); k++) {
      Prediction p = ps.get(k);
      Scenario at = imported.withBuild(imported.build().withJobs(p.jobs()));
      sb.append("<details>\n<summary>")
          .append(
              esc("The predicted build (-j" + p.jobs() + "): lanes, concurrency, critical path"))
          .append("</summary>\n");
      StringBuilder one = new StringBuilder(32768);
      build(one, at, p.predicted());
      sb.append(prefixed(one.toString(), "p" + k + "-"));
      sb.append("</details>\n");
    }
    return foot(sb);
  }

  /**
   * {@code cratesim compare --html}: the baseline and each strategy on one time axis, the
   * difference per unit, then each build in full.
   */
  public static String renderComparison(Comparison c) {
    Scenario sc = c.scenario();
    String title = "cratesim compare: " + sc.name();
    List<Timeline> tls = new ArrayList<>();
    tls.add(Timeline.of("baseline", c.baseline(), Fingerprints.freshJobs(sc)));
    for (Comparison.Variant v : c.variants()) {
      tls.add(Timeline.of(v.strategy(), v.result(), Fingerprints.freshJobs(sc)));
    }
    StringBuilder sb = new StringBuilder(65536);
    head(sb, title);
    sb.append("<h1>").append(esc(title)).append("</h1>\n");
    sb.append("<table class=\"summary\">\n");
    row(sb, "Scenario", sc.name());
    row(sb, "Profile", profile(c.baseline().mode()));
    row(sb, "Build kind", sc.rebuild().kind().id());
    row(sb, "Jobs (-j)", Integer.toString(c.baseline().jobs()));
    row(sb, "baseline", Seconds.format(c.baseline().wallNanos()) + " s (every strategy off)");
    for (Comparison.Variant v : c.variants()) {
      row(
          sb,
          v.strategy(),
          Seconds.format(v.result().wallNanos())
              + String.format(
                  Locale.ROOT,
                  " s (%+.3f s, %+.1f %%)",
                  v.deltaS(c.baseline()),
                  v.changePct(c.baseline()))
              + v.whyNot().map(w -> "; " + w).orElse(""));
    }
    sb.append("</table>\n");
    compared(sb, tls);
    List<BuildResult> results = new ArrayList<>();
    results.add(c.baseline());
    c.variants().forEach(v -> results.add(v.result()));
    for (int k = 0; k < tls.size(); k++) {
      sb.append("<details>\n<summary>")
          .append(esc(tls.get(k).title() + ": lanes, concurrency, critical path, units"))
          .append("</summary>\n");
      StringBuilder one = new StringBuilder(32768);
      build(one, sc, results.get(k));
      sb.append(prefixed(one.toString(), "b" + k + "-"));
      sb.append("</details>\n");
    }
    return foot(sb);
  }

  /** Element ids (and the links and labels naming them) made unique on a page: {@code pre}id. */
  private static String prefixed(String html, String pre) {
    return html.replace(" id=\"", " id=\"" + pre)
        .replace(" for=\"", " for=\"" + pre)
        .replace(" href=\"#", " href=\"#" + pre);
  }

  private static void head(StringBuilder sb, String title) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CSP)
        .append("\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>").append(esc(title)).append("</title>\n");
    sb.append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
  }

  private static void build(StringBuilder sb, Scenario sc, BuildResult r) {
    build(sb, sc, r, null);
  }

  private static void build(StringBuilder sb, Scenario sc, BuildResult r, TimingsPage measured) {
    Timeline t = Timeline.of("simulated (-j" + r.jobs() + ")", r, Fingerprints.freshJobs(sc));
    long span = timeSpan(r);
    summary(sb, sc, r, t, measured);
    unitView(sb, t, span / 1e9);
    timeline(sb, r, span);
    concurrency(sb, r, span);
    criticalPath(sb, r);
    unitTable(sb, t);
  }

  private static String foot(StringBuilder sb) {
    sb.append("<p class=\"note\">")
        .append(
            esc(
                "Simulated by cratesim; times in seconds since "
                    + "cargo started. The same scenario always gives the same page."))
        .append("</p>\n");
    sb.append("<script>").append(SCRIPT).append("</script>\n");
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  // ---------------------------------------------------------------- summary

  private static String profile(Mode m) {
    switch (m) {
      case CHECK:
        return "dev (cargo check)";
      case DEBUG:
        return "dev";
      case RELEASE:
        return "release";
      default:
        return m.id();
    }
  }

  private static void summary(
      StringBuilder sb, Scenario sc, BuildResult r, Timeline t, TimingsPage measured) {
    long fresh = t.bars().stream().filter(Timeline.Bar::fresh).count();
    int maxActive = 0;
    for (ConcurrencySample c : r.concurrency()) {
      maxActive = Math.max(maxActive, c.active());
    }
    sb.append("<table class=\"summary\">\n");
    // cargo's rows first (report.rs write_summary_table), then what only a simulation knows
    boolean known = measured != null;
    row(
        sb,
        "Targets",
        known && !measured.targets().isEmpty()
            ? String.join(", ", measured.targets()) + " (the page's)"
            : targets(sc, r));
    row(
        sb,
        "Profile",
        known && measured.profile() != null
            ? measured.profile() + " (the page's; simulated as " + profile(r.mode()) + ")"
            : profile(r.mode()));
    row(sb, "Fresh units", Long.toString(fresh));
    row(sb, "Dirty units", Long.toString(r.units().size() - fresh));
    row(sb, "Total units", r.units().size() + " (" + TextReport.kinds(r) + ")");
    row(sb, "Max concurrency", maxActive + " (jobs=" + r.jobs() + ")");
    row(
        sb,
        "Build start",
        "t = 0: cargo starts (simulated; its start-up of "
            + Seconds.format(r.startupNanos())
            + " s included)"
            + (known && measured.buildStart() != null
                ? "; the page's build started " + measured.buildStart()
                : ""));
    row(sb, "Total time", Seconds.format(r.wallNanos()) + " s");
    row(
        sb,
        "rustc",
        known && measured.rustc() != null
            ? "cratesim's model of " + measured.rustc() + " (the page's; no compiler ran)"
            : "cratesim's model of rustc (no compiler ran)");
    row(
        sb,
        "Host",
        known && (measured.ncpu() != null || measured.host() != null)
            ? "the simulated machine, calibrated to the page's (" + hostOf(measured, "") + ")"
            : "the simulated machine of the scenario's [machine] settings");
    if (known) {
      row(
          sb,
          "Measured",
          secs(measured.totalSeconds())
              + " at -j"
              + measured.jobs()
              + " (cargo's total time on "
              + measured.source()
              + ")");
    }
    row(sb, "Scenario", sc.name());
    row(sb, "Build kind", sc.rebuild().kind().id());
    row(sb, "Wall time", Seconds.format(r.wallNanos()) + " s");
    row(sb, "Dependency bound (unlimited tokens)", Seconds.format(r.dependencyBoundNanos()) + " s");
    row(sb, "Start-up + work / jobs bound", Seconds.format(r.workBoundNanos()) + " s");
    row(sb, "Total work", Seconds.format(r.workNanos()) + " s of single-threaded work");
    row(
        sb,
        "Utilisation",
        String.format(
            Locale.ROOT,
            "%.1f %% of %d threads (at most %d busy)",
            100 * r.utilisation(),
            r.jobs(),
            r.maxThreads()));
    sb.append("</table>\n");
  }

  /** cargo's "Targets" row: the workspace members' packages and what of them is built. */
  private static String targets(Scenario sc, BuildResult r) {
    Set<String> workspace = Fingerprints.workspace(sc);
    Map<String, Set<String>> kinds = new TreeMap<>();
    Map<String, String> versions = new HashMap<>();
    for (UnitData u : r.units()) {
      if (!workspace.contains(u.unit().name()) || u.unit().kind().isBuildScript()) {
        continue;
      }
      String pkg = u.unit().packageName();
      versions.putIfAbsent(pkg, u.unit().version());
      kinds
          .computeIfAbsent(pkg, k -> new LinkedHashSet<>())
          .add(u.unit().kind() == TargetKind.BIN ? "bin" : "lib");
    }
    List<String> out = new ArrayList<>();
    kinds.forEach(
        (pkg, k) -> out.add(pkg + " " + versions.get(pkg) + " (" + String.join(", ", k) + ")"));
    return out.isEmpty() ? "-" : String.join(", ", out);
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append("<tr><th>")
        .append(esc(key))
        .append("</th><td>")
        .append(esc(value))
        .append("</td></tr>\n");
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.3f s", s);
  }

  // ---------------------------------------------------------------- per-unit view

  /**
   * A conservative width of {@code s} in px at {@link #FONT_PX} in a sans-serif font (DejaVu Sans
   * advance widths, rounded up): where a label goes so that it is never cut.
   */
  static double textWidth(String s) {
    double em = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if ("iljI.,:;'!|".indexOf(c) >= 0) {
        em += 0.32;
      } else if ("ftr()[]{} -\"".indexOf(c) >= 0) {
        em += 0.46;
      } else if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '@' || c == '%') {
        em += 1.02;
      } else if (c >= 'A' && c <= 'Z' || c == '&' || c == '<' || c == '>' || c == '#') {
        em += 0.86;
      } else if (c < 128) {
        em += 0.66;
      } else {
        em += 1.05;
      }
    }
    return em * FONT_PX;
  }

  /** Where a label goes: its x, its text-anchor, and how wide the view must be to hold it. */
  private record Placed(double x, String anchor, double rightEdge) {}

  /**
   * cargo puts a label at the start of its bar (timings.js {@code label_x}); here it moves to end
   * at the bar's end when it would pass the plot's right edge, and starts at the plot's left edge
   * when neither fits (then the view grows to hold it).
   */
  private static Placed place(String label, double x0, double x1) {
    double w = textWidth(label);
    double right = LEFT + PLOT_W;
    if (x0 + 3 + w <= right) {
      return new Placed(x0 + 3, "start", x0 + 3 + w);
    }
    if (x1 - 3 - w >= LEFT) {
      return new Placed(x1 - 3, "end", x1 - 3);
    }
    return new Placed(LEFT + 2, "start", LEFT + 2 + w);
  }

  private static String dur(double s) {
    return String.format(Locale.ROOT, "%.2fs", s);
  }

  /** One build's units in cargo's layout: a row per unit in start order. */
  private static void unitView(StringBuilder sb, Timeline t, double span) {
    sb.append("<h2>Units in start order</h2>\n");
    legend(sb, true);
    sb.append(
        "<input type=\"checkbox\" class=\"deps\" id=\"deps\"><label for=\"deps\">"
            + "show the units each unit unblocked (hover a unit to see its own)</label>\n");
    List<Timeline.Bar> bars = t.bars();
    Map<Integer, Integer> rowOf = new HashMap<>();
    for (int k = 0; k < bars.size(); k++) {
      rowOf.put(bars.get(k).index(), k);
    }
    int top = 22;
    int axisY = top + Math.max(1, bars.size()) * ROW_H;
    double maxRight = LEFT + PLOT_W;
    List<Placed> placed = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Timeline.Bar b : bars) {
      String label = b.label() + ": " + dur(b.duration()) + (b.fresh() ? " (fresh)" : "");
      double x0 = xs(b.start(), span);
      double x1 = Math.max(x0 + 1, xs(b.end(), span));
      Placed p = place(label, x0, x1);
      placed.add(p);
      labels.add(label);
      maxRight = Math.max(maxRight, p.rightEdge());
    }
    int width = (int) Math.ceil(maxRight) + RIGHT;
    int height = axisY + 28;
    svgOpen(sb, "per-unit", width, height, bars.size() + " units in start order");
    timeAxis(sb, (long) Math.round(span * 1e9), top, axisY, true);
    for (int k = 0; k < bars.size(); k++) {
      Timeline.Bar b = bars.get(k);
      int y = top + k * ROW_H + (ROW_H - ROW_BAR_H) / 2;
      double x0 = xs(b.start(), span);
      double w = Math.max(1.0, xs(b.end(), span) - x0);
      sb.append("<g class=\"row")
          .append(b.critical() ? " crit" : "")
          .append("\" id=\"row-")
          .append(b.index())
          .append("\"><title>")
          .append(esc(tooltip(b)))
          .append("</title>");
      rowNumber(sb, y, k + 1);
      boxes(sb, b, x0, w, y, ROW_BAR_H, span, null);
      Placed p = placed.get(k);
      rowLabel(sb, p, y, labels.get(k));
      // cargo's dependency lines (timings.js _draw_dep_lines): from the end, or the .rmeta, of
      // this unit down to the start of each unit it unblocked
      deps(sb, b, b.unblocked(), b.end(), bars, rowOf, y, top, span);
      deps(
          sb, b, b.unblockedRmeta(), b.start() + Math.max(0, b.rmeta()), bars, rowOf, y, top, span);
      sb.append("</g>\n");
    }
    sb.append("</svg></div>\n");
  }

  private static void deps(
      StringBuilder sb,
      Timeline.Bar from,
      List<Integer> to,
      double atS,
      List<Timeline.Bar> bars,
      Map<Integer, Integer> rowOf,
      int y,
      int top,
      double span) {
    for (int i : to) {
      Integer row = rowOf.get(i);
      if (row == null) {
        continue;
      }
      Timeline.Bar t = bars.get(row);
      double x = xs(atS, span);
      double ty = top + row * ROW_H + ROW_H / 2.0;
      sb.append(
          String.format(
              Locale.ROOT,
              "<path class=\"dep\" d=\"M %.2f %.2f h 3 V %.2f H %.2f\"/>",
              x,
              y + ROW_BAR_H / 2.0,
              ty,
              Math.max(x + 3, xs(t.start(), span))));
    }
  }

  /** A unit's box and its sections over it; {@code outline} overrides the outline colour. */
  private static void boxes(
      StringBuilder sb,
      Timeline.Bar b,
      double x0,
      double w,
      int y,
      int h,
      double span,
      String outline) {
    String base = b.isScriptRun() ? SECTION_COLOURS.get("run") : SECTION_COLOURS.get("frontend");
    sb.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"box\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>",
            x0,
            y,
            w,
            h,
            base));
    for (Timeline.Phase s : b.phases()) {
      if (s.end() <= s.start() || s.name().equals("frontend") || s.name().equals("run")) {
        continue;
      }
      double sx = xs(b.start() + s.start(), span);
      sectionRect(sb, s.name(), sx, y, xs(b.start() + s.end(), span) - sx, h);
    }
    boolean crit = b.critical();
    sb.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"outline\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"none\" "
                + "stroke=\"%s\" stroke-width=\"%s\"/>",
            x0,
            y,
            w,
            h,
            outline != null ? outline : crit ? "#111" : "#5d7d8f",
            crit || outline != null ? "1.6" : "0.6"));
  }

  private static String tooltip(Timeline.Bar b) {
    StringBuilder t = new StringBuilder();
    t.append(b.label()).append(" v").append(b.version()).append(" (i ").append(b.index());
    t.append(b.mode().isEmpty() ? "" : ", " + b.mode()).append(")\n");
    t.append("start ")
        .append(secs(b.start()))
        .append(", end ")
        .append(secs(b.end()))
        .append(", duration ")
        .append(secs(b.duration()))
        .append(b.fresh() ? " (fresh)" : "")
        .append('\n');
    for (Timeline.Phase s : b.phases()) {
      t.append(sectionLabel(s.name())).append(' ').append(secs(s.end() - s.start())).append('\n');
    }
    if (!b.features().isEmpty()) {
      t.append("features: ").append(String.join(", ", b.features())).append('\n');
    }
    t.append("unblocked ")
        .append(b.unblocked().size() + b.unblockedRmeta().size())
        .append(" unit(s)")
        .append(b.critical() ? "; on the simulated critical path" : "");
    return t.toString();
  }

  private static void legend(StringBuilder sb, boolean critical) {
    sb.append("<div class=\"legend\">");
    for (String s : SECTION_ORDER) {
      sb.append("<span class=\"swatch\" style=\"background:")
          .append(SECTION_COLOURS.get(s))
          .append("\"></span>")
          .append(esc(sectionLabel(s)));
    }
    if (critical) {
      sb.append("<span class=\"swatch crit\" style=\"background:#fff\"></span>")
          .append(esc("on the simulated critical path"));
    }
    sb.append("</div>\n");
  }

  /**
   * Several builds of the same graph on one time axis: a row per unit (in the first build's start
   * order), a thin bar per build, its durations and the change on the label; then the table of
   * differences.
   */
  private static void compared(StringBuilder sb, List<Timeline> tls) {
    // rows: the first build's units in start order, then the units only the others have
    Map<String, Timeline.Bar[]> rows = new LinkedHashMap<>();
    for (int k = 0; k < tls.size(); k++) {
      for (Timeline.Bar b : tls.get(k).bars()) {
        rows.computeIfAbsent(b.key(), x -> new Timeline.Bar[tls.size()])[k] = b;
      }
    }
    double span = 1e-9;
    for (Timeline t : tls) {
      span = Math.max(span, t.wallSeconds());
      for (Timeline.Bar b : t.bars()) {
        span = Math.max(span, b.end());
      }
    }
    sb.append("<h2>").append(esc(String.join(" and ", titles(tls)) + ", one time axis"));
    sb.append("</h2>\n");
    legend(sb, false);
    sb.append("<div class=\"legend\">");
    for (int k = 0; k < tls.size(); k++) {
      sb.append("<span class=\"swatch\" style=\"background:#fff;border:2px solid ")
          .append(BUILD_OUTLINES[k % BUILD_OUTLINES.length])
          .append("\"></span>")
          .append(esc((k + 1) + ". " + tls.get(k).title() + " " + secs(tls.get(k).wallSeconds())));
    }
    sb.append("</div>\n");
    int rowH = LABEL_H + tls.size() * SUB_H + 4;
    int top = 22;
    int axisY = top + Math.max(1, rows.size()) * rowH;
    double maxRight = LEFT + PLOT_W;
    List<Placed> placed = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Timeline.Bar[] bs : rows.values()) {
      String label = compareLabel(bs);
      double x0 = Double.MAX_VALUE;
      double x1 = LEFT;
      for (Timeline.Bar b : bs) {
        if (b != null) {
          x0 = Math.min(x0, xs(b.start(), span));
          x1 = Math.max(x1, Math.max(xs(b.start(), span) + 1, xs(b.end(), span)));
        }
      }
      Placed p = place(label, x0, x1);
      placed.add(p);
      labels.add(label);
      maxRight = Math.max(maxRight, p.rightEdge());
    }
    int width = (int) Math.ceil(maxRight) + RIGHT;
    int height = axisY + 28;
    svgOpen(
        sb,
        "compared",
        width,
        height,
        rows.size() + " units of " + tls.size() + " builds on one time axis");
    timeAxis(sb, (long) Math.round(span * 1e9), top, axisY, true);
    int k = 0;
    for (Timeline.Bar[] bs : rows.values()) {
      int y = top + k * rowH;
      sb.append("<g class=\"row\"><title>").append(esc(compareTooltip(tls, bs))).append("</title>");
      rowNumber(sb, y, k + 1);
      Placed p = placed.get(k);
      rowLabel(sb, p, y, labels.get(k));
      for (int j = 0; j < bs.length; j++) {
        Timeline.Bar b = bs[j];
        if (b == null) {
          continue;
        }
        double x0 = xs(b.start(), span);
        double w = Math.max(1.0, xs(b.end(), span) - x0);
        boxes(
            sb,
            b,
            x0,
            w,
            y + LABEL_H + j * SUB_H,
            SUB_H - 1,
            span,
            BUILD_OUTLINES[j % BUILD_OUTLINES.length]);
      }
      sb.append("</g>\n");
      k++;
    }
    sb.append("</svg></div>\n");
    differences(sb, tls, rows);
  }

  private static List<String> titles(List<Timeline> tls) {
    List<String> out = new ArrayList<>();
    tls.forEach(t -> out.add(t.title()));
    return out;
  }

  private static String compareLabel(Timeline.Bar[] bs) {
    Timeline.Bar any = Arrays.stream(bs).filter(b -> b != null).findFirst().orElseThrow();
    StringBuilder l = new StringBuilder(any.label()).append(": ");
    for (int j = 0; j < bs.length; j++) {
      l.append(j == 0 ? "" : bs.length == 2 ? " \u2192 " : " / ");
      l.append(bs[j] == null ? "-" : dur(bs[j].duration()));
    }
    if (bs.length == 2 && bs[0] != null && bs[1] != null) {
      l.append(
          String.format(Locale.ROOT, " (%+.2fs)", bs[1].duration() - bs[0].duration())
              .replace('-', '\u2212'));
    }
    return l.toString();
  }

  private static String compareTooltip(List<Timeline> tls, Timeline.Bar[] bs) {
    Timeline.Bar any = Arrays.stream(bs).filter(b -> b != null).findFirst().orElseThrow();
    StringBuilder t = new StringBuilder(any.label()).append(" v").append(any.version());
    for (int j = 0; j < bs.length; j++) {
      t.append('\n').append(tls.get(j).title()).append(": ");
      Timeline.Bar b = bs[j];
      t.append(
          b == null
              ? "not in this build"
              : "start " + secs(b.start()) + ", duration " + secs(b.duration()));
    }
    return t.toString();
  }

  /** The table of differences: each unit's start and duration in each build, and the change. */
  private static void differences(
      StringBuilder sb, List<Timeline> tls, Map<String, Timeline.Bar[]> rows) {
    sb.append("<h2>Difference per unit (seconds)</h2>\n");
    sb.append("<p class=\"note\">")
        .append(
            esc(
                "\u0394 is the change against "
                    + tls.get(0).title()
                    + ". Sorted by the largest change of duration; click a heading to sort by"
                    + " it."))
        .append("</p>\n");
    sb.append("<table class=\"units sortable diff\">\n<thead><tr><th data-sort=\"text\">unit</th>");
    for (int k = 0; k < tls.size(); k++) {
      String t = tls.get(k).title();
      sb.append("<th data-sort=\"num\">").append(esc(t + " start")).append("</th>");
      sb.append(
              k == 1 ? "<th data-sort=\"num\" aria-sort=\"descending\">" : "<th data-sort=\"num\">")
          .append(esc(t + " duration"))
          .append("</th>");
      if (k > 0) {
        sb.append("<th data-sort=\"num\">").append(esc("\u0394 duration")).append("</th>");
        sb.append("<th data-sort=\"num\">").append(esc("\u0394 end")).append("</th>");
      }
    }
    boolean features =
        rows.values().stream()
            .anyMatch(bs -> Arrays.stream(bs).anyMatch(b -> b != null && !b.features().isEmpty()));
    if (features) {
      sb.append("<th>features</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    List<Timeline.Bar[]> order = new ArrayList<>(rows.values());
    if (tls.size() > 1) {
      order.sort(
          Comparator.comparingDouble(
              (Timeline.Bar[] bs) ->
                  bs[0] == null || bs[1] == null
                      ? Double.NEGATIVE_INFINITY
                      : -Math.abs(bs[1].duration() - bs[0].duration())));
    }
    for (Timeline.Bar[] bs : order) {
      Timeline.Bar any = Arrays.stream(bs).filter(b -> b != null).findFirst().orElseThrow();
      sb.append("<tr><td>").append(esc(any.label() + " v" + any.version())).append("</td>");
      for (int k = 0; k < bs.length; k++) {
        Timeline.Bar b = bs[k];
        numCell(sb, b == null ? Double.NaN : b.start());
        numCell(sb, b == null ? Double.NaN : b.duration());
        if (k > 0) {
          boolean both = b != null && bs[0] != null;
          double dd = both ? b.duration() - bs[0].duration() : Double.NaN;
          double de = both ? b.end() - bs[0].end() : Double.NaN;
          deltaCell(sb, dd);
          deltaCell(sb, de);
        }
      }
      if (features) {
        List<String> f =
            Arrays.stream(bs)
                .filter(b -> b != null && !b.features().isEmpty())
                .findFirst()
                .map(Timeline.Bar::features)
                .orElse(List.of());
        sb.append("<td>").append(esc(String.join(", ", f))).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  private static void numCell(StringBuilder sb, double v) {
    if (Double.isNaN(v)) {
      sb.append("<td class=\"num\" data-v=\"\">-</td>");
      return;
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    sb.append("<td class=\"num\" data-v=\"").append(s).append("\">").append(s).append("</td>");
  }

  private static void deltaCell(StringBuilder sb, double v) {
    if (Double.isNaN(v)) {
      sb.append("<td class=\"num\" data-v=\"\">-</td>");
      return;
    }
    String s = String.format(Locale.ROOT, "%+.3f", v);
    if (s.equals("-0.000")) {
      s = "+0.000";
    }
    String cls = v >= 0.0005 ? "num more" : v <= -0.0005 ? "num less" : "num";
    sb.append("<td class=\"")
        .append(cls)
        .append("\" data-v=\"")
        .append(s)
        .append("\">")
        .append(esc(s.replace('-', '\u2212')))
        .append("</td>");
  }

  private static double xs(double seconds, double span) {
    return LEFT + seconds * PLOT_W / span;
  }

  // ---------------------------------------------------------------- lanes

  /**
   * Greedy lane packing as cargo's page does it: units by start time, each into the first lane that
   * is free at its start. Units that did no work (fresh) get no lane (-1).
   */
  public static int[] lanes(BuildResult r) {
    int[] lane = new int[r.units().size()];
    Arrays.fill(lane, -1);
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

  private static void timeline(StringBuilder sb, BuildResult r, long span) {
    Set<Integer> critical = new LinkedHashSet<>();
    for (ChainLink l : r.criticalChain()) {
      if (l.unit() >= 0) {
        critical.add(l.unit());
      }
    }
    sb.append("<h2>Timeline by thread lane</h2>\n");
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
                    + "path); a name that does not fit its bar is in the view above and in the "
                    + "bar's tooltip"));
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
    svgOpen(sb, "timeline", width, height, "timeline of " + lanes + " lanes");
    timeAxis(sb, span, top, axisY, false);
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
    for (Section s : Section.of(u)) {
      if (s.endNanos() <= s.startNanos()) {
        continue;
      }
      double sx = x(u.startNanos() + s.startNanos(), span);
      sectionRect(sb, s.name(), sx, y, x(u.startNanos() + s.endNanos(), span) - sx, BAR_H);
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
    // the name only where it fits whole: never cut (the per-unit view has every name)
    String label = u.unit().label();
    if (textWidth(label) + 6 <= w) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<text class=\"lane-name\" x=\"%.2f\" y=\"%d\" fill=\"#111\">%s</text>",
              x0 + 3,
              y + 14,
              esc(label)));
    }
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
    svgOpen(sb, "concurrency", width, height, "concurrency over time");
    timeAxis(sb, span, top, axisY, false);
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
            LEFT + PLOT_W - 4,
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
      ToIntFunction<ConcurrencySample> f,
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
      ToIntFunction<ConcurrencySample> f,
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

  private static void timeAxis(
      StringBuilder sb, long span, int top, int axisY, boolean labelsAbove) {
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
      if (labelsAbove) {
        sb.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
                tx,
                top - 6,
                esc(String.format(Locale.ROOT, "%." + decimals + "fs", t / 1e9))));
      }
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

  private static void unitTable(StringBuilder sb, Timeline t) {
    boolean features = t.bars().stream().anyMatch(b -> !b.features().isEmpty());
    sb.append("<h2>Units (seconds)</h2>\n");
    sb.append(
        "<p class=\"note\">Sorted by duration, longest first (as cargo's table); click a heading "
            + "to sort by it.</p>\n");
    sb.append(
        "<table class=\"units sortable\">\n<thead><tr><th data-sort=\"num\">i</th>"
            + "<th data-sort=\"text\">unit</th><th>version</th><th data-sort=\"text\">mode</th>"
            + "<th data-sort=\"num\" aria-sort=\"descending\">duration</th>"
            + "<th data-sort=\"num\">front end</th><th data-sort=\"num\">codegen</th>"
            + "<th data-sort=\"num\">start</th><th data-sort=\"num\">rmeta</th>"
            + "<th>sections</th>"
            + (features ? "<th>features</th>" : "")
            + "<th data-sort=\"text\">critical path</th></tr></thead>\n<tbody>\n");
    List<Timeline.Bar> order = new ArrayList<>(t.bars());
    order.sort(
        Comparator.comparingDouble((Timeline.Bar b) -> -b.duration())
            .thenComparingInt(Timeline.Bar::index));
    for (Timeline.Bar b : order) {
      int i = b.index();
      sb.append("<tr id=\"unit-")
          .append(i)
          .append('"')
          .append(b.critical() ? " class=\"crit\"" : "")
          .append("><td class=\"num\">")
          .append(i)
          .append("</td><td>")
          .append(esc(b.label()))
          .append("</td><td>")
          .append(esc(b.version()))
          .append("</td><td>")
          .append(esc(b.mode()))
          .append("</td>");
      numCell(sb, b.duration());
      double fe = phase(b, "frontend");
      double cg = phase(b, "codegen") + phase(b, "link");
      share(sb, fe, b.duration());
      share(sb, cg, b.duration());
      numCell(sb, b.start());
      numCell(sb, b.rmeta() < 0 ? Double.NaN : b.rmeta());
      List<String> parts = new ArrayList<>();
      if (b.fresh()) {
        parts.add("fresh");
      }
      for (Timeline.Phase s : b.phases()) {
        parts.add(sectionLabel(s.name()) + " " + Seconds.ofSeconds(s.end() - s.start()));
      }
      sb.append("<td>").append(esc(String.join(", ", parts))).append("</td>");
      if (features) {
        sb.append("<td>").append(esc(String.join(", ", b.features()))).append("</td>");
      }
      sb.append("<td>").append(b.critical() ? "yes" : "").append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  private static double phase(Timeline.Bar b, String name) {
    double s = 0;
    for (Timeline.Phase p : b.phases()) {
      if (p.name().equals(name)) {
        s += p.end() - p.start();
      }
    }
    return s;
  }

  /** cargo's "1.0s (49%)": seconds and the share of the unit's duration. */
  private static void share(StringBuilder sb, double part, double whole) {
    String s = String.format(Locale.ROOT, "%.3f", part);
    String pct = whole > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100 * part / whole) : "";
    sb.append("<td class=\"num\" data-v=\"")
        .append(s)
        .append("\">")
        .append(s)
        .append(esc(pct))
        .append("</td>");
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
