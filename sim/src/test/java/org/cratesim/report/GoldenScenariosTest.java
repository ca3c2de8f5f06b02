package org.cratesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cratesim.TestPaths;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario under scenarios/ has a golden text report in src/test/resources/golden/ (same
 * relative path, .txt). Regenerate after an intended change with {@code mvn -pl sim test
 * -Dtest=GoldenScenariosTest -Dcratesim.updateGolden=true}.
 */
class GoldenScenariosTest {

  static List<Path> scenarios() throws IOException {
    Path dir = TestPaths.repo().resolve("scenarios");
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> all =
          s.filter(p -> p.toString().endsWith(".toml"))
              .filter(p -> !p.getFileName().toString().equals("reference.toml"))
              .filter(p -> !p.toString().contains("/sweeps/"))
              .sorted()
              .collect(Collectors.toList());
      assertFalse(all.isEmpty());
      return all;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario_matchesGoldenOutput(Path scenario) throws Exception {
    Path dir = TestPaths.repo().resolve("scenarios");
    String rel = dir.relativize(scenario).toString().replace(".toml", ".txt");
    Path golden = TestPaths.repo().resolve("sim/src/test/resources/golden").resolve(rel);
    Scenario sc = ScenarioReader.read(scenario);
    String actual = TextReport.render(sc.name(), BuildSimulator.simulate(sc));
    if (Boolean.getBoolean("cratesim.updateGolden")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(golden, StandardCharsets.UTF_8),
        actual,
        "golden output of " + rel + " (regenerate with -Dcratesim.updateGolden=true)");
  }
}
