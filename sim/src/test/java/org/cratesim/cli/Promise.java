package org.cratesim.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The product's promise on one command line, checked in-process: exit 0 or 2; on 2, stderr is one
 * line starting {@code cratesim: error:} and the output folder is left empty; no throwable; done
 * within a generous time. Used by the fuzz tests and the regression corpus.
 *
 * <p>With {@code -Dcratesim.fuzz.count=true} a broken promise is counted (per input family, printed
 * at the end and written to target/fuzz-counts.txt) instead of failing the test: that is how the
 * figures before the fixes were taken, running the same tests against the original tree.
 */
final class Promise {
  private Promise() {}

  static final boolean COUNT = Boolean.getBoolean("cratesim.fuzz.count");

  /** Per case; generous: a case takes milliseconds, a hang never ends. */
  static final Duration TIMEOUT = Duration.ofSeconds(COUNT ? 20 : 60);

  record Outcome(int code, String out, String err) {}

  private static final Map<String, AtomicLong[]> COUNTS = new ConcurrentHashMap<>();
  private static final Object SYSTEM_STREAMS = new Object();

  static {
    if (COUNT) {
      Runtime.getRuntime().addShutdownHook(new Thread(Promise::report));
    }
  }

  /**
   * Runs {@code args} in-process with captured output, on a worker thread (so a hang times out).
   */
  static Outcome exec(String... args) {
    ExecutorService ex =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(null, r, "fuzz-case", 64L << 20);
              t.setDaemon(true);
              return t;
            });
    try {
      Future<Outcome> f = ex.submit(() -> call(args));
      return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Outcome(-1, "", "timed out after " + TIMEOUT.toSeconds() + " s (a hang)");
    } catch (Exception e) {
      return new Outcome(-2, "", "threw " + e.getCause());
    } finally {
      ex.shutdownNow();
    }
  }

  private static Outcome call(String[] args) throws Exception {
    Method withWriters = null;
    try {
      withWriters =
          Main.class.getDeclaredMethod("run", String[].class, PrintWriter.class, PrintWriter.class);
    } catch (NoSuchMethodException e) {
      // the original tree: Main.run(String[]) on System.out and System.err
    }
    if (withWriters != null) {
      withWriters.setAccessible(true);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          (Integer) withWriters.invoke(null, args, new PrintWriter(out), new PrintWriter(err));
      return new Outcome(code, out.toString(), err.toString());
    }
    Method run = Main.class.getDeclaredMethod("run", String[].class);
    run.setAccessible(true);
    synchronized (SYSTEM_STREAMS) {
      PrintStream oldOut = System.out;
      PrintStream oldErr = System.err;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = (Integer) run.invoke(null, (Object) args);
        return new Outcome(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
      }
    }
  }

  /** What is wrong with an outcome, or null when it keeps the promise. */
  static String broken(Outcome o, Path outDir) {
    if (o.code() != 0 && o.code() != 2) {
      return "exit " + o.code() + ": " + o.err();
    }
    if (o.code() == 2) {
      List<String> lines = o.err().strip().lines().toList();
      if (lines.size() != 1) {
        return lines.size() + " lines on stderr: " + o.err();
      }
      if (!lines.get(0).startsWith("cratesim: error: ")) {
        return "not a cratesim error line: " + lines.get(0);
      }
      if (lines.get(0).chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        return "control character in: " + lines.get(0);
      }
      if (lines.get(0).contains("org.tomlj") || lines.get(0).contains("Exception")) {
        return "internal name in: " + lines.get(0);
      }
      List<String> left = files(outDir);
      if (!left.isEmpty()) {
        return "left behind on failure: " + left + " (" + lines.get(0) + ")";
      }
    }
    return null;
  }

  /** Checks (or, counting, counts) the promise of one case of {@code family}. */
  static void check(String family, Outcome o, Path outDir, String what) {
    String problem = broken(o, outDir);
    AtomicLong[] c =
        COUNTS.computeIfAbsent(family, k -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
    c[0].incrementAndGet();
    if (problem == null) {
      return;
    }
    c[1].incrementAndGet();
    if (!COUNT) {
      throw new AssertionError(family + ": " + what + ": " + problem);
    }
  }

  /** A fresh empty folder for a case's outputs. */
  static Path freshDir(Path root, String name) throws IOException {
    Path d = root.resolve(name);
    if (Files.exists(d)) {
      try (Stream<Path> w = Files.walk(d)) {
        for (Path p : w.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return Files.createDirectories(d);
  }

  private static List<String> files(Path dir) {
    List<String> out = new ArrayList<>();
    if (dir == null || !Files.exists(dir)) {
      return out;
    }
    try (Stream<Path> w = Files.walk(dir)) {
      w.filter(p -> !p.equals(dir)).forEach(p -> out.add(dir.relativize(p).toString()));
    } catch (IOException e) {
      out.add("(unreadable: " + e.getMessage() + ")");
    }
    return out;
  }

  static void report() {
    StringBuilder sb = new StringBuilder();
    COUNTS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                sb.append(
                    String.format(
                        "fuzz %-12s cases %6d  broke the promise %6d%n",
                        e.getKey(), e.getValue()[0].get(), e.getValue()[1].get())));
    System.out.print(sb);
    try {
      Files.writeString(Path.of("target", "fuzz-counts.txt"), sb.toString());
    } catch (IOException e) {
      // the counts were printed
    }
  }
}
