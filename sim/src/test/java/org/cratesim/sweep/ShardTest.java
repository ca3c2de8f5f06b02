package org.cratesim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.cratesim.TestPaths;
import org.cratesim.cli.CratesimCommand;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards of a sweep for job arrays, their merge, and the recipe a remote worker receives. */
class ShardTest {
  @TempDir Path tmp;

  private static final List<String> FILES = List.of("sweep.txt", "results.csv", "summary.csv");

  private static SweepSpec spec(long seed) throws Exception {
    LinkedHashMap<String, List<String>> p = new LinkedHashMap<>();
    p.put("jobs", List.of("1", "2", "4"));
    p.put("strategy", List.of("none", "shared-cache"));
    return new SweepSpec(
        ScenarioReader.read(TestPaths.repo().resolve("scenarios/serde-like.toml")),
        p,
        4,
        seed,
        Noise.DEFAULT,
        true);
  }

  private Path run(SweepSpec s, String name, Shard shard) throws Exception {
    Path dir = tmp.resolve(name);
    SweepRunner.run(s, dir, false, shard, new LocalExecutor(2), n -> {});
    return dir;
  }

  private static void assertSameFiles(Path a, Path b) throws Exception {
    for (String f : FILES) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  @Test
  void shards_partitionTheRunsEvenly() {
    Set<SweepTask> seen = new HashSet<>();
    long total = 0;
    for (int i = 1; i <= 5; i++) {
      Shard sh = new Shard(i, 5);
      int n = 0;
      for (int p = 0; p < 7; p++) {
        for (int r = 0; r < 3; r++) {
          if (sh.owns(new SweepTask(p, r), 3)) {
            assertTrue(seen.add(new SweepTask(p, r)));
            n++;
          }
        }
      }
      assertEquals(sh.size(7, 3), n);
      assertTrue(n == 4 || n == 5, "21 runs in 5 shards: 4 or 5 each, was " + n);
      total += n;
    }
    assertEquals(21, total);
    assertEquals(new Shard(2, 8), Shard.parse("2/8"));
    for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0")) {
      assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
    }
  }

  @Test
  void threeShardsMerged_equalTheWholeRun() throws Exception {
    SweepSpec s = spec(5);
    Path whole = run(s, "whole", null);
    List<Path> shards = new ArrayList<>();
    for (int i = 3; i >= 1; i--) { // in any order
      Path d = run(s, "shard-" + i, new Shard(i, 3));
      assertFalse(Files.exists(d.resolve("summary.csv")));
      assertEquals(1 + 8, Files.readAllLines(d.resolve("results.csv")).size());
      shards.add(d);
    }
    ShardMerge.Merged m = ShardMerge.merge(shards, tmp.resolve("merged"));
    assertEquals(new ShardMerge.Merged(3, 6, 4, 24), m);
    assertSameFiles(whole, tmp.resolve("merged"));
  }

  @Test
  void merge_refusesForeignMissingDuplicatedAndUnfinishedShards() throws Exception {
    SweepSpec s = spec(5);
    Path a = run(s, "a", new Shard(1, 3));
    Path b = run(s, "b", new Shard(2, 3));
    Path c = run(s, "c", new Shard(3, 3));
    Path foreign = run(spec(6), "foreign", new Shard(2, 3));
    Path out = tmp.resolve("out");
    String msg =
        assertThrows(
                ShardMerge.BadShardsException.class,
                () -> ShardMerge.merge(List.of(a, foreign, c), out))
            .getMessage();
    assertTrue(msg.contains("another sweep"), msg);
    msg =
        assertThrows(
                ShardMerge.BadShardsException.class, () -> ShardMerge.merge(List.of(a, c), out))
            .getMessage();
    assertEquals("missing shard 2/3", msg);
    msg =
        assertThrows(
                ShardMerge.BadShardsException.class,
                () -> ShardMerge.merge(List.of(a, b, b, c), out))
            .getMessage();
    assertTrue(msg.startsWith("shard 2/3 given twice"), msg);
    Path whole = run(s, "whole", null);
    assertThrows(
        ShardMerge.BadShardsException.class, () -> ShardMerge.merge(List.of(a, b, whole), out));
    // a shard killed before it finished: a row lost
    List<String> lines = Files.readAllLines(b.resolve("results.csv"));
    Files.writeString(
        b.resolve("results.csv"),
        String.join("\n", lines.subList(0, lines.size() - 1)) + "\n",
        StandardCharsets.UTF_8);
    msg =
        assertThrows(
                ShardMerge.BadShardsException.class, () -> ShardMerge.merge(List.of(a, b, c), out))
            .getMessage();
    assertTrue(msg.contains("--resume"), msg);
    assertFalse(Files.exists(out), "nothing written on failure");
    // finished with --resume, it merges
    SweepRunner.run(s, b, true, new Shard(2, 3), new LocalExecutor(1), n -> {});
    ShardMerge.merge(List.of(a, b, c), out);
    assertSameFiles(whole, out);
    assertThrows(
        ShardMerge.BadShardsException.class, () -> ShardMerge.merge(List.of(a, b, c), out));
  }

