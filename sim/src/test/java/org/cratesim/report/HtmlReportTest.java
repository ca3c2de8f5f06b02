package org.cratesim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cratesim.TestPaths;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.ChainLink;
import org.cratesim.cli.CratesimCommand;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HtmlReportTest {
  private static final String HOSTILE = "<script>alert(1)</script>";

  @TempDir Path tmp;

  private static Path tiny() {
    return TestPaths.repo().resolve("scenarios/tiny.toml");
  }

  private static int count(String page, String regex) {
    Matcher m = Pattern.compile(regex).matcher(page);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void tiny_timelineHasOneBarPerUnitThatDidWork() throws Exception {
    Scenario sc = ScenarioReader.read(tiny());
    BuildResult r = BuildSimulator.simulate(sc);
    String page = HtmlReport.render(sc, r);
    long worked = r.units().stream().filter(u -> u.durationNanos() > 0).count();
    assertEquals(5, worked);
    assertEquals(1, count(page, "<svg class=\"timeline\""));
    assertEquals(1, count(page, "<svg class=\"concurrency\""));
    assertEquals(worked, count(page, "<g class=\"unit[ \"]"));
    // every bar carries a tooltip with its label, and its sections in cargo's colours
    assertEquals(worked, count(page, "<g class=\"unit[^>]*><title>"));
    assertTrue(page.contains("fill=\"#95cce8\""), "front end colour");
    assertTrue(page.contains("fill=\"#aa95e8\""), "codegen colour");
    assertTrue(page.contains("class=\"link\""), "the bin's link section");
    assertTrue(page.contains(">app bin &quot;app&quot;</text>"));
    for (String s :
        new String[] {
          "Wall time",
          "Dependency bound (unlimited tokens)",
          "Start-up + work / jobs bound",
          "Utilisation",
          "7.088 s",
          "-j4",
          "threads busy",
          "inactive",
          "waiting",
          "active"
        }) {
      assertTrue(page.contains(s), s);
    }
  }

  @Test
  void tiny_criticalPathUnitsAreMarked() throws Exception {
    Scenario sc = ScenarioReader.read(tiny());
    BuildResult r = BuildSimulator.simulate(sc);
    String page = HtmlReport.render(sc, r);
    Set<Integer> onPath = new TreeSet<>();
    for (ChainLink l : r.criticalChain()) {
      if (l.unit() >= 0) {
        onPath.add(l.unit());
      }
    }
    assertEquals(Set.of(0, 1, 3, 4), onPath);
    for (int i = 0; i < r.units().size(); i++) {
      String bar =
          onPath.contains(i)
              ? "<g class=\"unit crit\" id=\"bar-" + i + "\">"
              : "<g class=\"unit\" id=\"bar-" + i + "\">";
      assertTrue(page.contains(bar), bar);
      String row =
          onPath.contains(i)
              ? "<tr id=\"unit-" + i + "\" class=\"crit\">"
              : "<tr id=\"unit-" + i + "\">";
      assertTrue(page.contains(row), row);
    }
    assertEquals(onPath.size(), count(page, "<g class=\"unit crit\""));
    // the critical-path table explains each link
    assertTrue(page.contains("<a href=\"#unit-1\">parser</a>&#39;s .rmeta"));
    assertTrue(page.contains("<a href=\"#unit-3\">engine</a> finished"));
  }

  @Test
  void lanes_areGreedyFirstFree() throws Exception {
    Scenario sc = ScenarioReader.read(tiny());
    BuildResult r = BuildSimulator.simulate(sc);
    // core-types 0.2-2.063, parser and net from 1.2, engine from 3.2, app from 5.863
    assertArrayEquals(new int[] {0, 1, 2, 0, 0}, HtmlReport.lanes(r));
  }

  @Test
  void tiny_pageIsSelfContained() throws Exception {
    Scenario sc = ScenarioReader.read(tiny());
    String page = HtmlReport.render(sc, BuildSimulator.simulate(sc));
    String lower = page.toLowerCase(Locale.ROOT);
    assertTrue(page.startsWith("<!DOCTYPE html>\n"));
    assertTrue(page.contains("<meta charset=\"utf-8\">"));
    // the one script is allowed by its hash, nothing else is
    String script = HtmlReport.SCRIPT;
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
    assertTrue(
        page.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                + "'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
                + hash
                + "';\">"));
    assertEquals(1, count(lower, "<script"), "one script");
    assertTrue(page.contains("<script>" + script + "</script>"), "the script is the hashed one");
    lower = lower.replace("<script>" + script.toLowerCase(Locale.ROOT) + "</script>", "");
    for (String bad :
        new String[] {
          "http://",
          "https://",
          "src=",
          "<script",
          "innerhtml",
          "<link",
          "@import",
          "url(",
          "<iframe",
          "<object",
          "<img"
        }) {
      assertFalse(lower.contains(bad), bad);
    }
    Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
    while (m.find()) {
      assertTrue(m.group(1).startsWith("#unit-"), m.group(1));
    }
  }

  @Test
  void render_isDeterministic() throws Exception {
    Scenario sc = ScenarioReader.read(tiny());
    String a = HtmlReport.render(sc, BuildSimulator.simulate(sc));
    String b =
        HtmlReport.render(
            ScenarioReader.read(tiny()), BuildSimulator.simulate(ScenarioReader.read(tiny())));
    assertEquals(a, b);
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals(a, HtmlReport.render(sc, BuildSimulator.simulate(sc)));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void hostileCrateNames_appearAsText() throws Exception {
    Scenario sc =
        ScenarioReader.parse(
            "name = \"x<b>&y\"\n[build]\njobs = 2\n"
                + "[[crate]]\nname = \""
                + HOSTILE.replace("\"", "\\\"")
                + "\"\nfrontend_s = 1\n"
                + "codegen_s = 1\n"
                + "[[crate]]\nname = \"q\\\"uo'te&amp\"\ndeps = [\""
                + HOSTILE
                + "\"]\n"
                + "frontend_s = 1\ncodegen_s = 1\n",
            "x.toml");
    assertEquals(HOSTILE, sc.crates().get(0).name());
    String page = HtmlReport.render(sc, BuildSimulator.simulate(sc));
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // the page's own script is the only one
    assertEquals(1, count(page.toLowerCase(Locale.ROOT), "<script"));
    assertEquals(1, count(page, "</script"));
    assertTrue(page.contains("<script>" + HtmlReport.SCRIPT + "</script>"));
    assertFalse(page.contains("<b>"));
    assertTrue(page.contains("x&lt;b&gt;&amp;y"), "scenario name escaped");
    assertTrue(page.contains("q&quot;uo&#39;te&amp;amp"), "quotes and ampersand escaped");
    assertFalse(page.contains("q\"uo"));
    assertFalse(page.contains("uo'te"));
    // in the tooltip, the bar label, the critical path and the unit table
    assertTrue(count(page, Pattern.quote("&lt;script&gt;alert(1)&lt;/script&gt;")) >= 4);
  }

  private static int exec(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = CratesimCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void cli_run_html_writesThePage() throws Exception {
    Path file = tmp.resolve("report.html");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = exec(out, err, "run", tiny().toString(), "--html", file.toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("Wall time"), "the normal report still goes to stdout");
    String page = Files.readString(file, StandardCharsets.UTF_8);
    Scenario sc = ScenarioReader.read(tiny());
    assertEquals(HtmlReport.render(sc, BuildSimulator.simulate(sc)), page);
  }

  @Test
  void cli_run_html_warmBuild_barsOnlyForUnitsThatDidWork() throws Exception {
    Path file = tmp.resolve("warm.html");
    StringWriter err = new StringWriter();
    int code =
        exec(
            new StringWriter(),
            err,
            "run",
            tiny().toString(),
            "--build-kind",
            "warm",
            "--html",
            file.toString());
    assertEquals(0, code, err.toString());
    String page = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(1, count(page, "<g class=\"unit[ \"]"), "only the workspace bin is rebuilt");
    assertTrue(page.contains("<tr><th>Fresh units</th><td>4</td></tr>"), "cargo's count");
    assertTrue(page.contains("<tr><th>Dirty units</th><td>1</td></tr>"));
  }

  @Test
  void cli_run_html_unwritable_isBadInput() {
    Path file = tmp.resolve("no/such/dir/report.html");
    StringWriter err = new StringWriter();
    int code = exec(new StringWriter(), err, "run", tiny().toString(), "--html", file.toString());
    assertEquals(CratesimCommand.EXIT_BAD_INPUT, code);
    assertTrue(err.toString().startsWith("cratesim: error: --html: cannot write "), err.toString());
  }

  /** The labels of the per-unit view in page order. */
  private static List<String> perUnitLabels(String page) {
    int from = page.indexOf("<svg class=\"per-unit\"");
    int to = page.indexOf("</svg>", from);
    Matcher m =
        Pattern.compile("<text class=\"name\"[^>]*>([^<]*)</text>")
            .matcher(page.substring(from, to));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void tiny_perUnitView_oneRowPerUnitInStartOrder_nameAndDurationOnTheBar() throws Exception {
    Scenario sc = ScenarioReader.read(tiny());
    BuildResult r = BuildSimulator.simulate(sc);
    String page = HtmlReport.render(sc, r);
    // cargo's label: name, target, duration; rows by start (then index)
    assertEquals(
        List.of(
            "core-types: 1.86s",
            "parser: 3.00s",
            "net: 1.50s",
            "engine: 2.66s",
            "app bin &quot;app&quot;: 1.23s"),
        perUnitLabels(page));
    // the units each one unblocked: a dependency line per edge, shown on hover or by the toggle
    int edges =
        r.units().stream()
            .mapToInt(u -> u.unblockedUnits().size() + u.unblockedRmetaUnits().size())
            .sum();
    assertTrue(edges > 0);
    int from = page.indexOf("<svg class=\"per-unit\"");
    String view = page.substring(from, page.indexOf("</svg>", from));
    assertEquals(edges, count(view, "<path class=\"dep\""));
    assertTrue(page.contains("<input type=\"checkbox\" class=\"deps\" id=\"deps\">"));
    assertTrue(page.contains("input.deps:checked~.graph .dep{display:inline}"));
    assertTrue(page.contains("svg g.row:hover .dep{display:inline"));
  }

  @Test
  void unitTable_sortedByDurationLongestFirst_sortableHeadings() throws Exception {
    Scenario sc = ScenarioReader.read(TestPaths.repo().resolve("scenarios/serde-like.toml"));
    BuildResult r = BuildSimulator.simulate(sc);
    String page = HtmlReport.render(sc, r);
    String table = page.substring(page.indexOf("<table class=\"units sortable\">"));
    table = table.substring(0, table.indexOf("</table>"));
    assertTrue(table.contains("<th data-sort=\"num\" aria-sort=\"descending\">duration</th>"));
    Matcher m = Pattern.compile("<tr id=\"unit-(\\d+)\"").matcher(table);
    List<Long> durations = new ArrayList<>();
    while (m.find()) {
      durations.add(r.units().get(Integer.parseInt(m.group(1))).durationNanos());
    }
    assertEquals(r.units().size(), durations.size());
    for (int k = 1; k < durations.size(); k++) {
      assertTrue(durations.get(k - 1) >= durations.get(k), "by duration, longest first");
    }
  }

  @Test
  void freshUnits_countedAsCargoCountsThem_notZeroSecondScriptRuns() throws Exception {
    String toml =
        "[build]\njobs = 2\n[[crate]]\nname = \"a\"\nfrontend_s = 1\n"
            + "build_script = { compile_s = 0.2, run_s = 0.0 }\n"
            + "[[crate]]\nname = \"b\"\ndeps = [\"a\"]\nfrontend_s = 1\n";
    Scenario clean = ScenarioReader.parse(toml, "fresh.toml");
    BuildResult r = BuildSimulator.simulate(clean);
    assertTrue(r.units().stream().anyMatch(u -> u.durationNanos() == 0), "a 0-second script run");
    String page = HtmlReport.render(clean, r);
    assertTrue(page.contains("<tr><th>Fresh units</th><td>0</td></tr>"), "a clean build");
    assertTrue(page.contains("<tr><th>Dirty units</th><td>4</td></tr>"));
    assertTrue(page.contains("<tr><th>Total units</th><td>4 ("));
    Scenario noop =
        ScenarioReader.parse(
            toml.replace("jobs = 2\n", "jobs = 2\nkind = \"noop\"\n"), "noop.toml");
    String again = HtmlReport.render(noop, BuildSimulator.simulate(noop));
    assertTrue(again.contains("<tr><th>Fresh units</th><td>4</td></tr>"), "a no-op build");
    assertTrue(again.contains("<tr><th>Dirty units</th><td>0</td></tr>"));
  }

  @Test
  void summary_hasCargosRows() throws Exception {
    Scenario sc = ScenarioReader.read(tiny());
    String page = HtmlReport.render(sc, BuildSimulator.simulate(sc));
    for (String row :
        new String[] {
          "<tr><th>Targets</th><td>app 0.1.0 (bin)</td></tr>",
          "<tr><th>Profile</th><td>dev</td></tr>",
          "<tr><th>Max concurrency</th><td>3 (jobs=4)</td></tr>",
          "<tr><th>Build start</th>",
          "<tr><th>Total time</th><td>7.088 s</td></tr>",
          "<tr><th>rustc</th>",
          "<tr><th>Host</th>"
        }) {
      assertTrue(page.contains(row), row);
    }
  }

  @Test
  void cli_predict_html_measuredAndPredictedOnOneAxis() throws Exception {
    Path pageFile =
        TestPaths.repo()
            .resolve("sim/src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.html");
    Path file = tmp.resolve("predict.html");
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    int code = exec(out, err, "predict", pageFile.toString(), "-j", "2", "--html", file.toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("predicted at -j2"), "the text report still printed");
    String page = Files.readString(file, StandardCharsets.UTF_8);
    TimingsPage p = TimingsReader.read(pageFile);
    int units = p.units().size();
    // one row per unit, a bar of each build in it; the difference table has a row per unit
    int from = page.indexOf("<svg class=\"compared\"");
    String view = page.substring(from, page.indexOf("</svg>", from));
    assertEquals(units, count(view, "<g class=\"row\">"));
    assertEquals(2 * units, count(view, "<rect class=\"box\""));
    String diff = page.substring(page.indexOf("<table class=\"units sortable diff\">"));
    diff = diff.substring(0, diff.indexOf("</table>"));
    assertEquals(units, count(diff, "<tr><td>"));
    assertTrue(diff.contains("\u0394 duration"));
    assertTrue(
        page.contains("<tr><th>rustc</th><td>rustc 1.95.0 (59807616e 2026-04-14)</td></tr>"));
    // the measured page's features reach the table (cargo's Features column)
    assertTrue(diff.contains("<th>features</th>"));
    assertTrue(
        diff.contains(
            "<td>color, default, derive, error-context, help, std, suggestions, usage</td>"),
        "clap's features");
    // the labels show measured -> predicted durations
    assertTrue(view.contains("clap: 2.14s \u2192 "), "clap's measured duration on its label");
  }

  @Test
  void cli_compare_html_baselineAndEachStrategy() throws Exception {
    Path file = tmp.resolve("compare.html");
    StringWriter err = new StringWriter();
    int code =
        exec(
            new StringWriter(),
            err,
            "compare",
            TestPaths.repo().resolve("scenarios/serde-like.toml").toString(),
            "--strategy",
            "precompiled-proc-macros",
            "--strategy",
            "expansion-cache",
            "--html",
            file.toString());
    assertEquals(0, code, err.toString());
    String page = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(page.contains("baseline and precompiled-proc-macros and expansion-cache"));
    int from = page.indexOf("<svg class=\"compared\"");
    String view = page.substring(from, page.indexOf("</svg>", from));
    int rows = count(view, "<g class=\"row\">");
    assertTrue(rows > 0);
    // every build's own page, ids kept unique
    assertEquals(3, count(page, "<details>"));
    Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(page);
    Set<String> seen = new TreeSet<>();
    while (ids.find()) {
      assertTrue(seen.add(ids.group(1)), "id used twice: " + ids.group(1));
    }
  }

  @Test
  void cli_compare_html_unwritable_isBadInputAndWritesNothing() {
    Path file = tmp.resolve("no/such/dir/c.html");
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    int code =
        exec(
            out,
            err,
            "compare",
            tiny().toString(),
            "--strategy",
            "expansion-cache",
            "--html",
            file.toString());
    assertEquals(CratesimCommand.EXIT_BAD_INPUT, code);
    assertEquals("", out.toString());
  }

  @Test
  void cli_run_page_html_summaryFromThePage() throws Exception {
    Path pageFile =
        TestPaths.repo()
            .resolve("sim/src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.html");
    Path file = tmp.resolve("run-page.html");
    StringWriter err = new StringWriter();
    int code = exec(new StringWriter(), err, "run", pageFile.toString(), "--html", file.toString());
    assertEquals(0, code, err.toString());
    String page = Files.readString(file, StandardCharsets.UTF_8);
    // cargo's page: Targets logscan, Profile dev, Fresh units 0, Dirty units 58, rustc 1.95.0
    assertTrue(page.contains("<tr><th>Targets</th><td>logscan (the page&#39;s)</td></tr>"));
    assertTrue(page.contains("<tr><th>Fresh units</th><td>0</td></tr>"));
    assertTrue(page.contains("<tr><th>Dirty units</th><td>58</td></tr>"));
    assertTrue(page.contains("rustc 1.95.0 (59807616e 2026-04-14)"));
    assertTrue(page.contains("(x86_64-unknown-linux-gnu, ncpu=2)"), page);
    assertTrue(page.contains("the page&#39;s build started 2026-11-21T01:07:09.192808353Z"));
  }

  @Test
  void cli_predict_html_severalJobs_aBarPerBuild() throws Exception {
    Path pageFile =
        TestPaths.repo()
            .resolve("sim/src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.html");
    Path file = tmp.resolve("predict24.html");
    StringWriter err = new StringWriter();
    int code =
        exec(
            new StringWriter(),
            err,
            "predict",
            pageFile.toString(),
            "-j",
            "2,4",
            "--html",
            file.toString());
    assertEquals(0, code, err.toString());
    String page = Files.readString(file, StandardCharsets.UTF_8);
    int units = TimingsReader.read(pageFile).units().size();
    int from = page.indexOf("<svg class=\"compared\"");
    String view = page.substring(from, page.indexOf("</svg>", from));
    assertEquals(3 * units, count(view, "<rect class=\"box\""), "measured, -j2, -j4");
    assertTrue(page.contains("<th>Predicted at -j2</th>"));
    assertTrue(page.contains("<th>Predicted at -j4</th>"));
    assertEquals(2, count(page, "<details>"));
  }
}
