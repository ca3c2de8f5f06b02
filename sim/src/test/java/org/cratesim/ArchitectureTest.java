package org.cratesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.cycle.TarjanSimpleCycles;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the main sources is a DAG, {@code engine} knows nothing of cratesim, and no
 * cratesim class is named by an inline fully-qualified name (imports make every dependency visible
 * at the top of a file). Read from the sources: imports and, outside comments and strings, every
 * {@code org.cratesim.pkg.Type} in the code.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/org/cratesim");
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?org\\.cratesim\\.([a-z]+)\\.", Pattern.MULTILINE);
  private static final Pattern QUALIFIED = Pattern.compile("org\\.cratesim\\.([a-z]+)\\.[A-Z]\\w*");
  private static final Pattern HEADER_LINE =
      Pattern.compile("^(?:package|import)\\s[^\\n]*$", Pattern.MULTILINE);

  /** One source file: its package and text. */
  record Source(String name, String pkg, String text) {}

  /** What the scan found: package edges and the places with inline qualified names. */
  record Scan(Map<String, Set<String>> uses, List<String> inlineQualified) {}

  @Test
  void packageGraph_isAcyclic() {
    Scan scan = scan(mainSources());
    List<List<String>> cycles = cycles(scan.uses());
    assertTrue(cycles.isEmpty(), () -> "package cycles: " + cycles + " in " + scan.uses());
  }

  @Test
  void engine_importsNothingOfCratesim() {
    Set<String> used = scan(mainSources()).uses().getOrDefault("engine", Set.of());
    assertTrue(used.isEmpty(), () -> "engine uses " + used);
  }

  @Test
  void sources_haveNoInlineQualifiedNames() {
    List<String> places = scan(mainSources()).inlineQualified();
    assertTrue(places.isEmpty(), () -> "inline fully-qualified names: " + places);
  }

  @Test
  void spark_isOptional_onlyItsPackageNamesSpark_onlyCliNamesIt() {
    // Spark is a provided dependency: every other package must load without it
    Pattern sparkImport =
        Pattern.compile("^import\\s+(?:static\\s+)?org\\.apache\\.spark\\.", Pattern.MULTILINE);
    List<String> naming = new ArrayList<>();
    for (Source s : mainSources()) {
      if (!s.pkg().equals("spark") && sparkImport.matcher(s.text()).find()) {
        naming.add(s.name());
      }
    }
    assertTrue(naming.isEmpty(), () -> "Spark imported outside the spark package: " + naming);
    Set<String> users = new TreeSet<>();
    scan(mainSources())
        .uses()
        .forEach(
            (p, used) -> {
              if (used.contains("spark")) {
                users.add(p);
              }
            });
    assertEquals(Set.of("cli"), users, "packages that use the spark package");
    assertEquals(Set.of("sweep"), scan(mainSources()).uses().get("spark"));
  }

  @Test
  void noPackageNamedBuild() {
    // a standard `build/` line in .gitignore would ignore it, and tools skip build output
    assertFalse(Files.exists(MAIN.resolve("build")), "a source package named build");
  }

  @Test
  void checker_findsADeliberateCycle() {
    // the checks above would fail on a cycle: shown on sources made to have one
    List<Source> sources =
        List.of(
            new Source(
                "A.java", "cargo", "package org.cratesim.cargo;\nimport org.cratesim.rustc.R;\n"),
            new Source(
                "R.java", "rustc", "package org.cratesim.rustc;\nimport org.cratesim.cargo.A;\n"),
            new Source(
                "E.java",
                "engine",
                "package org.cratesim.engine;\n/** {@link org.cratesim.cargo.A} */\n"
                    + "class E { org.cratesim.model.Scenario s; String t = \"org.cratesim.x.Y\"; }\n"));
    Scan scan = scan(sources);
    assertEquals(List.of(List.of("cargo", "rustc")), cycles(scan.uses()));
    assertEquals(Set.of("model"), scan.uses().get("engine"));
    assertEquals(List.of("E.java: org.cratesim.model.Scenario"), scan.inlineQualified());
  }

  private static List<Source> mainSources() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<Source> out = new ArrayList<>();
      for (Path f :
          files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
        String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
        out.add(
            new Source(
                MAIN.relativize(f).toString(), pkg, Files.readString(f, StandardCharsets.UTF_8)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Scan scan(List<Source> sources) {
    Map<String, Set<String>> uses = new TreeMap<>();
    List<String> inline = new ArrayList<>();
    for (Source s : sources) {
      Set<String> used = uses.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
      String code = stripCommentsAndStrings(s.text());
      Matcher m = IMPORT.matcher(code);
      while (m.find()) {
        used.add(m.group(1));
      }
      Matcher q = QUALIFIED.matcher(HEADER_LINE.matcher(code).replaceAll(""));
      while (q.find()) {
        used.add(q.group(1));
        inline.add(s.name() + ": " + q.group());
      }
      used.remove(s.pkg());
    }
    return new Scan(uses, inline);
  }

  static List<List<String>> cycles(Map<String, Set<String>> uses) {
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    uses.forEach(
        (p, targets) -> {
          g.addVertex(p);
          for (String t : targets) {
            g.addVertex(t);
            g.addEdge(p, t);
          }
        });
    if (!new CycleDetector<>(g).detectCycles()) {
      return List.of();
    }
    List<List<String>> out = new ArrayList<>();
    for (List<String> c : new TarjanSimpleCycles<>(g).findSimpleCycles()) {
      List<String> sorted = new ArrayList<>(c);
      sorted.sort(null);
      out.add(sorted);
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  /** The code with comments removed and string and char literals emptied. */
  static String stripCommentsAndStrings(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && s.charAt(i) != c) {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
