package org.cratesim.timings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.cratesim.timings.CargoMetadata.DepKind;
import org.cratesim.timings.CargoMetadata.Package;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CargoMetadataTest {
  private static final Path CLI =
      Path.of("src/test/resources/timings/own-2core-2026/cli-metadata.json");

  @Test
  void read_ownCli_packagesTargetsAndEdgeKinds() throws Exception {
    CargoMetadata m = CargoMetadata.read(CLI);
    assertEquals(36, m.packages().size());
    assertEquals(List.of("path+file:///build/ws/cli#logscan@0.1.0"), m.workspaceMembers());
    Package logscan = m.byId(m.workspaceMembers().get(0)).orElseThrow();
    assertEquals("logscan", logscan.name());
    assertEquals(List.of("logscan"), logscan.bins());
    List<String> macros =
        m.packages().stream()
            .filter(Package::isProcMacro)
            .map(Package::name)
            .sorted()
            .collect(Collectors.toList());
    assertEquals(
        List.of("clap_derive", "proc-macro-error-attr", "serde_derive", "thiserror-impl"), macros);
    Package pme =
        m.packages().stream()
            .filter(p -> p.name().equals("proc-macro-error"))
            .findFirst()
            .orElseThrow();
    assertTrue(pme.hasBuildScript());
    assertTrue(
        m.deps(pme.id()).stream()
            .anyMatch(
                d ->
                    d.pkg().contains("version_check")
                        && d.kinds().equals(EnumSet.of(DepKind.BUILD))));
    assertTrue(
        m.deps(logscan.id()).stream()
            .anyMatch(d -> d.pkg().contains("#clap@") && d.kinds().contains(DepKind.NORMAL)));
    assertTrue(m.isWorkspaceMember(logscan.id()));
    assertFalse(m.isWorkspaceMember(pme.id()));
  }

  @Test
  void targetsRow_givesThePackageNames() {
    assertEquals(
        List.of("logscan"), TimingsReader.targetPackages("logscan 0.1.0 ( logscan \"bin\")"));
    assertEquals(
        List.of("a", "b-c"),
        TimingsReader.targetPackages("a 1.0.0 (lib), b-c 0.2.0 (lib, bin \"x\"), a 1.0.0 (bin)"));
  }

  @Test
  void read_noDeps_saysHowToGetTheGraph(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("m.json");
    Files.writeString(
        f,
        "{\"version\": 1, \"workspace_members\": [\"a 0.1.0\"], \"resolve\": null,"
            + " \"packages\": [{\"id\": \"a 0.1.0\", \"name\": \"a\", \"version\": \"0.1.0\","
            + " \"targets\": [{\"name\": \"a\", \"kind\": [\"lib\"]}]}]}");
    TimingsFormatException e =
        assertThrows(TimingsFormatException.class, () -> CargoMetadata.read(f));
    assertTrue(
        e.getMessage().contains("m.json") && e.getMessage().contains("--no-deps"), e.getMessage());
  }

  @Test
  void read_otherFiles_oneLineErrors(@TempDir Path dir) throws Exception {
    Path page = Path.of("src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.json");
    assertTrue(
        assertThrows(TimingsFormatException.class, () -> CargoMetadata.read(page))
            .getMessage()
            .contains("cargo metadata"));
    Path v2 = dir.resolve("v2.json");
    Files.writeString(v2, "{\"version\": 2, \"packages\": []}");
    assertTrue(
        assertThrows(TimingsFormatException.class, () -> CargoMetadata.read(v2))
            .getMessage()
            .contains("version 2"));
    Path dangling = dir.resolve("d.json");
    Files.writeString(
        dangling,
        "{\"version\": 1, \"workspace_members\": [],"
            + " \"resolve\": {\"nodes\": [{\"id\": \"a\", \"deps\": [{\"pkg\": \"zz\", \"name\": \"zz\","
            + " \"dep_kinds\": [{\"kind\": null}]}]}]},"
            + " \"packages\": [{\"id\": \"a\", \"name\": \"a\", \"version\": \"1.0.0\", \"targets\": []}]}");
    String msg =
        assertThrows(TimingsFormatException.class, () -> CargoMetadata.read(dangling)).getMessage();
    assertTrue(msg.contains("zz") && !msg.contains("\n"), msg);
  }
}
