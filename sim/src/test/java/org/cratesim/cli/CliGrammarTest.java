package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cratesim.TestPaths;
import org.cratesim.report.Csv;
import org.cratesim.sweep.Benchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One grammar (issue 17): {@code -o} for every written file, {@code --format} everywhere, {@code
 * -j} lists, {@code split --parts}; the old names still work, hidden; CSV that carries the wall
 * time in plain decimals with nothing on stderr; bench's spread.
 */
class CliGrammarTest {
  static final String PAGE =
      "sim/src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.html";
  static final String META = "sim/src/test/resources/timings/own-2core-2026/cli-metadata.json";

  @TempDir Path tmp;

  static String repo(String p) {
    return TestPaths.repo().resolve(p).toString();
  }

  @Test
  void runCsv_carriesWallTimeOnEveryRow_andStderrStaysEmpty() throws Exception {
    CliTest.Outcome csv = CliTest.exec("run", repo("scenarios/tiny.toml"), "--format", "csv");
    CliTest.Outcome json = CliTest.exec("run", repo("scenarios/tiny.toml"), "--format", "json");
    assertEquals(0, csv.code(), csv.err());
    assertEquals("", csv.err());
    String wall = new ObjectMapper().readTree(json.out()).get("wall_time_s").asText();
    List<String> lines = csv.out().lines().toList();
    assertTrue(lines.get(0).endsWith(",wall_time_s"), lines.get(0));
    for (String l : lines.subList(1, lines.size())) {
      List<String> f = Csv.split(l);
      assertEquals(14, f.size(), l);
      assertEquals(Double.parseDouble(wall), Double.parseDouble(f.get(13)), l);
    }
    // cargo's target " bin \"app\"" is one quoted field, leading space kept (as in the JSON)
    assertTrue(csv.out().contains(",\" bin \"\"app\"\"\","), csv.out());
  }

  @Test
  void csvNumbers_arePlainDecimals() {
    assertEquals("-0.0006", Csv.number(-6.0E-4));
    assertEquals("0.0001", Csv.number(1.0E-4));
    assertEquals("10000000.0", Csv.number(1.0E7));
    assertEquals("1.0", Csv.number(1.0));
    assertEquals("0.25", Csv.number(0.25));
    assertEquals("", Csv.number(Double.NaN));
  }

  @Test
  void validate_csvFormatEqualsOldRowsFile_andJsonHasEveryPair() throws Exception {
    String v = repo("sim/src/test/resources/validate");
    Path rows = tmp.resolve("rows.csv");
    Path out = tmp.resolve("pairs.csv");
    CliTest.Outcome old =
        CliTest.exec(
            "validate", "--from", v, "--to", v, "--unit-graphs", "--rows", rows.toString());
    CliTest.Outcome csv =
        CliTest.exec(
            "validate",
            "--from",
            v,
            "--to",
            v,
            "--unit-graphs",
            "--format",
            "csv",
            "-o",
            out.toString());
    assertEquals(0, old.code(), old.err());
    assertEquals(0, csv.code(), csv.err());
    assertEquals("", csv.out());
    assertEquals("", csv.err().replaceAll("(?m)^.*validate.*\\r?$", "").strip());
    assertEquals(Files.readString(rows), Files.readString(out));
    assertFalse(Files.readString(out).contains("E-"), Files.readString(out));
    CliTest.Outcome json =
        CliTest.exec("validate", "--from", v, "--to", v, "--unit-graphs", "--format", "json");
    JsonNode j = new ObjectMapper().readTree(json.out());
    assertEquals(Files.readString(out).lines().count() - 1, j.get("rows").size());
    assertTrue(j.get("rows").get(0).has("predicted_wall_s"));
  }

  @Test
  void predict_takesAListOfJobs_andWritesWithO() throws Exception {
    CliTest.Outcome one = CliTest.exec("predict", repo(PAGE), "--metadata", repo(META), "-j", "2");
    CliTest.Outcome three =
        CliTest.exec("predict", repo(PAGE), "--metadata", repo(META), "-j", "2,4,8");
    assertEquals(0, three.code(), three.err());
    assertEquals(3, three.out().lines().filter(l -> l.contains("predicted at -j")).count());
    String line2 =
        one.out().lines().filter(l -> l.contains("predicted at -j2")).findFirst().orElseThrow();
    assertTrue(three.out().contains(line2), three.out());
    Path f = tmp.resolve("p.json");
    CliTest.Outcome json =
        CliTest.exec(
            "predict",
            repo(PAGE),
            "--metadata",
            repo(META),
            "-j",
            "2,4",
            "--format",
            "json",
            "-o",
            f.toString());
    assertEquals(0, json.code(), json.err());
    assertEquals("", json.out());
    JsonNode j = new ObjectMapper().readTree(f.toFile());
    assertEquals(2, j.get("predictions").size());
    assertEquals(4, j.get("predictions").get(1).get("jobs").asInt());
    assertEquals(2, CliTest.exec("predict", repo(PAGE), "-j", "2,x").code());
  }

