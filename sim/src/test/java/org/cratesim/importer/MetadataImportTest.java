package org.cratesim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.CargoVersion;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Mode;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.timings.CargoMetadata;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.junit.jupiter.api.Test;

/** Importing a real page (own-2core's cli, cargo 1.95) with its cargo metadata. */
class MetadataImportTest {
  private static final Path DIR = Path.of("src/test/resources/timings/own-2core-2026");

  private static Scenario imported(String page, Optional<CargoMetadata> m) throws Exception {
    TimingsPage p = TimingsReader.read(DIR.resolve(page));
    Calibration cal =
        Calibrations.shipped().get(Calibrations.profileFor(p.ncpu()), TimingsImporter.modeOf(p));
    return TimingsImporter.toScenario(p, cal, Optional.empty(), m, EdgeKnowledge.none());
  }

  private static CrateSpec crate(Scenario sc, String name) {
    return sc.crates().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void metadata_addsTheEdgesThePageCannotShow() throws Exception {
    Optional<CargoMetadata> m = Optional.of(CargoMetadata.read(DIR.resolve("cli-metadata.json")));
    Scenario page = imported("cli-clean-dev-j1-r2.json", Optional.empty());
    Scenario full = imported("cli-clean-dev-j1-r2.json", m);
    int pageEdges = page.crates().stream().mapToInt(c -> c.deps().size()).sum();
    int fullEdges = full.crates().stream().mapToInt(c -> c.deps().size()).sum();
    assertTrue(fullEdges > pageEdges, fullEdges + " edges with metadata vs " + pageEdges);
    // clap's derive feature: clap depends on clap_derive, which depends on syn, quote, ...
    assertTrue(
        crate(full, "clap").deps().contains("clap_derive"), crate(full, "clap").deps().toString());
    assertTrue(crate(full, "clap_derive").deps().containsAll(List.of("syn", "quote")));
    assertEquals(CrateKind.PROC_MACRO, crate(full, "serde_derive").kind());
    // proc-macro-error's build script needs version_check (a build-dependency)
    assertTrue(
        crate(full, "proc-macro-error")
            .buildScript()
            .orElseThrow()
            .deps()
            .contains("version_check"));
    assertEquals(new CargoVersion(1, 95), full.build().cargo());
  }

  @Test
  void metadata_setsTheWorkspace_soAWarmBuildRebuildsOnlyIt() throws Exception {
    Optional<CargoMetadata> m = Optional.of(CargoMetadata.read(DIR.resolve("cli-metadata.json")));
    Scenario full = imported("cli-clean-dev-j1-r2.json", m);
    assertEquals(List.of("logscan"), full.rebuild().workspace());
    BuildResult warm =
        BuildSimulator.simulate(full.withRebuild(full.rebuild().withKind(Rebuild.Kind.WARM)));
    List<String> rebuilt =
        warm.units().stream()
            .filter(u -> u.durationNanos() > 0)
            .map(u -> u.unit().name())
            .distinct()
            .toList();
    assertEquals(List.of("logscan"), rebuilt);
    // the extracted JSON alone has no Targets row: the default rule (crates nothing depends on)
    Scenario page = imported("cli-clean-dev-j1-r2.json", Optional.empty());
    assertTrue(page.rebuild().workspace().isEmpty());
    // the HTML page's Targets row names the requested packages
    Scenario html = imported("cli-clean-dev-j1-r2.html", Optional.empty());
    assertEquals(List.of("logscan"), html.rebuild().workspace());
  }

  @Test
  void metadataOfAnotherBuild_namesTheFirstMissingPackages() throws Exception {
    Optional<CargoMetadata> m = Optional.of(CargoMetadata.read(DIR.resolve("cli-metadata.json")));
    TimingsImporter.ImportMismatch e =
        assertThrows(
            TimingsImporter.ImportMismatch.class, () -> imported("mono-check-j1-r2.json", m));
    assertTrue(e.metadata());
    assertTrue(e.getMessage().contains("mono"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void pageOfCargo160_followsItsRules() throws Exception {
    Scenario sc = imported("cli-clean-dev-j1-r2.json", Optional.empty());
    assertEquals(Mode.DEBUG, sc.build().mode());
    TimingsPage p = TimingsReader.read(DIR.resolve("cli-clean-dev-j1-r2.json"));
    TimingsPage old =
        new TimingsPage(
            p.source(),
            p.jobs(),
            p.ncpu(),
            p.profile(),
            "rustc 1.60.0-nightly (1e12aef3f 2022-01-27)",
            p.totalSeconds(),
            p.format(),
            p.units());
    assertEquals(new CargoVersion(1, 60), TimingsImporter.cargoOf(old));
  }
}
