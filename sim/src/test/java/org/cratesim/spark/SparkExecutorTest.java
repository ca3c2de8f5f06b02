package org.cratesim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.cratesim.TestPaths;
import org.cratesim.cli.CratesimCommand;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.sweep.LocalExecutor;
import org.cratesim.sweep.Noise;
import org.cratesim.sweep.Shard;
import org.cratesim.sweep.SweepRunner;
import org.cratesim.sweep.SweepSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark executor on a local master (2 worker threads, up to 3 attempts per task: {@code
 * local[2,3]}), one session for the class: the files of a local run, byte for byte, also when
 * attempts fail and are retried.
 */
class SparkExecutorTest {
  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .appName("cratesim-test")
            .master("local[2,3]")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final List<String> FILES = List.of("sweep.txt", "results.csv", "summary.csv");

  private static SweepSpec spec() throws Exception {
    LinkedHashMap<String, List<String>> p = new LinkedHashMap<>();
    p.put("jobs", List.of("1", "2", "4"));
    p.put("strategy", List.of("none", "shared-cache"));
    return new SweepSpec(
        ScenarioReader.read(TestPaths.repo().resolve("scenarios/serde-like.toml")),
        p,
        5,
        11,
        Noise.DEFAULT,
        true);
  }

  private static void assertSameFiles(Path a, Path b, List<String> files) throws Exception {
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  @Test
  void sparkRun_isTheLocalRunByteForByte() throws Exception {
    SweepSpec s = spec();
    SweepRunner.run(s, tmp.resolve("local"), false, new LocalExecutor(2), n -> {});
    for (int size : new int[] {1, 4, 30}) {
      Path dir = tmp.resolve("spark-" + size);
      SweepRunner.Outcome o =
          SweepRunner.run(s, dir, false, new SparkExecutor(spark, size, (p, a, r) -> {}), n -> {});
      assertEquals(30, o.ran());
      assertSameFiles(tmp.resolve("local"), dir, FILES);
    }
  }

  @Test
  void failedAndRetriedAttempts_changeNothing() throws Exception {
    SweepSpec s = spec();
    SweepRunner.run(s, tmp.resolve("local"), false, new LocalExecutor(1), n -> {});
    // every task's first attempt dies after its second row; the retry computes the task again
    SparkExecutor.TaskHook killFirstAttempts =
        (partition, attempt, row) -> {
          if (attempt == 0 && row == 2) {
            throw new IllegalStateException("attempt killed (test)");
          }
        };
    Path dir = tmp.resolve("retried");
    SweepRunner.run(s, dir, false, new SparkExecutor(spark, 4, killFirstAttempts), n -> {});
    assertSameFiles(tmp.resolve("local"), dir, FILES);
    // the hook does run in the tasks: a task failing at every attempt fails the sweep
    SparkExecutor.TaskHook always =
        (partition, attempt, row) -> {
          if (partition == 1) {
            throw new IllegalStateException("always killed (test)");
          }
        };
    String msg =
        assertThrows(
                IllegalStateException.class,
                () ->
                    SweepRunner.run(
                        s,
                        tmp.resolve("failed"),
                        false,
                        new SparkExecutor(spark, 4, always),
                        n -> {}))
            .getMessage();
    // as on the local executor, the sweep fails with the task's own exception
    assertEquals("always killed (test)", msg);
  }

  @Test
  void shardOnSpark_isTheLocalShard() throws Exception {
    SweepSpec s = spec();
    Shard sh = new Shard(2, 3);
    SweepRunner.run(s, tmp.resolve("local"), false, sh, new LocalExecutor(2), n -> {});
    SweepRunner.run(
        s, tmp.resolve("spark"), false, sh, new SparkExecutor(spark, 3, (p, a, r) -> {}), n -> {});
    assertSameFiles(tmp.resolve("local"), tmp.resolve("spark"), List.of("results.csv"));
  }

  @Test
  void cli_executorSpark_reusesTheRunningSessionAndResumes() throws Exception {
    String file =
        TestPaths.repo().resolve("scenarios/sweeps/serde-cores-strategies.toml").toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = CratesimCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String local = tmp.resolve("local").toString();
    String onSpark = tmp.resolve("spark").toString();
    assertEquals(0, cl.execute("sweep", file, "--replications", "2", "-o", local));
    assertEquals(
        0,
        cl.execute(
            "sweep",
            file,
            "--replications",
            "2",
            "--executor",
            "spark",
            "--master",
            "local[2]",
            "--task-size",
            "3",
            "-o",
            onSpark),
        err.toString());
    assertSameFiles(Path.of(local), Path.of(onSpark), FILES);
    // a killed run: half its rows lost; --resume on Spark finishes it
    Path results = Path.of(onSpark).resolve("results.csv");
    List<String> lines = Files.readAllLines(results);
    Files.write(results, lines.subList(0, 20));
    assertEquals(
        0,
        cl.execute(
            "sweep", file, "--replications", "2", "--executor", "spark", "--resume", "-o", onSpark),
        err.toString());
    assertTrue(out.toString().contains("40 runs (19 kept from before)"), out.toString());
    assertSameFiles(Path.of(local), Path.of(onSpark), FILES);
    assertEquals(
        2,
        cl.execute(
            "sweep", file, "--executor", "spark", "--threads", "2", "-o", tmp.resolve("x") + ""));
    assertFalse(Files.exists(tmp.resolve("x")));
    assertFalse(spark.sparkContext().isStopped(), "the test's session is left running");
  }
}
