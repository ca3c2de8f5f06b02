package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cratesim.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON document cratesim prints carries {@code format} and {@code version} and conforms to
 * its schema in src/main/resources/schemas (JSON Schema draft 2020-12); the schema files are
 * complete (each object lists its required fields among its properties) and there is one per format
 * (measure's is checked in MeasureCommandTest, with a fake cargo).
 */
class JsonSchemasTest {
  static final String PAGE =
      "sim/src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.html";
  static final String META = "sim/src/test/resources/timings/own-2core-2026/cli-metadata.json";

  @TempDir Path tmp;

  static String repo(String p) {
    return TestPaths.repo().resolve(p).toString();
  }

  /** The command lines whose output is checked, each with the format it prints. */
  List<String[]> commands() {
    String validate = repo("sim/src/test/resources/validate");
    List<String[]> c = new ArrayList<>();
    c.add(new String[] {"cratesim-run", "run", repo("scenarios/serde-like.toml")});
    c.add(
        new String[] {
          "cratesim-compare",
          "compare",
          repo("scenarios/tiny.toml"),
          "--strategy",
          "precompiled-proc-macros",
          "--strategy",
          "shared-cache"
        });
    c.add(
        new String[] {
          "cratesim-predict", "predict", repo(PAGE), "--metadata", repo(META), "-j", "2"
        });
    c.add(
        new String[] {
          "cratesim-predict-jobs", "predict", repo(PAGE), "--metadata", repo(META), "-j", "2,4"
        });
    c.add(
        new String[] {
          "cratesim-validate", "validate", "--from", validate, "--to", validate, "--unit-graphs"
        });
    c.add(
        new String[] {
          "cratesim-validate-strategies",
          "validate-strategies",
          repo("sim/src/test/resources/measured/own-2core-2026-12-02")
        });
    c.add(
        new String[] {
          "cratesim-split-merge",
          "split",
          repo("scenarios/workspaces/mono.toml"),
          "--crate",
          "mono",
          "--parts",
          "3",
          "--jobs",
          "1,2",
          "-o",
          tmp.resolve("split.toml").toString()
        });
    c.add(new String[] {"cratesim-advice", "advise", repo("scenarios/tiny.toml")});
    c.add(
        new String[] {
          "cratesim-bench", "bench", "--seconds", "0.02", "--reps", "2", "--skip-100k"
        });
    Path shared = TestPaths.shared();
    if (shared != null) {
      Path g = shared.resolve("groundtruth");
      c.add(
          new String[] {
            "cratesim-validate-split",
            "validate-split",
            "--own",
            g.resolve("own-2core-2026").toString()
          });
      c.add(
          new String[] {
            "cratesim-validate-rebuilds",
            "validate-rebuilds",
            "--own",
            g.resolve("own-2core-2026").toString()
          });
      c.add(
          new String[] {
            "cratesim-validate-experiments",
            "validate-experiments",
            g.resolve("lqd-experiments").toString()
          });
    } else {
      System.out.println(
          "JsonSchemasTest: no ../shared; validate-split, -rebuilds, -experiments not run");
    }
    return c;
  }

  @Test
  void everyJsonDocument_conformsToItsSchema() throws Exception {
    for (String[] c : commands()) {
      String[] args =
          Stream.concat(Stream.of(c).skip(1), Stream.of("--format", "json")).toArray(String[]::new);
      CliTest.Outcome o = CliTest.exec(args);
      assertEquals(0, o.code(), String.join(" ", args) + "\n" + o.err());
      JsonNode doc = new ObjectMapper().readTree(o.out());
      assertEquals(c[0], doc.path("format").asText(), String.join(" ", args));
      assertEquals(1, doc.path("version").asInt(), String.join(" ", args));
      List<String> errors = SchemaCheck.errors(doc);
      assertTrue(errors.isEmpty(), String.join(" ", args) + ": " + errors);
    }
  }

  @Test
  void schemaCheck_findsWhatBreaksASchema() throws Exception {
    ObjectMapper om = new ObjectMapper();
    JsonNode ok =
        om.readTree(
            "{\"format\": \"cratesim-predict\", \"version\": 1, \"wall_time_s\": 1.5,"
                + " \"measured_wall_time_s\": 3.0, \"measured_jobs\": 1, \"jobs\": 2,"
                + " \"mode\": \"debug\", \"replayed_wall_time_s\": 3.0, \"dependency_bound_s\": 1.0}");
    assertEquals(List.of(), SchemaCheck.errors(ok));
    JsonNode missing =
        ((com.fasterxml.jackson.databind.node.ObjectNode) ok.deepCopy()).without("jobs");
    assertTrue(SchemaCheck.errors(missing).toString().contains("'jobs' missing"));
    JsonNode extra = ((com.fasterxml.jackson.databind.node.ObjectNode) ok.deepCopy()).put("x", 1);
    assertTrue(SchemaCheck.errors(extra).toString().contains("'x' not in the schema"));
    JsonNode wrong =
        ((com.fasterxml.jackson.databind.node.ObjectNode) ok.deepCopy()).put("mode", 3);
    assertTrue(SchemaCheck.errors(wrong).toString().contains("$.mode"));
  }

  @Test
  void schemaFiles_areDraft2020WithRequiredAmongProperties() throws Exception {
    Path dir = TestPaths.repo().resolve("sim/src/main/resources/schemas");
    Set<String> formats = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        assertTrue(name.endsWith(".schema.json"), name);
        String format = name.substring(0, name.length() - ".schema.json".length());
        formats.add(format);
        JsonNode sc = new ObjectMapper().readTree(p.toFile());
        assertEquals("https://json-schema.org/draft/2020-12/schema", sc.path("$schema").asText());
        assertEquals(format, sc.path("properties").path("format").path("const").asText(), name);
        assertEquals(1, sc.path("properties").path("version").path("const").asInt(), name);
        requiredAmongProperties(sc, name);
      }
    }
    Set<String> produced = new TreeSet<>();
    for (String[] c : commands()) {
      produced.add(c[0]);
    }
    produced.add("cratesim-measure");
    produced.addAll(
        List.of(
            "cratesim-validate-split",
            "cratesim-validate-rebuilds",
            "cratesim-validate-experiments"));
    assertEquals(produced, formats);
  }

  private static void requiredAmongProperties(JsonNode sc, String at) {
    if (sc.has("required")) {
      for (JsonNode r : sc.get("required")) {
        assertTrue(sc.path("properties").has(r.asText()), at + ": required " + r + " undeclared");
      }
    }
    sc.path("properties")
        .fields()
        .forEachRemaining(e -> requiredAmongProperties(e.getValue(), at + "." + e.getKey()));
    if (sc.has("items")) {
      requiredAmongProperties(sc.get("items"), at + "[]");
    }
  }
}
