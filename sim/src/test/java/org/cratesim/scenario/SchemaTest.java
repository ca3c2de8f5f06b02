package org.cratesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cratesim.TestPaths;
import org.cratesim.model.CostRates;
import org.cratesim.model.CrateKind;
import org.cratesim.model.Linker;
import org.cratesim.model.Lto;
import org.cratesim.model.Mode;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.model.SchedulingPolicy;
import org.cratesim.scenario.Schema.Default;
import org.cratesim.scenario.Schema.Key;
import org.cratesim.scenario.Schema.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * {@code scenarios/reference.toml} against the {@link Schema}: every key of the schema is
 * documented there, every key documented there is in the schema, and the defaults agree.
 *
 * <p>The reference shows a key either as a line {@code key = value # doc} or commented out, {@code
 * # key = value # doc}; the doc goes on in comment lines indented to the doc column. A key's
 * default is what its doc states ({@code default X}, {@code (default X)}); when the doc states
 * none, the value shown is the default.
 */
class SchemaTest {
  private static final Pattern HEADER =
      Pattern.compile("^(\\[\\[?)([a-z_]+(?:\\.[a-z][a-z-]*)?)(\\]\\]?)\\s*(?:#(.*))?$");
  private static final Pattern KEY = Pattern.compile("^([a-z_][a-z_-]*)\\s*=\\s*(.*)$");
  private static final Pattern CONTINUATION = Pattern.compile("^#?\\s{10,}#(.*)$");
  private static final String TOKEN = "(\"[^\"]*\"|\\[\\]|-?[0-9]+(?:\\.[0-9]+)?|[a-z][a-z-]*)";
  private static final Pattern STATED_DEFAULT = Pattern.compile("default:?\\s+" + TOKEN);

  /** A documented key: the value shown and its documentation. */
  private record Doc(Object value, StringBuilder text) {}

  /** Documented keys by table ("" = the top level), first occurrence; table docs under "". */
  private static final Map<String, Map<String, Doc>> DOCS = new LinkedHashMap<>();

  /** Every key seen per table (the union over all [[crate]] tables). */
  private static final Map<String, Set<String>> SEEN = new LinkedHashMap<>();

  @BeforeAll
  static void parseReference() throws IOException {
    List<String> lines = Files.readAllLines(reference(), StandardCharsets.UTF_8);
    String table = "";
    DOCS.put("", new LinkedHashMap<>());
    SEEN.put("", new LinkedHashSet<>());
    StringBuilder current = null;
    for (String raw : lines) {
      String line = raw;
      if (line.startsWith("# ")) {
        String u = line.substring(2);
        if (HEADER.matcher(u).matches() || KEY.matcher(u).matches()) {
          line = u;
        }
      }
      Matcher h = HEADER.matcher(line);
      Matcher k = KEY.matcher(line);
      Matcher c = CONTINUATION.matcher(raw);
      if (h.matches()) {
        table = h.group(2);
        DOCS.computeIfAbsent(table, t -> new LinkedHashMap<>());
        SEEN.computeIfAbsent(table, t -> new LinkedHashSet<>());
        // [profile.build-override]: a table inside [profile], documented as profile's key
        int dot = table.indexOf('.');
        String parent = dot < 0 ? "" : table.substring(0, dot);
        String self = dot < 0 ? table : table.substring(dot + 1);
        SEEN.computeIfAbsent(parent, t -> new LinkedHashSet<>()).add(self);
        Doc d =
            DOCS.computeIfAbsent(parent, t -> new LinkedHashMap<>())
                .computeIfAbsent(
                    self,
                    t ->
                        new Doc(
                            null, new StringBuilder(h.group(4) == null ? "" : h.group(4).trim())));
        current = d.text();
      } else if (k.matches()) {
        TomlParseResult toml = Toml.parse(line);
        assertFalse(toml.hasErrors(), "reference.toml: " + raw + ": " + toml.errors());
        String key = k.group(1);
        Object value = toml.get(List.of(key));
        int hash = commentStart(line);
        String text = hash < 0 ? "" : line.substring(hash + 1).trim();
        SEEN.get(table).add(key);
        Doc d = DOCS.get(table).get(key);
        if (d == null) {
          d = new Doc(value, new StringBuilder(text));
          DOCS.get(table).put(key, d);
          current = d.text();
        } else {
          current = null;
        }
      } else if (c.matches() && current != null) {
        current.append(' ').append(c.group(1).trim());
      } else {
        current = null;
      }
    }
  }

  /** Where a key line's comment starts (outside strings), or -1. */
  private static int commentStart(String line) {
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        inString = !inString;
      } else if (ch == '#' && !inString) {
        return i;
      }
    }
    return -1;
  }

  private static Path reference() {
    return TestPaths.repo().resolve("scenarios/reference.toml");
  }

  // ---- the key sets ----

  @Test
  void reference_documentsEveryTableAndNothingElse() {
    assertEquals(Set.copyOf(Schema.SCENARIO.names()), SEEN.get(""));
  }

  @Test
  void reference_documentsEveryKeyOfEveryTable() {
    for (Table t : Schema.tables().values()) {
      if (t == Schema.COSTS || t == Schema.BUILD_SCRIPT) {
        continue; // below: the rates are documented in costs.toml, the script in its crate
      }
      for (String k : t.names()) {
        assertTrue(
            SEEN.get(t.name()).contains(k),
            "reference.toml does not document " + t.name() + "." + k);
      }
    }
  }

  @Test
  void reference_documentsOnlySchemaKeys() {
    for (var e : SEEN.entrySet()) {
      Table t = e.getKey().isEmpty() ? Schema.SCENARIO : Schema.table(e.getKey()).orElseThrow();
      if (t.open()) {
        continue; // a strategy's parameters, which the strategy checks
      }
      for (String k : e.getValue()) {
        assertTrue(
            t.has(k),
            "reference.toml documents "
                + e.getKey()
                + "."
                + k
                + ", which the schema does not have");
      }
    }
  }

  @Test
  void reference_givesEveryKeyADocLine() {
    for (var e : DOCS.entrySet()) {
      for (var d : e.getValue().entrySet()) {
        assertFalse(
            d.getValue().text().toString().isBlank(),
            "reference.toml: " + e.getKey() + "." + d.getKey() + " has no documentation");
      }
    }
  }

  @Test
  void buildScript_everyKeyDocumentedInItsCrate() {
    Doc bs = DOCS.get("crate").get("build_script");
    TomlTable shown = (TomlTable) bs.value();
    String text = bs.text().toString();
    for (String k : shown.keySet()) {
      assertTrue(Schema.BUILD_SCRIPT.has(k), "build_script." + k + " is not in the schema");
    }
    for (Key k : Schema.BUILD_SCRIPT.keys()) {
      assertTrue(
          word(k.name()).matcher(text).find(), "build_script." + k.name() + " is not documented");
      if (k.dflt() instanceof Default.Value v) {
        Matcher m =
            Pattern.compile(Pattern.quote(k.name()) + "\\s*\\(?default:?\\s+" + TOKEN)
                .matcher(text);
        assertTrue(m.find(), "build_script." + k.name() + ": its default is not documented");
        assertEquals(
            normal(v.value()),
            normal(literal(m.group(1))),
            "build_script." + k.name() + " default");
      }
    }
  }

  @Test
  void costs_documentedInCostsToml() throws IOException {
    StringBuilder doc = new StringBuilder(DOCS.get("").get("costs").text());
    DOCS.get("costs").values().forEach(d -> doc.append(' ').append(d.text()));
    assertTrue(doc.toString().contains("costs.toml"), "[costs] should point to costs.toml");
    for (String k : SEEN.get("costs")) {
      assertTrue(Schema.COSTS.has(k), "costs." + k + " is not a cost rate");
    }
    String text;
    try (InputStream in = CostRates.class.getResourceAsStream("/org/cratesim/cost/costs.toml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    TomlTable costs = Toml.parse(text).getTable("costs");
    assertEquals(Schema.COSTS.names(), List.copyOf(costs.keySet()));
    for (Key k : Schema.COSTS.keys()) {
      assertEquals(((Number) costs.get(List.of(k.name()))).doubleValue(), k.number(), k.name());
      assertFalse(k.doc().isBlank(), k.name());
    }
  }

  // ---- the defaults ----

  @Test
  void reference_defaultsEqualTheSchema() {
    List<String> wrong = new ArrayList<>();
    List<Table> tables = new ArrayList<>(List.of(Schema.SCENARIO));
    tables.addAll(Schema.tables().values());
    for (Table t : tables) {
      if (t == Schema.COSTS || t == Schema.BUILD_SCRIPT) {
        continue;
      }
      for (Key k : t.keys()) {
        Doc d = DOCS.get(t.name()).get(k.name());
        if (d == null) {
          continue; // reported by reference_documentsEveryKeyOfEveryTable
        }
        String text = d.text().toString();
        String where = t.name() + "." + k.name();
        if (k.dflt() instanceof Default.Required) {
          if (!text.contains("required")) {
            wrong.add(where + " is required but not documented as required");
          }
        } else if (k.dflt() instanceof Default.Value v) {
          List<Object> stated = new ArrayList<>();
          Matcher m = STATED_DEFAULT.matcher(text);
          while (m.find()) {
            stated.add(normal(literal(m.group(1))));
          }
          Object want = normal(v.value());
          if (stated.isEmpty() ? !want.equals(normal(d.value())) : !stated.contains(want)) {
            wrong.add(
                where
                    + ": the schema's default is "
                    + v.value()
                    + ", reference.toml "
                    + (stated.isEmpty() ? "shows " + d.value() : "states " + stated));
          }
        } // a Derived default is prose (the mode's, the graph's): nothing to compare
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void reference_listsEveryAllowedValue() {
    for (Table t : Schema.tables().values()) {
      for (Key k : t.keys()) {
        Doc d = DOCS.getOrDefault(t.name(), Map.of()).get(k.name());
        if (d == null || k.values().isEmpty()) {
          continue;
        }
        for (String v : k.values()) {
          assertTrue(
              word(v).matcher(d.text()).find(),
              "reference.toml: " + t.name() + "." + k.name() + " does not list " + v);
        }
      }
    }
  }

  @Test
  void reference_isAValidScenario() throws Exception {
    Scenario sc = ScenarioReader.read(reference());
    assertEquals("reference", sc.name());
    Scenario back = ScenarioReader.parse(ScenarioWriter.write(sc, List.of()), "back.toml");
    assertEquals(sc.build(), back.build());
    assertEquals(sc.rebuild(), back.rebuild());
    assertEquals(sc.machine(), back.machine());
    assertEquals(sc.rustc(), back.rustc());
    assertEquals(sc.profile(), back.profile());
    assertEquals(sc.costs(), back.costs());
    for (int i = 0; i < sc.crates().size(); i++) {
      var a = sc.crates().get(i);
      var b = back.crates().get(i);
      assertEquals(
          List.of(
              a.name(),
              a.version(),
              a.kind(),
              a.deps(),
              a.phases(),
              a.size(),
              a.buildScript(),
              a.builtFor()),
          List.of(
              b.name(),
              b.version(),
              b.kind(),
              b.deps(),
              b.phases(),
              b.size(),
              b.buildScript(),
              b.builtFor()));
    }
  }

  // ---- the schema against the model ----

  @Test
  void choices_areWhatTheModelParses() {
    Map<Key, Function<String, String>> parsers = new LinkedHashMap<>();
    parsers.put(Schema.BUILD.key("mode"), s -> Mode.parse(s).id());
    parsers.put(Schema.BUILD.key("scheduling"), s -> SchedulingPolicy.parse(s).id());
    parsers.put(Schema.BUILD.key("kind"), s -> Rebuild.Kind.parse(s).id());
    parsers.put(Schema.PROFILE.key("lto"), s -> Lto.parse(s).id());
    parsers.put(Schema.PROFILE.key("linker"), s -> Linker.parse(s).id());
    parsers.put(Schema.CRATE.key("kind"), s -> CrateKind.parse(s).id());
    for (var e : parsers.entrySet()) {
      for (String v : e.getKey().values()) {
        assertEquals(v, e.getValue().apply(v), e.getKey().name());
      }
      if (e.getKey().dflt() instanceof Default.Value v) {
        assertTrue(e.getKey().values().contains(v.value()), e.getKey().name());
      }
    }
  }

  @Test
  void defaults_areTheReadersForAMinimalScenario() throws Exception {
    Scenario sc =
        ScenarioReader.parse(
            "[build]\njobs = 2\n[[crate]]\nname = \"a\"\n" + "frontend_s = 1\n", "min.toml");
    assertEquals(Schema.BUILD.key("mode").string(), sc.build().mode().id());
    assertEquals(Schema.BUILD.key("scheduling").string(), sc.build().scheduling().id());
    assertEquals(Schema.BUILD.key("startup_s").number(), sc.build().startupS());
    assertEquals(Schema.BUILD.key("kind").string(), sc.rebuild().kind().id());
    assertEquals(Schema.CRATE.key("version").string(), sc.crates().get(0).version());
    assertEquals(Schema.CRATE.key("kind").string(), sc.crates().get(0).kind().id());
    // the linker's default is derived: GNU ld for sized crates, the page's rustc's for timed ones
    assertTrue(sc.profile().linker().isEmpty());
    assertEquals(Linker.LD, sc.profile().sizedLinker());
    assertEquals(Linker.LLD, sc.profile().timedLinker(sc.build().cargo()));
    assertEquals(Schema.PROFILE.key("frontend_threads").number(), sc.profile().frontendThreads());
    assertEquals(Schema.PROFILE.key("lto").string(), sc.profile().ltoFor(Mode.DEBUG).id());
    double[] v = sc.rebuild().values();
    for (int i = 0; i < v.length; i++) {
      assertEquals(Schema.rebuildValues().get(i).number(), v[i]);
    }
  }

  @Test
  void everySettableKey_isAcceptedByTheOverrides() throws Exception {
    Scenario seconds = ScenarioReader.read(reference());
    Scenario sized =
        ScenarioReader.parse(
            "[build]\njobs = 2\n[[crate]]\nname = \"base\"\n" + "loc = 1000\n", "sized.toml");
    for (String name : Schema.settableTables()) {
      Table t = Schema.table(name).orElseThrow();
      for (Key k : t.keys()) {
        if (!k.settable()) {
          continue;
        }
        String v =
            switch (k.type()) {
              case CHOICE -> k.values().get(k.values().size() - 1);
              case BOOLEAN -> "true";
              case INTEGER -> "2";
              case STRING -> k.dflt() instanceof Default.Value dv ? (String) dv.value() : "x";
              default -> "0.5";
            };
        String key = name.equals("crate") ? "crate.base." + k.name() : name + "." + k.name();
        boolean bySize = k.name().equals("loc") || k.name().equals("own_instantiations");
        ScenarioOverrides.applyOne(bySize ? sized : seconds, key, v);
      }
    }
  }

  /**
   * The model records check their invariants in their constructors; the schema's ranges are the
   * same: through {@code --set}, a number just outside a key's range is rejected and its bounds
   * (when closed) are accepted.
   */
  @Test
  void modelInvariants_agreeWithTheSchemasRanges() throws Exception {
    Scenario sc = ScenarioReader.read(reference());
    for (String name : Schema.settableTables()) {
      for (Key k : Schema.table(name).orElseThrow().keys()) {
        if (!k.settable() || !(k.type() == Schema.Type.NUMBER || k.type() == Schema.Type.SHARE)) {
          continue;
        }
        String key = name.equals("crate") ? "crate.base." + k.name() : name + "." + k.name();
        Schema.Range r = k.range();
        List<Double> outside = new ArrayList<>(List.of(r.minOpen() ? r.min() : r.min() - 0.01));
        if (!r.unboundedAbove()) {
          outside.add(r.maxOpen() ? r.max() : r.max() + 0.01);
        }
        for (double v : outside) {
          assertThrows(
              IllegalArgumentException.class,
              () -> ScenarioOverrides.applyOne(sc, key, String.valueOf(v)),
              key + "=" + v);
        }
        if (!r.minOpen()) {
          ScenarioOverrides.applyOne(sc, key, String.valueOf(r.min()));
        }
        if (!r.unboundedAbove() && !r.maxOpen()) {
          ScenarioOverrides.applyOne(sc, key, String.valueOf(r.max()));
        }
      }
    }
  }

  private static Pattern word(String w) {
    return Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(w) + "(?![A-Za-z0-9_-])");
  }

  /** A default as written in the reference's prose: a TOML literal, or a bare word. */
  private static Object literal(String token) {
    TomlParseResult r = Toml.parse("v = " + token);
    return r.hasErrors() ? token : r.get(List.of("v"));
  }

  /** Values compared across TOML's and Java's types: numbers as doubles, arrays as lists. */
  private static Object normal(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof TomlArray a) {
      return a.toList();
    }
    return v;
  }
}
