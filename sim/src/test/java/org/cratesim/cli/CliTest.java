package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cratesim.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
  @TempDir Path tmp;

  record Outcome(int code, String out, String err) {}

  static Outcome exec(String... args) {
    CommandLine cl = CratesimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private String tiny() {
    return TestPaths.repo().resolve("scenarios/tiny.toml").toString();
  }

  @Test
  void run_text_showsWallTimeCriticalPathAndUnits() {
    Outcome o = exec("run", tiny());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("Wall time"));
    assertTrue(o.out().contains("Critical path"));
    assertTrue(o.out().contains("app bin \"app\""));
  }

  @Test
  void run_json_hasTheDocumentedFields() throws Exception {
    Outcome o = exec("run", tiny(), "--jobs", "2", "--mode", "release", "--format", "json");
    assertEquals(0, o.code(), o.err());
    JsonNode j = new ObjectMapper().readTree(o.out());
    assertEquals(2, j.get("jobs").asInt());
    assertEquals("release", j.get("mode").asText());
    assertTrue(j.get("wall_time_s").asDouble() >= j.get("dependency_bound_s").asDouble());
    JsonNode u = j.get("units").get(0);
    for (String f :
        new String[] {
          "i",
          "name",
          "version",
          "target",
          "mode",
          "start",
          "duration",
          "rmeta_time",
          "unblocked_units",
          "unblocked_rmeta_units"
        }) {
      assertTrue(u.has(f), "unit field " + f);
    }
    assertTrue(j.get("critical_path").isArray());
    JsonNode c = j.get("concurrency").get(0);
    for (String f : new String[] {"t", "active", "waiting", "inactive"}) {
      assertTrue(c.has(f), "concurrency field " + f);
    }
  }

  @Test
  void run_csv_oneRowPerUnitWithCargoColumns() {
    Outcome o = exec("run", tiny(), "--format", "csv");
    assertEquals(0, o.code(), o.err());
    String[] lines = o.out().split("\n");
    assertTrue(lines[0].startsWith("i,name,version,target,mode,start,duration,rmeta_time"));
    assertEquals(6, lines.length); // header + 5 units
  }

  @Test
  void run_outputFile_writesReport() throws Exception {
    Path f = tmp.resolve("r.json");
    Outcome o = exec("run", tiny(), "--format", "json", "-o", f.toString());
    assertEquals(0, o.code());
    assertEquals("", o.out());
    assertTrue(Files.readString(f).contains("\"wall_time_s\""));
  }

  @Test
  void run_badScenario_exitTwoWithOneLineNamingFileAndLine() throws Exception {
    Path f = tmp.resolve("bad.toml");
    Files.writeString(
        f, "[build]\njobs = 2\n[[crate]]\nname = \"a\"\ndeps = [\"b\"]\nfrontend_s = 1\n");
    Outcome o = exec("run", f.toString());
    assertEquals(2, o.code());
    assertEquals(
        "cratesim: error: " + f + ":3: crate 'a' depends on unknown crate 'b'", o.err().trim());
    assertFalse(o.err().contains("Exception"));
    assertEquals("", o.out());
  }

  @Test
  void run_missingFile_exitTwo() {
    Outcome o = exec("run", tmp.resolve("nope.toml").toString());
    assertEquals(2, o.code());
    assertTrue(o.err().trim().endsWith("nope.toml: no such file"));
  }

  @Test
  void run_badOption_exitTwoWithHint() {
    Outcome o = exec("run", tiny(), "--format", "xml");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("--format"));
    assertTrue(o.err().contains("--help"));
    assertEquals(2, exec("run", tiny(), "--jobs", "0").code());
    assertEquals(2, exec("run", tiny(), "--mode", "fast").code());
    assertEquals(2, exec("frobnicate").code());
  }

  @Test
  void help_everywhere() {
    Outcome top = exec("--help");
    assertEquals(0, top.code());
    assertTrue(top.out().contains("run"));
    Outcome run = exec("run", "--help");
    assertEquals(0, run.code());
    assertTrue(run.out().contains("--jobs"));
    assertTrue(exec().out().contains("Usage: cratesim"));
  }

  @Test
  void help_everyTextIsAValidFormat_soPicocliPrintsNoWarning() {
    // picocli formats description and footer lines with String.format: a bare % makes it print a
    // WARN on the user's terminal and show the raw text
    CommandLine top = CratesimCommand.commandLine();
    for (var e : top.getSubcommands().entrySet()) {
      var usage = e.getValue().getCommandSpec().usageMessage();
      List<String> lines = new java.util.ArrayList<>();
      lines.addAll(List.of(usage.description()));
      lines.addAll(List.of(usage.footer()));
      for (var o : e.getValue().getCommandSpec().options()) {
        lines.addAll(List.of(o.description()));
      }
      for (String line : lines) {
        try {
          String.format(line.replace("${DEFAULT-VALUE}", "x"));
        } catch (java.util.IllegalFormatException ex) {
          throw new AssertionError(e.getKey() + ": '" + line + "' is not a valid format", ex);
        }
      }
    }
  }

  @Test
  void compare_baselineAndEachStrategy_textAndCsv() {
    Outcome o =
        exec(
            "compare",
            tiny(),
            "--strategy",
            "shared-cache",
            "--strategy",
            "shared-cache+proc-macros-first");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().startsWith("tiny: clean build, debug, -j4"), o.out());
    assertTrue(o.out().contains("baseline (no strategy)"));
    assertTrue(o.out().contains("shared-cache+proc-macros-first"));
    assertTrue(o.out().contains("What moved on the critical path:"));
    Outcome csv = exec("compare", tiny(), "--strategy", "shared-cache", "--format", "csv");
    assertEquals(0, csv.code(), csv.err());
    String[] lines = csv.out().split("\\R");
    assertEquals("strategy,wall_s,delta_s,change_pct,critical_path,why_not", lines[0]);
    assertTrue(lines[1].startsWith("baseline,"));
    assertTrue(lines[2].startsWith("shared-cache,"));
    // the critical path is one quoted field: tiny's bin label holds quotes (app bin "app")
    assertTrue(lines[1].contains(",\"core-types -> "), lines[1]);
    assertTrue(lines[1].contains("app bin \"\"app\"\"\""), lines[1]);
    assertEquals(3, lines.length);
    Outcome json = exec("compare", tiny(), "--strategy", "shared-cache", "--format", "json");
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().contains("\"strategy\" : \"shared-cache\""), json.out());
    assertTrue(json.out().contains("\"critical_path\""), json.out());
  }

  @Test
  void compare_aStrategyThatCannotApply_saysWhy() {
    // tiny has no proc macro; a clean build has no cached expansions
    Outcome o =
        exec(
            "compare",
            tiny(),
            "--strategy",
            "precompiled-proc-macros",
            "--strategy",
            "expansion-cache",
            "--strategy",
            "shared-cache+precompiled-proc-macros");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("does not apply: no proc macro in the build"), o.out());
    assertTrue(o.out().contains("does not apply: the cache serves incremental rebuilds"), o.out());
    // a combination applies when one of its strategies does
    assertEquals(2, o.out().split("does not apply", -1).length - 1, o.out());
    Outcome json =
        exec("compare", tiny(), "--strategy", "precompiled-proc-macros", "--format", "json");
    assertTrue(json.out().contains("\"applies\" : false"), json.out());
    assertTrue(json.out().contains("\"why_not\" : \"no proc macro in the build\""), json.out());
  }

  @Test
  void anEditOfNoCrate_andAnOutputIntoAMissingFolder_areBadInput() {
    Outcome cmp = exec("compare", tiny(), "--strategy", "shared-cache", "--edit", "nope");
    assertEquals(2, cmp.code(), cmp.out());
    assertEquals("", cmp.out());
    assertTrue(cmp.err().contains("--edit: no crate 'nope'"), cmp.err());
    Outcome html = exec("run", tiny(), "--html", "/nonexistent-dir/x.html");
    assertEquals(2, html.code(), html.err());
    assertEquals("", html.out(), "nothing printed before the failure");
    Outcome run = exec("run", tiny(), "-o", "/nonexistent-dir/x.txt");
    assertEquals(2, run.code(), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("no such directory"), run.err());
  }

  @Test
  void compare_badStrategyOrMissingEdit_exitTwoAndNothingOnStdout() {
    Outcome o = exec("compare", tiny(), "--strategy", "turbo");
    assertEquals(2, o.code());
    assertEquals("", o.out());
    assertTrue(o.err().contains("unknown strategy 'turbo'"), o.err());
    Outcome inc =
        exec("compare", tiny(), "--strategy", "expansion-cache", "--build-kind", "incremental");
    assertEquals(2, inc.code());
    assertTrue(inc.err().contains("--edit"), inc.err());
    assertEquals(2, exec("run", tiny(), "--strategy", "turbo").code());
  }

  @Test
  void bench_json_hasTheDocumentedKeys() {
    Outcome o = exec("bench", "--json", "--skip-100k", "--seconds", "0.05");
    assertEquals(0, o.code(), o.err());
    for (String k :
        new String[] {"hold_events_per_s", "engine_task_ns", "build_1k_ms", "build_10k_ms"}) {
      assertTrue(o.out().contains("\"" + k + "\": "), k + " in " + o.out());
    }
  }

  private static String own(String file) {
    return TestPaths.repo()
        .resolve("sim/src/test/resources/own2core/split")
        .resolve(file)
        .toString();
  }

  private static double rebuildWall(String edit) throws Exception {
    Outcome o =
        exec(
            "run",
            own("timings/clean-dev-j1-r1.json"),
            "--metadata",
            own("metadata.json"),
            "--edit",
            edit,
            "--format",
            "json");
    assertEquals(0, o.code(), o.err());
    return new ObjectMapper().readTree(o.out()).get("wall_time_s").asDouble();
  }

  @Test
  void run_editOnAnImportedPage_rebuildsTheWorkspace_signatureAtLeastComment() throws Exception {
    Outcome clean =
        exec(
            "run",
            own("timings/clean-dev-j1-r1.json"),
            "--metadata",
            own("metadata.json"),
            "--format",
            "json");
    assertEquals(0, clean.code(), clean.err());
    double cleanWall = new ObjectMapper().readTree(clean.out()).get("wall_time_s").asDouble();
    double comment = rebuildWall("m03");
    double body = rebuildWall("m03:body");
    double signature = rebuildWall("m03:signature");
    assertTrue(comment < cleanWall, comment + " vs clean " + cleanWall);
    assertTrue(comment <= body && body <= signature, comment + " " + body + " " + signature);
  }

  @Test
  void run_editOnAnImportedPage_notAMemberOrUnknownKind_exitTwo() {
    Outcome o =
        exec(
            "run",
            own("timings/clean-dev-j1-r1.json"),
            "--metadata",
            own("metadata.json"),
            "--edit",
            "m03:typo");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("unknown edit kind 'typo'"), o.err());
    Path mh = TestPaths.repo().resolve("sim/src/test/resources/own2core/macro-heavy");
    Outcome r =
        exec(
            "run",
            mh.resolve("timings/check-j1-r1.json").toString(),
            "--metadata",
            mh.resolve("metadata.json").toString(),
            "--edit",
            "serde");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("not a workspace member"), r.err());
    Outcome s = exec("run", tiny(), "--metadata", own("metadata.json"));
    assertEquals(2, s.code(), s.err());
  }
}
