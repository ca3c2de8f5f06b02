package org.cratesim.timings;

import static org.cratesim.timings.TimingsReaderTest.assertOneLineAbout;
import static org.cratesim.timings.TimingsReaderTest.groundTruth;
import static org.cratesim.timings.TimingsReaderTest.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitGraphFileTest {

  private static final String MINIMAL_UNIT =
      "{\"pkg_id\": \"a 1.0.0 (path+file:///a)\", "
          + "\"target\": {\"kind\": [\"lib\"], \"name\": \"a\"}, \"mode\": \"build\", \"dependencies\": []}";

  @Test
  void read_splitWorkspaceSample_readsNodesAndDependencies() throws Exception {
    UnitGraphFile graph = UnitGraphFile.read(resource("own-2core-2026/split-unit-graph.json"));
    UnitGraphFile.Node m00 = graph.units().get(0);
    UnitGraphFile.Node m09 =
        graph.units().stream().filter(n -> n.name().equals("m09")).findFirst().orElseThrow();

    assertEquals(10, graph.units().size());
    assertEquals(IntStream.range(0, 10).boxed().toList(), graph.roots());
    assertEquals("path+file:///build/ws/split/crates/m00#0.1.0", m00.pkgId());
    assertEquals("m00", m00.name());
    assertEquals("0.1.0", m00.version());
    assertEquals(List.of("lib"), m00.targetKinds());
    assertEquals("build", m00.mode());
    assertEquals("dev", m00.profile().get("name"));
    assertEquals(List.of(), m00.dependencies());
    assertEquals(List.of("bin"), m09.targetKinds());
    assertEquals(9, m09.dependencies().size());
  }

  @Test
  void read_everyUnitGraphOfOwnDataset_parsesConsistently() throws Exception {
    Path own = groundTruth().resolve("own-2core-2026");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(own)) {
      files =
          walk.filter(p -> p.getFileName().toString().matches("unit-graph.*\\.json"))
              .sorted()
              .toList();
    }

    for (Path file : files) {
      UnitGraphFile graph = UnitGraphFile.read(file);
      assertFalse(graph.roots().isEmpty(), file.toString());
      for (UnitGraphFile.Node node : graph.units()) {
        assertTrue(node.name().matches("[A-Za-z0-9_-]+"), file + ": name " + node.name());
        assertTrue(
            node.version() != null && node.version().matches("\\d+\\.\\d+\\.\\d+.*"),
            file + ": " + node);
        assertFalse(node.targetKinds().isEmpty(), file + ": " + node);
      }
    }
    assertEquals(15, files.size());
  }

  @Test
  void read_cliUnitGraph_findsTheProcMacrosAndBuildScripts() throws Exception {
    UnitGraphFile graph =
        UnitGraphFile.read(groundTruth().resolve("own-2core-2026/cli/unit-graph.json"));
    Set<String> procMacros =
        graph.units().stream()
            .filter(UnitGraphFile.Node::isProcMacro)
            .map(UnitGraphFile.Node::name)
            .collect(Collectors.toSet());
    UnitGraphFile.Node root = graph.units().get(graph.roots().get(0));

    assertEquals(
        Set.of("serde_derive", "clap_derive", "thiserror-impl", "proc-macro-error-attr"),
        procMacros);
    assertEquals(13, graph.units().stream().filter(UnitGraphFile.Node::isBuildScriptRun).count());
    assertEquals(
        13, graph.units().stream().filter(UnitGraphFile.Node::isBuildScriptCompile).count());
    assertEquals("logscan", root.name());
    assertEquals("0.1.0", root.version());
    assertEquals(List.of("bin"), root.targetKinds());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "serde 1.0.152 (registry+https://github.com/rust-lang/crates.io-index) | serde         | 1.0.152",
        "registry+https://github.com/rust-lang/crates.io-index#serde@1.0.152   | serde         | 1.0.152",
        "path+file:///build/ws/cli#logscan@0.1.0                              | logscan       | 0.1.0",
        "path+file:///build/ws/split/crates/m00#0.1.0                         | m00           | 0.1.0",
        "path+file:///home/me/my-crate/#2.0.0-beta.1                          | my-crate      | 2.0.0-beta.1",
        "git+https://github.com/org/repo.git?branch=main#tool@0.3.0           | tool          | 0.3.0",
        "git+https://github.com/org/repo.git?rev=abc#0.3.0                    | repo          | 0.3.0",
        "https://github.com/rust-lang/crates.io-index#regex:1.7.1             | regex         | 1.7.1",
        "thiserror-impl@1.0.38                                                | thiserror-impl | 1.0.38",
      })
  void parsePkgId_everyForm_givesNameAndVersion(String pkgId, String name, String version) {
    assertArrayEquals(new String[] {name, version}, UnitGraphFile.parsePkgId(pkgId));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"version\": 1, \"units\": [UNIT], \"roots\": [3]}                 | root 3 does not exist (1 units)",
        "{\"version\": 2, \"units\": [UNIT], \"roots\": [0]}                 | unsupported unit-graph version 2, expected 1",
        "{\"units\": [UNIT], \"roots\": [0]}                                 | no version field",
        "{\"version\": 1, \"units\": [], \"roots\": []}                      | no units (the units list is empty)",
        "{\"version\": 1,\\n \"units\": [UNIT,,]}                             | line 2: malformed JSON",
        "`{\"version\": 1, \"units\": [{\"pkg_id\": \"a\"}], \"roots\": []}` | unit 0 has no target object",
        "[1, 2]                                                               | expected a JSON object with a units array",
      })
  void read_brokenGraph_throwsOneLineMessageNamingTheFile(
      String json, String expected, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("graph.json");
    Files.writeString(file, json.replace("\\n", "\n").replace("UNIT", MINIMAL_UNIT));

    TimingsFormatException error =
        assertThrows(TimingsFormatException.class, () -> UnitGraphFile.read(file));

    assertOneLineAbout("graph.json", expected, error);
  }

  @Test
  void read_danglingDependency_namesTheUnit(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("dangling-graph.json");
    Files.writeString(
        file,
        "{\"version\": 1, \"roots\": [0], \"units\": ["
            + MINIMAL_UNIT.replace("\"dependencies\": []", "\"dependencies\": [{\"index\": 7}]")
            + "]}");

    TimingsFormatException error =
        assertThrows(TimingsFormatException.class, () -> UnitGraphFile.read(file));

    assertOneLineAbout(
        "dangling-graph.json", "unit 0 depends on unit 7, which does not exist (1 units)", error);
  }
}
