package org.cratesim.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The edit an incremental run starts from: a line appended to a source file, different for every
 * run (so rustc's incremental cache never sees the same text twice), and the file's bytes restored
 * after the run — also when the JVM is stopped by Ctrl-C, through a shutdown hook. The mtime is not
 * restored, so the user's next build sees the file as changed and rebuilds the crate.
 */
public final class Edit implements AutoCloseable {
  /** What is appended. */
  public enum Kind {
    /** {@code // cratesim measure <run>}: a comment edit (own-2core-2026's incr-dev-top). */
    COMMENT("comment"),
    /** {@code pub fn cratesim_measure_<run>() {}}: an API-visible edit (incr-dev-edit-top). */
    PUB_FN("pub-fn"),
    /**
     * A private probe function whose returned literal differs every run: a body edit (no item added
     * or changed in signature). The unrecorded prime build already has the probe, so every recorded
     * run changes a body only.
     */
    BODY("body");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The name on the command line. */
    public String id() {
      return id;
    }

    /** The kind named {@code id}, or null. */
    public static Kind byId(String id) {
      for (Kind k : values()) {
        if (k.id.equals(id.toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      return null;
    }
  }

  private final Path file;
  private final byte[] original;
  private final Thread hook;
  private boolean restored;

  private Edit(Path file, byte[] original) {
    this.file = file;
    this.original = original;
    this.hook = new Thread(this::restore, "cratesim-measure-restore");
  }

  /** The text appended for the run {@code stem} to a file whose text is {@code before}. */
  public static String appended(Kind kind, String stem, String before) {
    String nl = before.isEmpty() || before.endsWith("\n") ? "" : "\n";
    return switch (kind) {
      case COMMENT -> nl + "// cratesim measure " + stem + "\n";
      case PUB_FN ->
          nl
              + "#[allow(dead_code)]\npub fn cratesim_measure_"
              + stem.replaceAll("[^A-Za-z0-9_]", "_")
              + "() {}\n";
      case BODY ->
          nl
              + "#[allow(dead_code)]\nfn cratesim_measure_probe() -> u64 {\n    "
              + Integer.toUnsignedString(stem.hashCode())
              + "\n}\n";
    };
  }

  /** Appends the run's line to {@code file}; {@link #close()} restores it. */
  public static Edit apply(Path file, Kind kind, String stem) {
    try {
      byte[] original = Files.readAllBytes(file);
      Edit e = new Edit(file, original);
      Runtime.getRuntime().addShutdownHook(e.hook);
      String before = new String(original, StandardCharsets.UTF_8);
      byte[] add = appended(kind, stem, before).getBytes(StandardCharsets.UTF_8);
      byte[] edited = new byte[original.length + add.length];
      System.arraycopy(original, 0, edited, 0, original.length);
      System.arraycopy(add, 0, edited, original.length, add.length);
      Files.write(file, edited);
      return e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void restore() {
    if (restored) {
      return;
    }
    try {
      Files.write(file, original);
      restored = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    restore();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: the file is restored either way
    }
  }
}
