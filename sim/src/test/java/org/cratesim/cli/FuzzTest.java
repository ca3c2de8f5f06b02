package org.cratesim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the product's promise (see {@link Promise}): generated scenarios, sweep
 * files and timing pages, valid and invalid, and a seeded mutation corpus of the real pages in the
 * test resources, each given to the command line in-process. Seeds are fixed: every run tries the
 * same cases. Tries are chosen so the suite takes about a minute on two cores.
 */
class FuzzTest {
  /** {@code -Dcratesim.fuzz.salt=N} explores other cases than CI's (the default 0). */
  private static final long SALT = Long.getLong("cratesim.fuzz.salt", 0L);

  private static Path root;
  private static final List<Path> PAGES = new ArrayList<>();

  @BeforeContainer
  static void setUp() throws IOException {
    root = Files.createTempDirectory("cratesim-fuzz");
    Path res = Path.of("src", "test", "resources", "timings");
    try (Stream<Path> w = Files.walk(res)) {
      w.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".html"))
          .filter(p -> !p.getFileName().toString().contains("metadata"))
          .filter(p -> !p.getFileName().toString().contains("unit-graph"))
          .sorted()
          .forEach(PAGES::add);
    }
  }

  @AfterContainer
  static void tearDown() throws IOException {
    try (Stream<Path> w = Files.walk(root)) {
      for (Path p : w.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  // ---- scenarios ----------------------------------------------------------------------------

  @Property(tries = 800, seed = "16")
  void scenarios(@ForAll long seed) throws IOException {
    Random r = new Random(seed ^ SALT);
    Path in = Promise.freshDir(root, "in-scenario");
    Path out = Promise.freshDir(root, "out-scenario");
    Path f = in.resolve("s.toml");
    byte[] text = Generators.scenario(r).getBytes(StandardCharsets.UTF_8);
    Files.write(f, r.nextInt(8) == 0 ? Generators.mutate(text, r) : text);
    List<String> args = new ArrayList<>(List.of("run", f.toString()));
    Generators.runOptions(r, out, args);
    Promise.Outcome o = Promise.exec(args.toArray(String[]::new));
    Promise.check("scenario", o, out, "seed " + seed + " " + args);
  }

  // ---- sweep files --------------------------------------------------------------------------

  @Property(tries = 200, seed = "17")
  void sweepFiles(@ForAll long seed) throws IOException {
    Random r = new Random(seed ^ SALT);
    Path in = Promise.freshDir(root, "in-sweep");
    Path out = Promise.freshDir(root, "out-sweep");
    Files.writeString(in.resolve("base.toml"), Generators.smallScenario());
    Path f = in.resolve("sweep.toml");
    byte[] text = Generators.sweepFile(r).getBytes(StandardCharsets.UTF_8);
    Files.write(f, r.nextInt(8) == 0 ? Generators.mutate(text, r) : text);
    List<String> args =
        new ArrayList<>(
            List.of("sweep", f.toString(), "-o", out.resolve("sw").toString(), "--threads", "1"));
    if (r.nextInt(6) == 0) {
      args.addAll(List.of("--replications", Generators.pick(r, "0", "-1", "2", "2000000000", "x")));
    }
    if (r.nextInt(6) == 0) {
      args.addAll(List.of("--vary", Generators.varyOption(r)));
    }
    // counting against the original tree, a sweep may exhaust the heap: in a child JVM then
    Promise.Outcome o = Promise.execIsolated(args.toArray(String[]::new));
    Promise.check("sweep-file", o, out, "seed " + seed + " " + args);
  }

  // ---- generated timing pages ---------------------------------------------------------------

  @Property(tries = 500, seed = "18")
  void timingPages(@ForAll long seed) throws IOException {
    Random r = new Random(seed ^ SALT);
    Path in = Promise.freshDir(root, "in-page");
    Path out = Promise.freshDir(root, "out-page");
    Path f = in.resolve("page.json");
    Files.writeString(f, Generators.page(r));
    pageCommands(r, f, out, "page", "seed " + seed);
  }

  // ---- the real pages, mutated --------------------------------------------------------------

  @Property(tries = 600, seed = "19")
  void mutatedRealPages(@ForAll long seed) throws IOException {
    Random r = new Random(seed ^ SALT);
    Path page = PAGES.get(r.nextInt(PAGES.size()));
    Path in = Promise.freshDir(root, "in-mutated");
    Path out = Promise.freshDir(root, "out-mutated");
    String name = page.getFileName().toString();
    Path f = in.resolve(name);
    Files.write(f, Generators.mutatePage(Files.readAllBytes(page), r));
    pageCommands(r, f, out, "real-page", "seed " + seed + " " + name);
  }

  /** import -o (then run what was imported: it must read back), predict, or run on the fly. */
  private static void pageCommands(Random r, Path f, Path out, String family, String what) {
    int which = r.nextInt(3);
    if (which == 0) {
      Path toml = out.resolve("imported.toml");
      Promise.Outcome o = Promise.exec("import", f.toString(), "-o", toml.toString());
      Promise.check(family, o, out, what + " import");
      if (o.code() == 0) {
        Promise.Outcome again = Promise.exec("run", toml.toString());
        if (!Promise.COUNT && again.code() != 0) {
          throw new AssertionError(
              family + ": " + what + ": import wrote what run refuses: " + again.err());
        }
      }
    } else if (which == 1) {
      String j = Generators.pick(r, "1", "2", "8", "0", "100001");
      Promise.check(family, Promise.exec("predict", f.toString(), "-j", j), out, what + " predict");
    } else {
      Path txt = out.resolve("report.txt");
      Promise.check(
          family,
          Promise.exec("run", f.toString(), "-o", txt.toString()),
          out,
          what + " run on the fly");
    }
  }
}
