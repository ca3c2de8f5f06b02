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
    List<String> p = problems(o, outDir);
    return p.isEmpty() ? null : String.join("; ", p);
  }

  /** Every way an outcome breaks the promise, each starting with its kind (a word and a colon). */
  static List<String> problems(Outcome o, Path outDir) {
    List<String> out = new ArrayList<>();
    if (o.code() == -1) {
      out.add("hang: " + o.err());
      return out;
    }
    if (o.code() != 0 && o.code() != 2) {
      out.add("exit-" + o.code() + ": " + o.err().strip());
    }
    if (o.code() != 0) {
      List<String> lines = o.err().strip().lines().toList();
      String first = lines.isEmpty() ? "" : lines.get(0);
      if (lines.size() != 1) {
        out.add("lines: " + lines.size() + " lines on stderr: " + o.err());
      }
      if (!first.startsWith("cratesim: error: ")) {
        out.add("prefix: not a cratesim error line: " + first);
      }
      if (first.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        out.add("control: control character in: " + first);
      }
      if (first.contains("org.tomlj") || first.contains("Exception")) {
        out.add("internal: internal name in: " + first);
      }
      List<String> left = files(outDir);
      if (!left.isEmpty()) {
        out.add("left: left behind on failure: " + left + " (" + first + ")");
      }
    }
    return out;
  }

  /** Checks (or, counting, counts) the promise of one case of {@code family}. */
  static void check(String family, Outcome o, Path outDir, String what) {
    List<String> problems = problems(o, outDir);
    AtomicLong[] c =
        COUNTS.computeIfAbsent(
            family, k -> new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong()});
    c[0].incrementAndGet();
    if (problems.isEmpty()) {
      return;
    }
    c[1].incrementAndGet();
    if (problems.stream().anyMatch(p -> !p.startsWith("prefix:"))) {
      c[2].incrementAndGet();
    }
    for (String p : problems) {
      KINDS
          .computeIfAbsent(family + " " + p.substring(0, p.indexOf(':')), k -> new AtomicLong())
          .incrementAndGet();
      EXAMPLES.putIfAbsent(family + " " + p.substring(0, p.indexOf(':')), what + ": " + p);
    }
    if (!COUNT) {
      throw new AssertionError(family + ": " + what + ": " + String.join("; ", problems));
    }
  }

  private static final Map<String, AtomicLong> KINDS = new ConcurrentHashMap<>();
  private static final Map<String, String> EXAMPLES = new ConcurrentHashMap<>();

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

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= 220 ? one : one.substring(0, 220) + "...";
  }

  static void report() {
    StringBuilder sb = new StringBuilder();
    COUNTS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                sb.append(
                    String.format(
                        "fuzz %-12s cases %6d  broke the promise %6d  (other than the prefix"
                            + " alone %6d)%n",
                        e.getKey(),
                        e.getValue()[0].get(),
                        e.getValue()[1].get(),
                        e.getValue()[2].get())));
    KINDS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                sb.append(
                    String.format(
                        "  %-24s %6d  e.g. %s%n",
                        e.getKey(), e.getValue().get(), shorten(EXAMPLES.get(e.getKey())))));
    System.out.print(sb);
    try {
      Files.writeString(
          Path.of(
              "target", "fuzz-counts-" + System.getProperty("cratesim.fuzz.tag", "run") + ".txt"),
          sb.toString());
    } catch (IOException e) {
      // the counts were printed
    }
  }

  /** Runs cases of {@code family} in a child JVM when counting (an OutOfMemoryError there). */
  static Outcome execIsolated(String... args) {
    if (!COUNT) {
      return exec(args);
    }
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx512m");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(Main.class.getName());
      cmd.addAll(List.of(args));
      Path err = Files.createTempFile("fuzz-err", ".txt");
      Process p =
          new ProcessBuilder(cmd)
              .redirectError(err.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        Files.deleteIfExists(err);
        return new Outcome(-1, "", "timed out after " + TIMEOUT.toSeconds() + " s (a hang)");
      }
      String e = Files.readString(err);
      Files.deleteIfExists(err);
      return new Outcome(p.exitValue(), "", e);
    } catch (IOException | InterruptedException e) {
      return new Outcome(-2, "", "could not run: " + e);
    }
  }
}
