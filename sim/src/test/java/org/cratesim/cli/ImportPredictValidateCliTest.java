package org.cratesim.cli;

import static org.cratesim.cli.CliTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPredictValidateCliTest {
  private static final String PAGE =
      "src/test/resources/timings/own-2core-2026/" + "cli-clean-dev-j1-r2.html";
  private static final String VALIDATE = "src/test/resources/validate";
  private static final String BROKEN = "src/test/resources/timings/broken/";

  @TempDir Path tmp;

  @Test
  void import_writesAScenarioThatRuns() throws Exception {
    Path out = tmp.resolve("cli.toml");
    CliTest.Outcome o = exec("import", PAGE, "-o", out.toString());
    assertEquals(0, o.code(), o.err());
    String toml = Files.readString(out);
    assertTrue(toml.startsWith("# Imported by cratesim from cli-clean-dev-j1-r2.html"));
    assertTrue(toml.contains("kind = \"proc-macro\""));
    CliTest.Outcome run = exec("run", out.toString(), "--format", "json");
    assertEquals(0, run.code(), run.err());
    JsonNode j = new ObjectMapper().readTree(run.out());
    assertEquals(15.37, j.get("wall_time_s").asDouble(), 0.5);
  }

  private static final String METADATA =
      "src/test/resources/timings/own-2core-2026/cli-metadata.json";

  @Test
  void import_withoutGraphOrMetadata_warnsOnce_withMetadata_setsTheWorkspace() throws Exception {
    Path out = tmp.resolve("cli.toml");
    CliTest.Outcome page = exec("import", PAGE, "-o", out.toString());
    assertEquals(0, page.code(), page.err());
    assertEquals(1, page.err().lines().filter(l -> l.startsWith("warning:")).count(), page.err());
    assertTrue(page.err().contains("--metadata"));
    CliTest.Outcome full = exec("import", PAGE, "--metadata", METADATA, "-o", out.toString());
    assertEquals(0, full.code(), full.err());
    assertEquals("", full.err());
    assertTrue(Files.readString(out).contains("workspace = [\"logscan\"]"));
  }

  @Test
  void metadataOfAnotherBuild_isBadInput_naming_theFile() throws Exception {
    String mono = "src/test/resources/timings/own-2core-2026/mono-check-j1-r2.json";
    CliTest.Outcome o = exec("predict", mono, "-j", "2", "--metadata", METADATA);
    assertEquals(2, o.code(), o.err());
    assertTrue(
        o.err().startsWith("cratesim: error: --metadata cli-metadata.json is from another build"),
        o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
  }

  @Test
  void compare_onAPage_withMetadata_predictsPrecompiledMacros() throws Exception {
    CliTest.Outcome o =
        exec(
            "compare",
            PAGE,
            "--metadata",
            METADATA,
            "--strategy",
            "precompiled-proc-macros:per_invocation_s=0",
            "--format",
            "json");
    assertEquals(0, o.code(), o.err());
    JsonNode rows = new ObjectMapper().readTree(o.out()).get("rows");
    double base = rows.get(0).get("wall_s").asDouble();
    double pre = rows.get(1).get("wall_s").asDouble();
    assertTrue(pre < base, pre + " vs " + base);
    CliTest.Outcome scenario =
        exec(
            "compare",
            "../scenarios/tiny.toml",
            "--metadata",
            METADATA,
            "--strategy",
            "shared-cache");
    assertEquals(2, scenario.code(), scenario.err());
  }

  @Test
  void predict_json_hasPredictedMeasuredAndJobs() throws Exception {
    CliTest.Outcome o = exec("predict", PAGE, "--jobs", "2", "--format", "json");
    assertEquals(0, o.code(), o.err());
    JsonNode j = new ObjectMapper().readTree(o.out());
    assertEquals(2, j.get("jobs").asInt());
    assertEquals(15.37, j.get("measured_wall_time_s").asDouble(), 1e-9);
    double predicted = j.get("wall_time_s").asDouble();
    assertTrue(predicted > 5 && predicted < 15.37, "predicted " + predicted);
    CliTest.Outcome text = exec("predict", PAGE, "-j", "2");
    assertTrue(text.out().contains("predicted at -j2"));
  }

  @Test
  void predict_brokenPages_exitTwoWithOneLine() {
    for (String f :
        new String[] {
          "truncated.html",
          "dangling.json",
          "no-unit-data.html",
          "unknown-format.json",
          "malformed.json"
        }) {
      CliTest.Outcome o = exec("predict", BROKEN + f, "--jobs", "8");
      assertEquals(2, o.code(), f + ": " + o.err());
      assertEquals(1, o.err().trim().split("\n").length, f + ": " + o.err());
      assertTrue(o.err().contains(f), o.err());
      assertFalse(o.err().contains("Exception"), o.err());
    }
  }

  @Test
  void predict_badOptions_exitTwo() {
    assertEquals(2, exec("predict", PAGE, "--jobs", "0").code());
    assertEquals(2, exec("predict", PAGE).code());
    CliTest.Outcome o = exec("predict", PAGE, "--jobs", "2", "--set", "nonsense=1");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("unknown parameter 'nonsense'"), o.err());
    assertEquals(2, exec("predict", PAGE, "--jobs", "2", "--calibration", "mars").code());
  }

  @Test
  void validate_jsonSummaryAndRows() throws Exception {
    Path rows = tmp.resolve("rows.csv");
    CliTest.Outcome o =
        exec(
            "validate",
            "--from",
            VALIDATE,
            "--to",
            VALIDATE,
            "--unit-graphs",
            "--format",
            "json",
            "--rows",
            rows.toString(),
            "--threads",
            "1");
    assertEquals(0, o.code(), o.err());
    JsonNode j = new ObjectMapper().readTree(o.out());
    for (String k :
        new String[] {
          "pairs", "median_abs_error", "p90_abs_error", "within_10pct", "median_signed_error"
        }) {
      assertTrue(j.has(k), k);
    }
    assertEquals(2, j.get("pairs").asInt());
    assertTrue(j.get("median_abs_error").asDouble() < 0.2);
    String csv = Files.readString(rows);
    assertTrue(
        csv.startsWith(
            "pair,mode,from_jobs,to_jobs,from_wall_s,measured_wall_s," + "predicted_wall_s,error"));
    assertEquals(3, csv.trim().split("\n").length);
  }

  @Test
  void validate_textMatchAndThreadsGiveSameBytes() {
    CliTest.Outcome one =
        exec("validate", "--from", VALIDATE, "--to", VALIDATE, "--threads", "1", "--match", "mono");
    CliTest.Outcome two =
        exec("validate", "--from", VALIDATE, "--to", VALIDATE, "--threads", "3", "--match", "mono");
    assertEquals(0, one.code(), one.err());
    assertEquals(one.out(), two.out());
    assertTrue(one.out().contains("mono/timings/clean-release-r1"));
    assertFalse(one.out().contains("cli/"));
  }

  @Test
  void validate_noPairsOrBadFolder_exitTwo() {
    assertEquals(2, exec("validate", "--from", BROKEN, "--to", VALIDATE).code());
    // no pair above --min-seconds: nothing to summarise (was a summary of NaN %)
    var none = exec("validate", "--from", VALIDATE, "--to", VALIDATE, "--min-seconds", "1000000");
    assertEquals(2, none.code(), none.out());
    assertTrue(none.err().contains("nothing to summarise"), none.err());
    assertEquals(
        2, exec("validate", "--from", tmp.resolve("none").toString(), "--to", VALIDATE).code());
    assertEquals(2, exec("validate", "--from", VALIDATE, "--to", VALIDATE, "--match", "(").code());
  }

  @Test
  void calibrate_withoutGroundTruth_exitTwo() {
    CliTest.Outcome o = exec("calibrate", "--shared", tmp.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("no groundtruth/lqd-epyc-2022/ inside"), o.err());
  }
}
