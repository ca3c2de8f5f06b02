package org.cratesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cratesim.TestPaths;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.UnitData;
import org.cratesim.cli.CratesimCommand;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --format chrome-trace}: Trace Event Format JSON, one complete event per unit. */
class ChromeTraceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path tiny() {
    return TestPaths.repo().resolve("scenarios/tiny.toml");
  }

  private static Path page() {
    return TestPaths.repo()
        .resolve("sim/src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.html");
  }

  private static List<JsonNode> events(JsonNode doc, String cat) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : doc.get("traceEvents")) {
      if (cat.equals(e.path("cat").asText())) {
        out.add(e);
      }
    }
    return out;
  }

  private static String[] exec(String... args) {
    CommandLine cl = CratesimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void tiny_matchesGolden() throws Exception {
    String[] r = exec("run", tiny().toString(), "--format", "chrome-trace");
    assertEquals("0", r[0], r[2]);
    Path golden = TestPaths.repo().resolve("sim/src/test/resources/golden-trace/tiny.trace.json");
    if (Boolean.getBoolean("cratesim.updateGolden")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, r[1], StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(golden, StandardCharsets.UTF_8),
        r[1],
        "golden trace (regenerate with -Dcratesim.updateGolden=true)");
  }

  @Test
  void run_isValidTraceWithOneCompleteEventPerUnit() throws Exception {
    Scenario sc = ScenarioReader.read(TestPaths.repo().resolve("scenarios/serde-like.toml"));
    BuildResult b = BuildSimulator.simulate(sc);
    JsonNode doc = JSON.readTree(ChromeTrace.build(sc, b));
    assertEquals("cratesim-chrome-trace", doc.get("otherData").get("format").asText());
    assertEquals(1, doc.get("otherData").get("version").asInt());
    List<JsonNode> units = events(doc, "unit");
    assertEquals(b.units().size(), units.size(), "one event per unit");
    Map<Integer, UnitData> byIndex = new HashMap<>();
    b.units().forEach(u -> byIndex.put(u.unit().index(), u));
    Set<Integer> seen = new HashSet<>();
    Map<Integer, List<long[]>> perLane = new HashMap<>();
    for (JsonNode e : units) {
      assertEquals("X", e.get("ph").asText());
      assertEquals(1, e.get("pid").asInt());
      int i = e.get("args").get("index").asInt();
      assertTrue(seen.add(i), "unit " + i + " twice");
      UnitData u = byIndex.get(i);
      assertEquals(u.unit().label(), e.get("name").asText());
      assertEquals(Math.round(u.startNanos() / 1e3), e.get("ts").asLong(), "ts in microseconds");
      assertEquals(
          Math.round(u.endNanos() / 1e3) - Math.round(u.startNanos() / 1e3),
          e.get("dur").asLong(),
          "dur in microseconds");
      assertEquals(u.unit().mode().id(), e.get("args").get("mode").asText());
      assertTrue(e.get("args").has("sections"));
      perLane
          .computeIfAbsent(e.get("tid").asInt(), k -> new ArrayList<>())
          .add(new long[] {e.get("ts").asLong(), e.get("ts").asLong() + e.get("dur").asLong()});
    }
    // a lane runs one unit at a time (the events of a thread never overlap)
    for (List<long[]> lane : perLane.values()) {
      lane.sort((x, y) -> Long.compare(x[0], y[0]));
      for (int k = 1; k < lane.size(); k++) {
        assertTrue(lane.get(k)[0] >= lane.get(k - 1)[1], "overlap in a lane");
      }
    }
    // each section lies inside its unit's event on the same lane
    for (JsonNode s : events(doc, "section")) {
      boolean inside = false;
      for (JsonNode u : units) {
        if (u.get("tid").asInt() == s.get("tid").asInt()
            && u.get("name").asText().equals(s.get("args").get("unit").asText())
            && s.get("ts").asLong() >= u.get("ts").asLong()
            && s.get("ts").asLong() + s.get("dur").asLong()
                <= u.get("ts").asLong() + u.get("dur").asLong()) {
          inside = true;
        }
      }
      assertTrue(inside, s.toString());
    }
  }

  @Test
  void predict_hasTheMeasuredAndThePredictedBuild() throws Exception {
    String[] r = exec("predict", page().toString(), "-j", "2", "--format", "chrome-trace");
    assertEquals("0", r[0], r[2]);
    JsonNode doc = JSON.readTree(r[1]);
    TimingsPage p = TimingsReader.read(page());
    List<JsonNode> units = events(doc, "unit");
    long measured = units.stream().filter(e -> e.get("pid").asInt() == 1).count();
    long predicted = units.stream().filter(e -> e.get("pid").asInt() == 2).count();
    assertEquals(p.units().size(), measured);
    assertEquals(p.units().size(), predicted, "the imported page has the page's units");
    List<String> names = new ArrayList<>();
    for (JsonNode e : doc.get("traceEvents")) {
      if (e.get("name").asText().equals("process_name")) {
        names.add(e.get("args").get("name").asText());
      }
    }
    assertEquals(List.of("measured cli-clean-dev-j1-r2.html (-j1)", "predicted (-j2)"), names);
    // the measured events are the page's own numbers
    JsonNode first = units.get(0);
    assertEquals(Math.round(p.units().get(0).start() * 1e6), first.get("ts").asLong());
  }

  @Test
  void unknownFormat_isBadInputAndNamesChromeTrace() {
    String[] r = exec("run", tiny().toString(), "--format", "perfetto");
    assertEquals(Integer.toString(CratesimCommand.EXIT_BAD_INPUT), r[0]);
    assertTrue(r[2].contains("chrome-trace"), r[2]);
    assertEquals("", r[1]);
  }

  @Test
  void predict_severalJobs_aProcessPerPrediction() throws Exception {
    String[] r = exec("predict", page().toString(), "-j", "2,4", "--format", "chrome-trace");
    assertEquals("0", r[0], r[2]);
    JsonNode doc = JSON.readTree(r[1]);
    List<String> names = new ArrayList<>();
    for (JsonNode e : doc.get("traceEvents")) {
      if (e.get("name").asText().equals("process_name")) {
        names.add(e.get("args").get("name").asText());
      }
    }
    assertEquals(
        List.of("measured cli-clean-dev-j1-r2.html (-j1)", "predicted (-j2)", "predicted (-j4)"),
        names);
  }
}
