package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cratesim.TestPaths;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.SplitMerge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code split} / {@code merge} of an imported crate, --jobs and --format; validate-split. */
class TimedSplitCommandTest {
  @TempDir Path tmp;

  static CliTest.Outcome exec(String... args) {
    return CliTest.exec(args);
  }

  /** own-2core's mono check page (test resource), imported. */
  Path importedMono() {
    Path page =
        TestPaths.repo()
            .resolve("sim/src/test/resources/timings/own-2core-2026/mono-check-j1-r2.json");
    Path out = tmp.resolve("mono.toml");
    CliTest.Outcome o = exec("import", page.toString(), "-o", out.toString());
    assertEquals(0, o.code(), o.err());
    return out;
  }

  static String parts(int k) {
    return String.join(",", SplitMerge.partNames("mono", k));
  }

  @Test
  void split_ofAnImportedPage_atSeveralJobs_json_thenMergeRestores() throws Exception {
    Path mono = importedMono();
    Path split = tmp.resolve("split.toml");
    CliTest.Outcome o =
        exec(
            "split",
            mono.toString(),
            "--crate",
            "mono",
            "--into",
            "10",
            "--shape",
            "layered",
            "--generic-share",
            "0.76",
            "--jobs",
            "1,2,4",
            "--format",
            "json",
            "-o",
            split.toString());
    assertEquals(0, o.code(), o.err());
    JsonNode root = new ObjectMapper().readTree(o.out());
    List<Integer> jobs = new ArrayList<>();
    for (JsonNode r : root.path("rows")) {
      jobs.add(r.path("jobs").asInt());
      for (String side : List.of("before", "after")) {
        assertTrue(r.path(side).path("wall_s").asDouble() > 0, o.out());
      }
      assertTrue(r.has("delta_s") && r.has("change_pct"), o.out());
    }
    assertEquals(List.of(1, 2, 4), jobs);
    Scenario s = ScenarioReader.read(split);
    assertEquals(10, s.crates().size());
    assertTrue(Files.readString(split).contains("--generic-share 0.76"));

    Path back = tmp.resolve("back.toml");
    CliTest.Outcome m =
        exec(
            "merge",
            split.toString(),
            "--crates",
            parts(10),
            "--into",
            "mono",
            "--generic-share",
            "0.76",
            "--format",
            "csv",
            "-o",
            back.toString());
    assertEquals(0, m.code(), m.err());
    assertTrue(m.out().startsWith("jobs,mode,before_wall_s,after_wall_s,delta_s,change_pct"));
    assertEquals(2, m.out().strip().lines().count(), m.out()); // the scenario's -j only
    CrateSpec original = ScenarioReader.read(mono).crates().get(0);
    CrateSpec merged = ScenarioReader.read(back).crates().get(0);
    assertEquals(original.phases().frontendS(), merged.phases().frontendS(), 1e-9);
    assertEquals(original.phases().codegenS(), merged.phases().codegenS(), 1e-9);
    assertEquals(original.kind(), merged.kind());
  }

  @Test
  void split_text_showsBothSidesAtEachJobs() {
    Path mono = importedMono();
    CliTest.Outcome o =
        exec(
            "split",
            mono.toString(),
            "--crate",
            "mono",
            "--into",
            "4",
            "-j",
            "2, 1",
            "-o",
            tmp.resolve("s.toml").toString());
    assertEquals(0, o.code(), o.err());
    for (String s :
        List.of("-j 2", "-j 1 (the scenario's)", "simulated at -j 1", "simulated at -j 2")) {
      assertTrue(o.out().contains(s), s + " in:\n" + o.out());
    }
  }

  @Test
  void badJobsOrFormat_exit2InOneLine_nothingWritten() {
    Path mono = importedMono();
    Path out = tmp.resolve("o.toml");
    for (String jobs : List.of("0", "1,,2", "a", "1,200000", "")) {
      CliTest.Outcome o =
          exec(
              "split",
              mono.toString(),
              "--crate",
              "mono",
              "--into",
              "2",
              "--jobs",
              jobs,
              "-o",
              out.toString());
      assertEquals(2, o.code(), jobs + ": " + o.err());
      assertEquals(1, o.err().strip().lines().count(), o.err());
      assertTrue(o.err().contains("--jobs must be numbers"), o.err());
      assertFalse(Files.exists(out));
    }
    CliTest.Outcome f =
        exec(
            "merge",
            mono.toString(),
            "--crates",
            "a,b",
            "--into",
            "x",
            "--format",
            "xml",
            "-o",
            out.toString());
    assertEquals(2, f.code());
    assertTrue(f.err().contains("--format must be text, json or csv"), f.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void validateSplit_onOwn2core_reportsEveryModeItHas() throws Exception {
    Path shared = TestPaths.shared();
    Path own = shared == null ? null : shared.resolve("groundtruth/own-2core-2026");
    assumeTrue(
        own != null && Files.isRegularFile(own.resolve("runs.csv")),
        "../shared/groundtruth/own-2core-2026 is absent: validate-split not checked");
    CliTest.Outcome o = exec("validate-split", "--own", own.toString(), "--format", "json");
    assertEquals(0, o.code(), o.err());
    JsonNode root = new ObjectMapper().readTree(o.out());
    assertEquals(10, root.path("parts").asInt());
    List<String> measured = new ArrayList<>();
    for (JsonNode r : root.path("rows")) {
      assertTrue(r.path("split_predicted_s").asDouble() > 0, o.out());
      if (!r.path("split_measured_median_s").isNull()) {
        measured.add(r.path("kind").asText() + "-j" + r.path("jobs").asInt());
      }
    }
    assertTrue(
        measured.containsAll(List.of("check-j1", "clean-dev-j1", "clean-release-j1")),
        measured.toString());
  }

  @Test
  void validateSplit_withoutTheData_exit2InOneLine() {
    CliTest.Outcome o = exec("validate-split", "--own", tmp.resolve("none").toString());
    assertEquals(2, o.code());
    assertEquals(1, o.err().strip().lines().count(), o.err());
  }
}