  @Test
  void resume_checksTheShard() throws Exception {
    SweepSpec s = spec(5);
    Path a = run(s, "a", new Shard(1, 2));
    var ex = new LocalExecutor(1);
    assertThrows(
        SweepRunner.SweepStateException.class,
        () -> SweepRunner.run(s, a, true, new Shard(2, 2), ex, n -> {}));
    assertThrows(
        SweepRunner.SweepStateException.class, () -> SweepRunner.run(s, a, true, ex, n -> {}));
    SweepRunner.Outcome o = SweepRunner.run(s, a, true, new Shard(1, 2), ex, n -> {});
    assertEquals(0, o.ran());
    assertEquals(12, o.kept());
  }

  @Test
  void recipe_travelsAndGivesTheSameRows() throws Exception {
    SweepSpec s = spec(9);
    SweepWork here = SweepWork.of(s);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(here.recipe());
    }
    SweepRecipe there;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      there = (SweepRecipe) in.readObject();
    }
    assertEquals(s.describe(), there.describe());
    for (int p = 0; p < 6; p++) {
      for (int r = 0; r < 4; r++) {
        SweepTask t = new SweepTask(p, r);
        assertArrayEquals(here.run(t).metrics(), there.work().run(t).metrics(), t.toString());
      }
    }
  }

  private static int cli(StringWriter out, StringWriter err, String... args) {
    var cl = CratesimCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void cli_shardsAndMerge() throws Exception {
    String file =
        TestPaths.repo().resolve("scenarios/sweeps/serde-cores-strategies.toml").toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String whole = tmp.resolve("whole").toString();
    assertEquals(0, cli(out, err, "sweep", file, "--replications", "2", "-o", whole));
    List<String> dirs = new ArrayList<>(List.of("sweep", "merge"));
    for (int i = 1; i <= 2; i++) {
      String d = tmp.resolve("s" + i).toString();
      assertEquals(
          0,
          cli(out, err, "sweep", file, "--replications", "2", "--shard", i + "/2", "-o", d),
          err.toString());
      dirs.add(d);
    }
    assertTrue(out.toString().contains("shard 2/2 of 20 design points x 2 replications: 20 runs"));
    List<String> missing = new ArrayList<>(dirs.subList(0, 3));
    missing.addAll(List.of("-o", tmp.resolve("m0").toString()));
    assertEquals(2, cli(out, err, missing.toArray(new String[0])));
    assertTrue(err.toString().contains("missing shard 2/2"), err.toString());
    dirs.addAll(List.of("-o", tmp.resolve("m").toString()));
    assertEquals(0, cli(out, err, dirs.toArray(new String[0])), err.toString());
    assertSameFiles(Path.of(whole), tmp.resolve("m"));
    assertEquals(2, cli(out, err, "sweep", file, "--shard", "3/2", "-o", tmp.resolve("x") + ""));
    assertEquals(
        2, cli(out, err, "sweep", file, "--master", "local[2]", "-o", tmp.resolve("x") + ""));
    assertFalse(Files.exists(tmp.resolve("x")));
  }
}