  @Test
  void split_parts_andItsOldNameInto_giveTheSameFile() throws Exception {
    String mono = repo("scenarios/workspaces/mono.toml");
    Path a = tmp.resolve("a.toml");
    Path b = tmp.resolve("b.toml");
    CliTest.Outcome parts =
        CliTest.exec("split", mono, "--crate", "mono", "--parts", "3", "-o", a.toString());
    CliTest.Outcome into =
        CliTest.exec("split", mono, "--crate", "mono", "--into", "3", "-o", b.toString());
    assertEquals(0, parts.code(), parts.err());
    assertEquals(0, into.code(), into.err());
    assertEquals(
        Files.readString(a).replace(a.toString(), "X"),
        Files.readString(b).replace(b.toString(), "X"));
    CliTest.Outcome none = CliTest.exec("split", mono, "--crate", "mono", "-o", a.toString());
    assertEquals(2, none.code());
    assertTrue(none.err().contains("--parts"), none.err());
    String help = CliTest.exec("split", "--help").out();
    assertTrue(help.contains("--parts=K"), help);
    assertFalse(help.contains("--into=K"), help);
  }

  @Test
  void oldNames_areHiddenButAccepted() {
    for (String[] c :
        new String[][] {
          {"calibrate", "--write"},
          {"calibrate-costs", "--write"},
          {"validate", "--rows"},
          {"bench", "--json"}
        }) {
      String help = CliTest.exec(c[0], "--help").out();
      assertFalse(help.contains(c[1]), c[0] + " shows " + c[1]);
      assertTrue(help.contains("-o, --output=FILE"), c[0] + " has no -o:\n" + help);
    }
    var cl = CratesimCommand.commandLine();
    cl.parseArgs("calibrate-costs", "--shared", "x", "--write", "y.toml");
    cl.parseArgs("calibrate", "--shared", "x", "--write", "y.toml");
    cl.parseArgs("bench", "--json");
  }

  @Test
  void compareAndBench_writeWithO() throws Exception {
    Path f = tmp.resolve("c.csv");
    CliTest.Outcome c =
        CliTest.exec(
            "compare",
            repo("scenarios/tiny.toml"),
            "--strategy",
            "shared-cache",
            "--format",
            "csv",
            "-o",
            f.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(Files.readString(f).startsWith("strategy,wall_s"));
    Path b = tmp.resolve("b.json");
    CliTest.Outcome bench =
        CliTest.exec(
            "bench",
            "--seconds",
            "0.02",
            "--reps",
            "3",
            "--skip-100k",
            "--json",
            "-o",
            b.toString());
    assertEquals(0, bench.code(), bench.err());
    JsonNode j = new ObjectMapper().readTree(b.toFile());
    assertEquals(3, j.get("repetitions").asInt());
    for (String k : List.of("build_1k_ms", "build_1k_min_ms", "build_1k_max_ms", "build_1k_busy")) {
      assertTrue(j.has(k), k);
    }
    assertTrue(j.get("build_1k_min_ms").asDouble() <= j.get("build_1k_ms").asDouble());
    assertTrue(j.get("build_1k_ms").asDouble() <= j.get("build_1k_max_ms").asDouble());
  }

  @Test
  void validateStrategiesAndReport_writeWithO() throws Exception {
    Path f = tmp.resolve("v.json");
    CliTest.Outcome v =
        CliTest.exec(
            "validate-strategies",
            repo("sim/src/test/resources/measured/own-2core-2026-12-02"),
            "--format",
            "json",
            "-o",
            f.toString());
    assertEquals(0, v.code(), v.err());
    assertEquals("", v.out());
    assertEquals(
        "cratesim-validate-strategies",
        new ObjectMapper().readTree(f.toFile()).get("format").asText());
    Path sweep = tmp.resolve("sweep");
    Path charts = tmp.resolve("charts");
    Files.createDirectories(charts);
    assertEquals(
        0,
        CliTest.exec(
                "sweep",
                repo("scenarios/tiny.toml"),
                "--vary",
                "jobs=1,2",
                "--replications",
                "2",
                "-o",
                sweep.toString())
            .code());
    CliTest.Outcome r = CliTest.exec("report", sweep.toString(), "-o", charts.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(charts.resolve("summary.md")), r.out());
    assertFalse(Files.exists(sweep.resolve("summary.md")));
  }

  @Test
  void benchSpread_warnsWhenRepetitionsDisagree() {
    Benchmark.Spread quiet = Benchmark.Spread.of(new double[] {10, 10.2, 9.9, 10.1, 10});
    assertEquals(9.9, quiet.min());
    assertEquals(10.0, quiet.median());
    assertEquals(10.2, quiet.max());
    assertFalse(quiet.busy());
    assertEquals("", quiet.warning("x"));
    // 45, 22 and 7 ms for the same build (the three runs)
    Benchmark.Spread busy = Benchmark.Spread.of(new double[] {45, 22, 7});
    assertTrue(busy.busy());
    assertTrue(busy.warning("the build").contains("busy"), busy.warning("the build"));
    // a spread within 1.5x can still be busy by its standard deviation
    assertTrue(Benchmark.Spread.of(new double[] {10, 14, 10, 14, 10}).busy());
  }
}
