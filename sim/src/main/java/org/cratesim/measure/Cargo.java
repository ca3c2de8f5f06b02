package org.cratesim.measure;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finding cargo (and GNU time) and asking its version. */
public final class Cargo {
  private Cargo() {}

  /**
   * The cargo to run: {@code given} if it is an executable file (else bad input: the user pointed
   * at it), or the first {@code cargo} on {@code PATH}, in {@code $CARGO_HOME/bin} or in {@code
   * ~/.cargo/bin} (else a failure: this machine has no cargo).
   */
  public static Path locate(Optional<Path> given, Map<String, String> env) {
    if (given.isPresent()) {
      Path p = given.get();
      if (!Files.isRegularFile(p)) {
        throw new MeasureInputException("--cargo: no such file: " + p);
      }
      if (!Files.isExecutable(p)) {
        throw new MeasureInputException("--cargo: not executable: " + p);
      }
      return p;
    }
    List<Path> candidates = new ArrayList<>();
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "cargo"));
      }
    }
    if (env.containsKey("CARGO_HOME")) {
      candidates.add(Path.of(env.get("CARGO_HOME"), "bin", "cargo"));
    }
    if (env.containsKey("HOME")) {
      candidates.add(Path.of(env.get("HOME"), ".cargo", "bin", "cargo"));
    }
    for (Path c : candidates) {
      if (Files.isRegularFile(c) && Files.isExecutable(c)) {
        return c;
      }
    }
    throw new MeasureFailure(
        "cargo not found (not on PATH, in $CARGO_HOME/bin or ~/.cargo/bin): measure runs real "
            + "builds; install Rust or pass --cargo PATH");
  }

  /** {@code cargo --version}'s line; a failure if cargo does not answer. */
  public static String version(Path cargo, Map<String, String> env) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cargo.toString(), "--version");
      pb.environment().clear();
      pb.environment().putAll(env);
      pb.redirectErrorStream(true);
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
        p.destroyForcibly();
        throw new MeasureFailure(cargo + " --version failed: " + firstLine(out));
      }
      return firstLine(out);
    } catch (IOException e) {
      throw new MeasureFailure("cannot run " + cargo + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MeasureFailure("interrupted");
    }
  }

  /**
   * GNU time at {@code time}, if it is there and understands {@code -f} and {@code -o} (BSD time
   * does not): then runs report CPU % and max RSS.
   */
  public static Optional<Path> gnuTime(Path time, Path scratch) {
    if (!Files.isExecutable(time)) {
      return Optional.empty();
    }
    try {
      Path o = Files.createTempFile(scratch, "time", ".txt");
      try {
        Process p =
            new ProcessBuilder(time.toString(), "-f", "%M", "-o", o.toString(), "true")
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        return ok && Files.readString(o).trim().matches("\\d+")
            ? Optional.of(time)
            : Optional.empty();
      } finally {
        Files.deleteIfExists(o);
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
