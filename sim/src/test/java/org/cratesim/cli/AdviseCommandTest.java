package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cratesim.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdviseCommandTest {
  static final Path OWN = TestPaths.repo().resolve("sim/src/test/resources/timings/own-2core-2026");

  @TempDir Path tmp;

  @Test
  void aRealPage_withMetadata_givesRowsForPrograms() throws Exception {
    CliTest.Outcome o =
        CliTest.exec(
            "advise",
            OWN.resolve("cli-clean-dev-j1-r2.html").toString(),
            "--metadata",
            OWN.resolve("cli-metadata.json").toString(),
            "--jobs",
            "2",
            "--replications",
            "4",
            "--format",
            "json");
    assertEquals(0, o.code(), o.err());
    JsonNode j = new ObjectMapper().readTree(o.out());
    assertEquals("cratesim-advice", j.get("format").asText());
    assertEquals(2, j.get("builds").size());
    assertEquals("edit logscan", j.get("builds").get(1).get("build").asText());
    boolean sawJ2 = false;
    for (JsonNode r : j.get("rows")) {
      for (String f :
          new String[] {
            "change", "build", "saving_s", "ci95_low_s", "ci95_high_s", "significant", "why"
          }) {
        assertTrue(r.has(f), f + " in " + r);
      }
      if (r.get("change").asText().equals("-j 2 (2 cores)")
          && r.get("build").asText().equals("clean")) {
        sawJ2 = true;
        assertTrue(r.get("saving_s").asDouble() > 0, r.toString());
      }
    }
    assertTrue(sawJ2);
  }

  @Test
  void pagesOfDifferentBuilds_areRefused_andNothingIsWritten() throws Exception {
    Path out = tmp.resolve("advice.txt");
    CliTest.Outcome o =
        CliTest.exec(
            "advise",
            OWN.resolve("cli-clean-dev-j1-r2.json").toString(),
            OWN.resolve("mono-check-j1-r2.json").toString(),
            "-o",
            out.toString());
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains("not a page of the same build"), o.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void badOptions_areBadInput() {
    String sc = TestPaths.repo().resolve("scenarios/tiny.toml").toString();
    assertEquals(2, CliTest.exec("advise", sc, "--format", "yaml").code());
    assertEquals(2, CliTest.exec("advise", sc, "--replications", "1").code());
    assertEquals(2, CliTest.exec("advise", sc, "--edit", "nope").code());
    assertEquals(2, CliTest.exec("advise", sc, "--jobs", "0").code());
  }

  @Test
  void htmlAndOutputFiles_areWritten() throws Exception {
    Path out = tmp.resolve("a.csv");
    Path html = tmp.resolve("a.html");
    CliTest.Outcome o =
        CliTest.exec(
            "advise",
            TestPaths.repo().resolve("scenarios/tiny.toml").toString(),
            "--replications",
            "3",
            "--format",
            "csv",
            "-o",
            out.toString(),
            "--html",
            html.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().isEmpty(), o.out());
    assertTrue(Files.readString(out).startsWith("build,change,family,wall_s,saving_s"));
    assertTrue(Files.readString(html).contains("<h2>Baseline: Clean build</h2>"));
  }
}
