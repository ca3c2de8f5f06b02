package org.cratesim.timings;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cratesim.timings.PageUnit.Kind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimingsReaderTest {

  private static final double EPS = 1e-9;
  private static final Pattern JOBS_IN_NAME = Pattern.compile("-j(\\d+)(?:-|\\.)");

  // ---- samples copied from own-2core-2026 (cargo 1.95) ---------------------------------------

  @Test
  void readJson_cargo195Sample_readsEnvelopeAndUnits() throws Exception {
    TimingsPage page = TimingsReader.read(resource("own-2core-2026/cli-clean-dev-j1-r2.json"));

    assertAll(
        () -> assertEquals("clean-dev-j1-r2.timings.html", page.source()),
        () -> assertEquals(TimingsPage.JSON_195, page.format()),
        () -> assertEquals("1.95", page.generation()),
        () -> assertEquals(1, page.jobs()),
        () -> assertEquals(2, page.ncpu()),
        () -> assertEquals("dev", page.profile()),
        () -> assertEquals("rustc 1.95.0 (59807616e 2026-04-14)", page.rustc()),
        () -> assertEquals(15.37, page.totalSeconds(), EPS),
        () -> assertEquals(58, page.units().size()),
        () -> assertSortedByStartThenIndex(page.units()));
  }

  @Test
  void read_cargo195HtmlPage_matchesItsJsonTwin() throws Exception {
    TimingsPage html = TimingsReader.read(resource("own-2core-2026/cli-clean-dev-j1-r2.html"));
    TimingsPage json = TimingsReader.read(resource("own-2core-2026/cli-clean-dev-j1-r2.json"));

    assertEquals(TimingsPage.HTML_195, html.format());
    assertEquals("cli-clean-dev-j1-r2.html", html.source());
    assertSameBuild(json, html);
    // cargo's summary rows the HTML report repeats: the rustc row's host, the build start
    assertEquals("x86_64-unknown-linux-gnu", html.host());
    assertEquals("2026-11-21T01:07:09.192808353Z", html.buildStart());
    assertEquals("rustc 1.95.0 (59807616e 2026-04-14)", html.rustc());
  }

  @Test
  void read_cargo195Sections_rmetaTimeIsTheFrontendEnd() throws Exception {
    TimingsPage page = TimingsReader.read(resource("own-2core-2026/cli-clean-dev-j1-r2.json"));
    PageUnit unicodeIdent = page.unit(56).orElseThrow();

    assertEquals(List.of("frontend", "codegen"), List.copyOf(unicodeIdent.sections().keySet()));
    assertEquals(0.02, unicodeIdent.rmetaTime(), EPS);
    assertEquals(List.of(26), unicodeIdent.unblockedRmetaUnits());
    for (PageUnit unit : page.units()) {
      if (unit.sections().containsKey("frontend")) {
        assertEquals(unit.sections().get("frontend")[1], unit.rmetaTime(), EPS, unit.name());
      } else {
        assertNull(unit.rmetaTime(), unit.name());
      }
    }
  }

  @Test
  void kind_cargo195Sample_classifiesEveryUnit() throws Exception {
    TimingsPage page = TimingsReader.read(resource("own-2core-2026/cli-clean-dev-j1-r2.json"));
    Map<Kind, Long> kinds =
        page.units().stream()
            .collect(Collectors.groupingBy(PageUnit::kind, TreeMap::new, Collectors.counting()));
    Set<String> procMacros =
        page.units().stream()
            .filter(PageUnit::isProbablyProcMacro)
            .map(PageUnit::name)
            .collect(Collectors.toSet());
    PageUnit bin =
        page.units().stream().filter(u -> u.kind() == Kind.BIN).findFirst().orElseThrow();

    assertEquals(
        Map.of(
            Kind.LIB,
            31L,
            Kind.BUILD_SCRIPT_COMPILE,
            13L,
            Kind.BUILD_SCRIPT_RUN,
            13L,
            Kind.BIN,
            1L),
        kinds);
    assertEquals(
        Set.of("serde_derive", "clap_derive", "thiserror-impl", "proc-macro-error-attr"),
        procMacros);
    assertEquals("logscan", bin.targetName());
    assertFalse(bin.isCheck());
  }

  @Test
  void read_cargo195CheckPage_readsCheckedBinary() throws Exception {
    TimingsPage html = TimingsReader.read(resource("own-2core-2026/mono-check-j1-r2.html"));
    TimingsPage json = TimingsReader.read(resource("own-2core-2026/mono-check-j1-r2.json"));
    PageUnit mono = html.units().get(0);

    assertSameBuild(json, html);
    assertEquals(Kind.CHECK_BIN, mono.kind());
    assertTrue(mono.isCheck());
    assertEquals("mono", mono.targetName());
    assertEquals(4.16, mono.rmetaTime(), EPS);
    assertEquals(4.29, html.totalSeconds(), EPS);
  }

  // ---- target strings ------------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] \"{0}\" mode {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "''                            | todo             | LIB                  | false | ",
        "' lib (check)'                | todo             | CHECK_LIB            | true  | ",
        "' (check)'                    | todo             | CHECK_LIB            | true  | ",
        "' build script'               | todo             | BUILD_SCRIPT_COMPILE | false | ",
        "' build-script'               | todo             | BUILD_SCRIPT_COMPILE | false | ",
        "' build script (run)'         | run-custom-build | BUILD_SCRIPT_RUN     | false | ",
        "' build-script (run)'         | run-custom-build | BUILD_SCRIPT_RUN     | false | ",
        "' bin \"ripgrep\"'            | todo             | BIN                  | false | ripgrep",
        "' bin \"rg\" (check)'         | todo             | CHECK_BIN            | true  | rg",
        "' logscan \"bin\"'            | todo             | BIN                  | false | logscan",
        "' logscan \"bin\" (check)'    | todo             | CHECK_BIN            | true  | logscan",
        "' m09 \"bin\"'                | todo             | BIN                  | false | m09",
        "' lib (test)'                 | todo             | TEST                 | false | ",
        "' (test)'                     | todo             | TEST                 | false | ",
        "' test \"integration\"'       | todo             | TEST                 | false | integration",
        "' integration \"test\"'       | todo             | TEST                 | false | integration",
        "' bench \"speed\"'            | todo             | TEST                 | false | speed",
        "' bin \"x\" (check-test)'     | todo             | TEST                 | true  | x",
        "' lib (doc)'                  | todo             | OTHER                | false | ",
        "' example \"demo\"'           | todo             | OTHER                | false | demo",
        "' something new'              | todo             | OTHER                | false | ",
        "' bin \"a (b)\" (check)'      | todo             | CHECK_BIN            | true  | a (b)",
      })
  void kind_targetString_isClassified(
      String target, String mode, Kind kind, boolean check, String name) {
    PageUnit unit = unit(0, target.replace("\\\"", "\""), mode, 0, 1, null);

    assertEquals(kind, unit.kind());
    assertEquals(check, unit.isCheck());
    assertEquals(name, unit.targetName());
  }

  @Test
  void isProbablyProcMacro_libWithoutRmeta_isTrueOnlyWhenBuilt() {
    assertTrue(unit(0, "", "todo", 0, 1.2, null).isProbablyProcMacro());
    assertFalse(unit(0, "", "todo", 0, 1.2, 0.8).isProbablyProcMacro());
    assertFalse(unit(0, "", "todo", 0, 0.0, null).isProbablyProcMacro());
    assertFalse(unit(0, " lib (check)", "todo", 0, 1.2, null).isProbablyProcMacro());
  }

  // ---- hostile and broken input --------------------------------------------------------------

  @Test
  void readHtml_crateNamedLikeAScript_keepsNamesAsPlainText() throws Exception {
    TimingsPage page = TimingsReader.read(resource("broken/script-name.html"));

    assertEquals(TimingsPage.HTML_195, page.format());
    assertEquals(List.of(1, 2), page.units().stream().map(PageUnit::i).toList());
    assertEquals("<script>alert(1)</script>", page.units().get(0).name());
    assertEquals(List.of("</script><script>alert(2)</script>"), page.units().get(0).features());
    assertEquals("app \"bin\" ]}];", page.units().get(1).name());
    assertEquals(Kind.BIN, page.units().get(1).kind());
    assertEquals(2, page.jobs());
    assertEquals(0.5, page.totalSeconds(), EPS);
  }

  @Test
  void readJson_crateNamedLikeAScript_keepsNamesAsPlainText() throws Exception {
    TimingsPage page = TimingsReader.read(resource("broken/script-name.json"));

    assertEquals(TimingsPage.JSON_160, page.format());
    assertEquals("<script>alert(1)</script>", page.units().get(0).name());
    assertEquals("<script>alert(0)</script>.html", page.source());
    assertNull(page.ncpu());
    assertEquals("rustc 1.60.0-nightly (21b4a9cfd 2022-01-27)", page.rustc());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no-unit-data.html        | no UNIT_DATA found (is this a cargo --timings page?)",
        "no-jobs.html             | no jobs= in the summary table",
        "malformed-unit-data.html | line 25: malformed UNIT_DATA JSON: Unexpected character",
        "dangling.json            | unit 12 lists unblocked unit 99, which does not exist",
        "unknown-format.json      | unknown timings format (units have neither unlocked_units nor unblocked_units)",
        "malformed.json           | line 3: malformed JSON: Unexpected character",
        "empty-units.json         | no units (the units list is empty)",
        "duplicate-index.json     | unit index 3 is used by more than one unit",
        "negative-duration.json   | unit 0 has duration -0.4, expected a number >= 0",
        "not-an-envelope.json     | expected a JSON object with a units array",
        "empty.json               | file is empty",
        "binary.dat               | no UNIT_DATA found",
      })
  void read_brokenFile_throwsOneLineMessageNamingTheFile(String file, String expected) {
    TimingsFormatException error =
        assertThrows(
            TimingsFormatException.class, () -> TimingsReader.read(resource("broken/" + file)));

    assertOneLineAbout(file, expected, error);
  }

  @Test
  void readHtml_truncatedUnitData_saysWhereItEnds() throws Exception {
    Path file = resource("broken/truncated.html");
    int length = Files.readString(file).length();

    TimingsFormatException error =
        assertThrows(TimingsFormatException.class, () -> TimingsReader.read(file));

    assertOneLineAbout("truncated.html", "UNIT_DATA is truncated at character " + length, error);
  }

  @Test
  void read_missingFileOrDirectory_throwsOneLineMessage(@TempDir Path dir) {
    TimingsFormatException missing =
        assertThrows(
            TimingsFormatException.class, () -> TimingsReader.read(dir.resolve("gone.json")));
    TimingsFormatException directory =
        assertThrows(TimingsFormatException.class, () -> TimingsReader.read(dir));

    assertOneLineAbout("gone.json", "no such file", missing);
    assertOneLineAbout(dir.getFileName().toString(), "is a directory", directory);
  }

  @ParameterizedTest(name = "[{index}] {0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "4 (jobs=4 ncpu=n/a) | 83.4s (1m 23.4s) | 83.41 | 4 |    | 83.41",
        "1 (jobs=16 ncpu=32) | 1m 23.4s         | 83.38 | 16 | 32 | 83.38",
        "2 (jobs=2 ncpu=2)   | 12.0s            | 9.5   | 2 | 2  | 12.0",
        "2 (jobs=2 ncpu=2)   | soon             | 9.5   | 2 | 2  | 9.5",
      })
  void readHtml_summaryVariants_readsJobsNcpuAndTotal(
      String concurrency, String totalText, double lastEnd, int jobs, Integer ncpu, double total)
      throws Exception {
    String html =
        "<table class=\"my-table summary-table\">\n<tr>\n<td>Max concurrency:</td><td>"
            + concurrency
            + "</td>\n</tr>\n<tr>\n<td>Total time:</td><td>"
            + totalText
            + "</td>\n</tr>\n</table>\n<script>\n"
            + "const UNIT_DATA = [{\"i\": 0, \"name\": \"a\", \"version\": \"1.0.0\", \"mode\": \"todo\", "
            + "\"target\": \"\", \"start\": 0.5, \"duration\": "
            + (lastEnd - 0.5)
            + ", \"rmeta_time\": null, "
            + "\"unlocked_units\": [], \"unlocked_rmeta_units\": []}];\n</script>\n";

    TimingsPage page = TimingsReader.readHtml(html, "summary.html");

    assertEquals(jobs, page.jobs());
    assertEquals(ncpu, page.ncpu());
    assertEquals(total, page.totalSeconds(), EPS);
    assertEquals(TimingsPage.HTML_160, page.format());
    assertNull(page.profile());
    assertNull(page.rustc());
  }

  @Test
  void readJson_multiLineParserMessage_isCollapsedToOneLine() {
    String text = "{\"units\": [\n\n  {\"i\": 0, \"name\": \"a\u0001b\"}]}";

    TimingsFormatException error =
        assertThrows(
            TimingsFormatException.class, () -> TimingsReader.readJson(text, "control.json"));

    assertOneLineAbout("control.json", "line 3: malformed JSON", error);
  }

  @Test
  void readJson_wrongFieldType_namesTheUnitAndField() {
    String text =
        "{\"jobs\": 1, \"units\": [{\"i\": 4, \"name\": \"a\", \"version\": \"1\", \"target\": \"\","
            + " \"start\": \"soon\", \"duration\": 1, \"unblocked_units\": []}]}";

    TimingsFormatException error =
        assertThrows(
            TimingsFormatException.class, () -> TimingsReader.readJson(text, "types.json"));

    assertOneLineAbout("types.json", "unit 4: start is not a number but a string", error);
  }

  @Test
  void timingsPage_constructedDirectly_validatesAndSortsUnits() {
    PageUnit late = unit(1, "", "todo", 2.0, 1.0, null);
    PageUnit early = unit(7, "", "todo", 0.5, 1.0, null);
    PageUnit dangling =
        new PageUnit(2, "x", "1", "todo", "", List.of(), 0, 1, null, null, List.of(5), List.of());

    TimingsPage page =
        new TimingsPage("s", 1, null, null, null, 3.0, TimingsPage.JSON_195, List.of(late, early));

    assertEquals(List.of(early, late), page.units());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TimingsPage("s", 1, null, null, null, 1, TimingsPage.JSON_195, List.of(dangling)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TimingsPage("s", 1, null, null, null, 1, TimingsPage.JSON_195, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TimingsPage("s", 1, null, null, null, 1, "csv", List.of(early)));
  }

  @Test
  void pageUnit_equalSections_compareEqualByValue() {
    Map<String, double[]> sections = new LinkedHashMap<>();
    sections.put("frontend", new double[] {0, 0.5});
    PageUnit a = new PageUnit(0, "a", "1", "todo", "", null, 0, 1, 0.5, sections, null, null);
    PageUnit b =
        new PageUnit(
            0,
            "a",
            "1",
            "todo",
            "",
            null,
            0,
            1,
            0.5,
            Map.of("frontend", new double[] {0, 0.5}),
            null,
            null);
    sections.get("frontend")[1] = 9;

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(0.5, a.sections().get("frontend")[1], EPS);
  }

  // ---- the whole ground-truth folder (read in place from ../shared) --------------------------

  /** One pass over the ~2600 files (JSON and HTML, both generations): a few seconds. */
  @Test
  void read_everyGroundTruthFile_parsesWithSaneValuesAndKnownTargets() throws Exception {
    Path groundTruth = groundTruth();
    List<Path> files = timingsFiles(groundTruth);
    List<String> failures = new ArrayList<>();
    Map<String, Integer> formats = new TreeMap<>();
    Map<String, Kind> kinds = new TreeMap<>();

    for (Path file : files) {
      try {
        TimingsPage page = TimingsReader.read(file);
        formats.merge(page.format(), 1, Integer::sum);
        sanityProblem(file, page).ifPresent(failures::add);
        page.units()
            .forEach(
                u ->
                    kinds.put(
                        u.target().replaceAll("\"[^\"]*\"", "\"*\"") + " / " + u.mode(), u.kind()));
      } catch (TimingsFormatException e) {
        failures.add(e.getMessage());
      }
    }

    assertTrue(
        files.size() > 2500, "expected the ~2600 ground-truth timing files, found " + files.size());
    assertEquals(
        List.of(),
        failures.subList(0, Math.min(20, failures.size())),
        failures.size() + " failures");
    assertEquals(
        Set.of(
            TimingsPage.JSON_160, TimingsPage.JSON_195, TimingsPage.HTML_160, TimingsPage.HTML_195),
        formats.keySet());
    assertEquals(2334, formats.get(TimingsPage.JSON_160));
    assertEquals(30, formats.get(TimingsPage.HTML_160));
    assertEquals(4, formats.get(TimingsPage.HTML_195));
    assertFalse(kinds.containsValue(Kind.OTHER), kinds.toString());
    assertEquals(Kind.CHECK_LIB, kinds.get(" (check) / todo"));
    assertEquals(Kind.BUILD_SCRIPT_RUN, kinds.get(" build script (run) / run-custom-build"));
    assertEquals(Kind.BIN, kinds.get(" bin \"*\" / todo"));
  }

  @Test
  void read_lqdHtmlSamples_matchTheirExtractedJsonTwins() throws Exception {
    Path lqd = groundTruth().resolve("lqd-epyc-2022");
    List<Path> pages = list(lqd.resolve("html-samples"), ".html");

    for (Path page : pages) {
      String jsonName = page.getFileName().toString().replace(".html", ".json");
      Path twin =
          list(lqd, "").stream()
              .map(round -> round.resolve(jsonName))
              .filter(Files::isRegularFile)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no twin " + jsonName));
      TimingsPage html = TimingsReader.read(page);
      TimingsPage json = TimingsReader.read(twin);

      assertEquals(TimingsPage.HTML_160, html.format());
      assertEquals(json.source(), html.source());
      assertSameBuild(json, html);
    }
    assertEquals(30, pages.size());
  }

  @Test
  void read_ownHtmlSamples_matchTheirExtractedJsonTwins() throws Exception {
    Path own = groundTruth().resolve("own-2core-2026");
    List<Path> pages = list(own.resolve("html-samples"), ".html");

    for (Path page : pages) {
      String name = page.getFileName().toString().replace(".html", ".json");
      String workspace =
          Stream.of("macro-heavy", "cli", "async", "mono", "split")
              .filter(ws -> name.startsWith(ws + "-"))
              .findFirst()
              .orElseThrow();
      String run = name.substring(workspace.length() + 1);
      Path twin =
          Stream.of("timings", "precompiled-macros")
              .map(dir -> own.resolve(workspace).resolve(dir).resolve(run))
              .filter(Files::isRegularFile)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no twin " + name));

      assertSameBuild(TimingsReader.read(twin), TimingsReader.read(page));
    }
    assertEquals(4, pages.size());
  }

  @Test
  void read_groundTruth_rmetaTimeComesFromRmetaTimeOr195Sections() throws Exception {
    Path groundTruth = groundTruth();
    TimingsPage old =
        TimingsReader.read(
            groundTruth.resolve(
                "lqd-epyc-2022/round-11-cargo-timing-check-j8/cargo-timing-clap-3.0.13-check-j8.json"));
    TimingsPage current =
        TimingsReader.read(
            groundTruth.resolve("own-2core-2026/cli/timings/clean-release-j2-r1.json"));

    PageUnit hashbrown = old.unit(2).orElseThrow();
    assertEquals(0.54, hashbrown.rmetaTime(), EPS);
    assertTrue(old.units().stream().allMatch(u -> u.sections().isEmpty()));
    long withSections = current.units().stream().filter(u -> !u.sections().isEmpty()).count();
    assertTrue(withSections > 10, "sections in a release build: " + withSections);
    for (PageUnit unit : current.units()) {
      Double expected = unit.sections().isEmpty() ? null : unit.sections().get("frontend")[1];
      assertEquals(expected, unit.rmetaTime(), unit.name());
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The ground-truth folder under the shared folder; skips the calling test when it is absent. */
  static Path groundTruth() {
    String property = System.getProperty("cratesim.shared");
    Path shared =
        Stream.of(property, "../../shared", "../shared")
            .filter(p -> p != null && !p.isBlank())
            .map(Path::of)
            .filter(p -> Files.isDirectory(p.resolve("groundtruth")))
            .findFirst()
            .orElse(Path.of("../shared"));
    Path dir = shared.resolve("groundtruth");
    Assumptions.assumeTrue(
        Files.isDirectory(dir),
        "../shared/groundtruth not present: skipping tests on the lqd dataset");
    return dir;
  }

  /** A file under {@code src/test/resources/timings/}. */
  static Path resource(String name) {
    URL url = TimingsReaderTest.class.getResource("/timings/" + name);
    assertNotNull(url, "missing test resource timings/" + name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertOneLineAbout(String file, String expected, TimingsFormatException error) {
    String message = error.getMessage();
    assertFalse(message.contains("\n") || message.contains("\r"), "not one line: " + message);
    assertTrue(message.startsWith(file + ": "), "does not start with the file name: " + message);
    assertTrue(message.contains(expected), "expected '" + expected + "' in: " + message);
    assertFalse(
        message.contains("\tat ") || message.contains("Exception:"),
        "leaks a stack trace: " + message);
  }

  private static List<Path> timingsFiles(Path groundTruth) throws IOException {
    try (Stream<Path> walk = Files.walk(groundTruth)) {
      return walk.filter(Files::isRegularFile)
          .filter(TimingsReaderTest::isTimingsFile)
          .sorted()
          .toList();
    }
  }

  private static boolean isTimingsFile(Path file) {
    String name = file.getFileName().toString();
    String folder = file.getParent().getFileName().toString();
    return name.endsWith(".html")
        || name.endsWith(".json")
            && (folder.startsWith("round-")
                || folder.equals("timings")
                || folder.equals("precompiled-macros"));
  }

  private static Optional<String> sanityProblem(Path file, TimingsPage page) {
    String name = file.getFileName().toString();
    Matcher jobs = JOBS_IN_NAME.matcher(name);
    double lastEnd = page.units().stream().mapToDouble(PageUnit::end).max().orElseThrow();
    boolean lqd = file.toString().contains("lqd-epyc-2022");
    List<String> problems = new ArrayList<>();
    if (!jobs.find() || Integer.parseInt(jobs.group(1)) != page.jobs()) {
      problems.add("jobs " + page.jobs());
    }
    if (!(page.totalSeconds() > 0
        && page.totalSeconds() < 3600
        && Math.abs(page.totalSeconds() - lastEnd) <= 0.051)) {
      problems.add("total " + page.totalSeconds() + " vs last end " + lastEnd);
    }
    if (!page.generation().equals(lqd ? "1.60" : "1.95") || page.ncpu() != (lqd ? 48 : 2)) {
      problems.add("format " + page.format() + " ncpu " + page.ncpu());
    }
    if (page.rustc() == null
        || !page.rustc().startsWith(lqd ? "rustc 1.60.0" : "rustc 1.95.0")
        || page.rustc().contains("Host")) {
      problems.add("rustc " + page.rustc());
    }
    if (!Set.of("dev", "release").contains(page.profile())) {
      problems.add("profile " + page.profile());
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(name + ": " + problems);
  }

  private static void assertSameBuild(TimingsPage json, TimingsPage html) {
    assertAll(
        () -> assertEquals(json.units(), html.units()),
        () -> assertEquals(json.jobs(), html.jobs()),
        () -> assertEquals(json.ncpu(), html.ncpu()),
        () -> assertEquals(json.profile(), html.profile()),
        () -> assertEquals(json.rustc(), html.rustc()),
        () -> assertEquals(json.generation(), html.generation()),
        () -> assertEquals(json.totalSeconds(), html.totalSeconds(), EPS));
  }

  private static void assertSortedByStartThenIndex(List<PageUnit> units) {
    for (int k = 1; k < units.size(); k++) {
      PageUnit a = units.get(k - 1);
      PageUnit b = units.get(k);
      assertTrue(
          a.start() < b.start() || a.start() == b.start() && a.i() < b.i(), a + " before " + b);
    }
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PageUnit unit(
      int i, String target, String mode, double start, double duration, Double rmeta) {
    return new PageUnit(
        i, "crate", "1.0.0", mode, target, List.of(), start, duration, rmeta, null, null, null);
  }
}
