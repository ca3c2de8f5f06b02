package org.cratesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.cratesim.TestPaths;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium (Debian's package; .ci/run installs it): the
 * timeline is drawn, and a hostile crate name does not run. Skipped when no chromium is found.
 */
class BrowserCheckTest {
  @TempDir Path tmp;

  private static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  private Process chromiumRun(List<String> extra, Path page, Path stdout) throws Exception {
    String bin = chromium();
    assumeTrue(
        bin != null, "chromium is not installed: browser check skipped (.ci/run " + "installs it)");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                bin,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + tmp.resolve("profile"),
                "--window-size=1400,1000",
                "--virtual-time-budget=3000"));
    cmd.addAll(extra);
    cmd.add(page.toUri().toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(tmp.resolve("chromium.err").toFile())
            .start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium timed out");
    return p;
  }

  @Test
  void timelineIsDrawn() throws Exception {
    Scenario sc = ScenarioReader.read(TestPaths.repo().resolve("scenarios/serde-like.toml"));
    Path page = tmp.resolve("serde.html");
    Files.writeString(
        page, HtmlReport.render(sc, BuildSimulator.simulate(sc)), StandardCharsets.UTF_8);
    Path png = tmp.resolve("shot.png");
    Process p = chromiumRun(List.of("--screenshot=" + png), page, tmp.resolve("out.txt"));
    assertEquals(0, p.exitValue());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1400, img.getWidth());
    // the timeline's front-end bars are #95cce8 and its codegen bars #aa95e8 (cargo's colours)
    int frontend = 0;
    int codegen = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        if (rgb == 0x95cce8) {
          frontend++;
        } else if (rgb == 0xaa95e8) {
          codegen++;
        }
      }
    }
    assertTrue(frontend > 2000, "front-end pixels: " + frontend);
    assertTrue(codegen > 500, "codegen pixels: " + codegen);
  }

  @Test
  void hostileCrateNameDoesNotRun() throws Exception {
    String hostile = "<script>document.body.setAttribute('data-pwned','yes')</script>";
    Scenario sc =
        ScenarioReader.parse(
            """
        [build]
        jobs = 2
        [[crate]]
        name = "%s"
        frontend_s = 1.0
        """
                .formatted(hostile),
            "hostile.toml");
    Path page = tmp.resolve("hostile.html");
    Files.writeString(
        page, HtmlReport.render(sc, BuildSimulator.simulate(sc)), StandardCharsets.UTF_8);
    Path dom = tmp.resolve("dom.html");
    Process p = chromiumRun(List.of("--dump-dom"), page, dom);
    assertEquals(0, p.exitValue());
    String text = Files.readString(dom, StandardCharsets.UTF_8);
    assertTrue(text.contains("data-pwned"), "the name is shown as text");
    assertFalse(text.contains("data-pwned=\"yes\""), "the script ran");
  }

  /**
   * A 300-unit build (200 crates, every fourth with a build script whose run takes 0 s) with long
   * names and, every 37th crate, a hostile one.
   */
  static Scenario threeHundredUnits() throws Exception {
    StringBuilder toml = new StringBuilder("name = \"three-hundred\"\n[build]\njobs = 4\n");
    List<String> names = new ArrayList<>();
    for (int k = 0; k < 200; k++) {
      String name =
          k % 37 == 5
              ? "<img src=x onerror=\"document.body.setAttribute('data-pwned','yes')\">" + k
              : (k % 7 == 0 ? "a-rather-long-crate-name-that-cargo-would-cut-" : "crate-") + k;
      names.add(name);
      toml.append("[[crate]]\nname = ").append(quoted(name)).append("\n");
      toml.append(String.format(Locale.ROOT, "frontend_s = %.2f\n", 0.05 + (k * 7 % 13) * 0.1));
      toml.append(String.format(Locale.ROOT, "codegen_s = %.2f\n", (k * 5 % 11) * 0.1));
      if (k % 4 == 0) {
        toml.append("build_script = { compile_s = 0.2, run_s = 0.0 }\n");
      }
      List<String> deps = new ArrayList<>();
      for (int d = 1; d <= 3 && k - d * d >= 0; d++) {
        deps.add(quoted(names.get(k - d * d)));
      }
      toml.append("deps = [").append(String.join(", ", deps)).append("]\n");
    }
    return ScenarioReader.parse(toml.toString(), "three-hundred.toml");
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * The script the test adds to a copy of the page (the copy drops the CSP so that it may run):
   * opens every details element and, after layout, counts the unit names of the per-unit views that
   * are cut, hidden or outside the window, the lane labels wider than their bars, any text of a
   * graph outside it (the -jN label at the right edge, axis labels), and writes the counts on the
   * body.
   */
  private static final String MEASURE =
      String.join(
          "\n",
          "<script>",
          "window.addEventListener('load', function () {",
          "  document.querySelectorAll('details').forEach(function (d) { d.open = true; });",
          "  var bad = [], names = 0, lanes = 0, W = document.documentElement.clientWidth;",
          "  document.querySelectorAll('svg.per-unit text.name, svg.compared text.name')",
          "    .forEach(function (t) {",
          "      names++;",
          "      var r = t.getBoundingClientRect(), s = t.ownerSVGElement.getBoundingClientRect();",
          "      var cs = getComputedStyle(t);",
          "      var full = t.getComputedTextLength() >= t.getSubStringLength(0,",
          "        t.getNumberOfChars()) - 0.5;",
          "      if (r.width <= 0 || cs.display === 'none' || cs.visibility !== 'visible'",
          "          || r.left < s.left - 0.5 || r.right > s.right + 0.5",
          "          || r.left < -0.5 || r.right > W + 0.5 || !full) {",
          "        bad.push(t.textContent);",
          "      }",
          "    });",
          "  document.querySelectorAll('svg.per-unit g.row, svg.compared g.row')",
          "    .forEach(function (g, k, all) {",
          "      var t = g.querySelector('text.name').getBoundingClientRect();",
          "      if (k + 1 < all.length) {",
          "        var n = all[k + 1].querySelector('text.name').getBoundingClientRect();",
          "        if (n.top < t.bottom - 2) { bad.push('overlap ' + k); }",
          "      }",
          "    });",
          "  document.querySelectorAll('svg.timeline text.lane-name').forEach(function (t) {",
          "    lanes++;",
          "    var box = t.parentNode.querySelector('rect.outline').getBoundingClientRect();",
          "    var r = t.getBoundingClientRect();",
          "    if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {",
          "      bad.push('lane ' + t.textContent);",
          "    }",
          "  });",
          "  document.querySelectorAll('svg text').forEach(function (t) {",
          "    var r = t.getBoundingClientRect(), s = t.ownerSVGElement.getBoundingClientRect();",
          "    if (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.right > W + 0.5",
          "        || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5) {",
          "      bad.push('outside its graph: ' + t.textContent);",
          "    }",
          "  });",
          "  document.body.setAttribute('data-names', String(names));",
          "  document.body.setAttribute('data-lane-names', String(lanes));",
          "  document.body.setAttribute('data-bad', String(bad.length));",
          "  var p = document.createElement('pre');",
          "  p.id = 'bad-list';",
          "  p.textContent = bad.slice(0, 20).join('\\n');",
          "  document.body.appendChild(p);",
          "});",
          "</script>");

  /** Lays {@code page} out in Chromium at {@code width} px and returns the measured DOM. */
  private String measured(String page, String name, int width) throws Exception {
    String test =
        page.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
            .replace("</body>", MEASURE + "\n</body>");
    Path file = tmp.resolve(name);
    Files.writeString(file, test, StandardCharsets.UTF_8);
    Path dom = tmp.resolve(name + ".dom");
    Process p = chromiumRun(List.of("--dump-dom", "--window-size=" + width + ",900"), file, dom);
    assertEquals(0, p.exitValue());
    return Files.readString(dom, StandardCharsets.UTF_8);
  }

  private static int attr(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
    assertTrue(m.find(), "the measuring script ran: " + name);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void threeHundredUnits_noNameIsCutOrHidden() throws Exception {
    Scenario sc = threeHundredUnits();
    BuildResult r = BuildSimulator.simulate(sc);
    assertEquals(300, r.units().size());
    String page = HtmlReport.render(sc, r);
    assertTrue(page.contains("<tr><th>Fresh units</th><td>0</td></tr>"), "clean: none fresh");
    for (int width : new int[] {1400, 900}) {
      String dom = measured(page, "300-" + width + ".html", width);
      assertEquals(300, attr(dom, "data-names"), "one name per unit in the per-unit view");
      assertEquals(0, attr(dom, "data-bad"), () -> dom.substring(dom.indexOf("bad-list")));
      // lanes show a name only where it fits whole (checked in data-bad): here bars are narrow
    }
    // the check sees a name pushed out of the window: the same page with its views not scaled
    String unscaled = page.replace("</style>", "svg{max-width:none}\n</style>");
    String dom = measured(unscaled, "300-unscaled.html", 600);
    assertTrue(attr(dom, "data-bad") > 0, "names outside a 600 px window");
  }

  @Test
  void threeHundredUnits_compareView_noNameIsCutOrHidden() throws Exception {
    Scenario sc = threeHundredUnits();
    Comparison c =
        new Comparison(
            sc,
            BuildSimulator.simulate(sc),
            List.of(
                new Comparison.Variant(
                    "-j2", BuildSimulator.simulate(sc.withBuild(sc.build().withJobs(2))))));
    String page = HtmlReport.renderComparison(c);
    String dom = measured(page, "300-compare.html", 1400);
    // the compared view, and the per-unit view of each build in its details
    assertEquals(900, attr(dom, "data-names"));
    assertEquals(0, attr(dom, "data-bad"), () -> dom.substring(dom.indexOf("bad-list")));
  }

  @Test
  void threeHundredUnits_hostileNamesStayInert() throws Exception {
    Scenario sc = threeHundredUnits();
    BuildResult r = BuildSimulator.simulate(sc);
    Comparison c = new Comparison(sc, r, List.of(new Comparison.Variant("same", r)));
    for (String html : List.of(HtmlReport.render(sc, r), HtmlReport.renderComparison(c))) {
      Path page = tmp.resolve("inert.html");
      Files.writeString(page, html, StandardCharsets.UTF_8);
      Path dom = tmp.resolve("inert.dom");
      Process p = chromiumRun(List.of("--dump-dom"), page, dom);
      assertEquals(0, p.exitValue());
      String text = Files.readString(dom, StandardCharsets.UTF_8);
      assertTrue(text.contains("onerror"), "the names are on the page as text");
      assertFalse(text.contains("data-pwned=\"yes\""), "a name ran");
      assertFalse(text.contains("<img"), "a name became an element");
      // the page's own script ran (CSP allows it by its hash): the sortable headings are buttons
      assertTrue(text.contains("<button type=\"button\">"), "the page's script did not run");
    }
  }

  /** Clicks the "start" heading of the unit table twice; records the orders it gives. */
  private static final String SORT =
      String.join(
          "\n",
          "<script>",
          "window.addEventListener('load', function () {",
          "  var t = document.querySelector('table.units.sortable');",
          "  var col = -1;",
          "  Array.prototype.forEach.call(t.tHead.rows[0].cells, function (th, k) {",
          "    if (th.textContent === 'start') { col = k; }",
          "  });",
          "  var order = function () {",
          "    var v = [];",
          "    Array.prototype.forEach.call(t.tBodies[0].rows, function (r) {",
          "      v.push(parseFloat(r.cells[col].getAttribute('data-v')));",
          "    });",
          "    for (var k = 1; k < v.length; k++) {",
          "      if (v[k] > v[k - 1]) { return 'not-desc'; }",
          "    }",
          "    return 'desc';",
          "  };",
          "  var asc = function () {",
          "    var rows = t.tBodies[0].rows;",
          "    for (var k = 1; k < rows.length; k++) {",
          "      if (parseFloat(rows[k].cells[col].getAttribute('data-v'))",
          "          < parseFloat(rows[k - 1].cells[col].getAttribute('data-v'))) {",
          "        return 'not-asc';",
          "      }",
          "    }",
          "    return 'asc';",
          "  };",
          "  var b = t.tHead.rows[0].cells[col].querySelector('button');",
          "  b.click();",
          "  document.body.setAttribute('data-first', order());",
          "  b.click();",
          "  document.body.setAttribute('data-second', asc());",
          "  document.body.setAttribute('data-rows', String(t.tBodies[0].rows.length));",
          "});",
          "</script>");

  @Test
  void unitTable_sortsByAColumnOnClick() throws Exception {
    Scenario sc = ScenarioReader.read(TestPaths.repo().resolve("scenarios/serde-like.toml"));
    BuildResult r = BuildSimulator.simulate(sc);
    String page =
        HtmlReport.render(sc, r)
            .replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
            .replace("</body>", SORT + "\n</body>");
    Path file = tmp.resolve("sort.html");
    Files.writeString(file, page, StandardCharsets.UTF_8);
    Path dom = tmp.resolve("sort.dom");
    Process p = chromiumRun(List.of("--dump-dom"), file, dom);
    assertEquals(0, p.exitValue());
    String text = Files.readString(dom, StandardCharsets.UTF_8);
    assertTrue(text.contains("data-first=\"desc\""), "first click: latest start first");
    assertTrue(text.contains("data-second=\"asc\""), "second click: earliest first");
    assertTrue(text.contains("data-rows=\"" + r.units().size() + "\""), "no row lost");
    assertTrue(text.contains("aria-sort=\"ascending\""));
  }
}
