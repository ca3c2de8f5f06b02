package org.cratesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.junit.jupiter.api.Test;

class SplitEditTest {
  @Test
  void anEditOfTheSplitCrate_becomesAnEditOfPartOne() throws Exception {
    Scenario sc =
        ScenarioReader.parse(
            """
            name = "e"
            [build]
            jobs = 2
            [[crate]]
            name = "lib"
            frontend_s = 2.0
            codegen_s = 2.0
            [[crate]]
            name = "app"
            kind = "bin"
            deps = ["lib"]
            frontend_s = 1.0
            """,
            "e.toml");
    sc =
        sc.withRebuild(
            sc.rebuild()
                .withKind(Rebuild.Kind.INCREMENTAL)
                .withEdits(List.of("lib", "app"))
                .withWorkspace(List.of("lib", "app")));
    Scenario out =
        SplitMerge.split(sc, "lib", 3, SplitMerge.Shape.WIDE, SplitMerge.Options.defaults());
    assertEquals(List.of("lib-1", "app"), out.rebuild().editedCrates());
    assertEquals(List.of("lib-1", "lib-2", "lib-3", "app"), out.rebuild().workspace());
  }
}
