package org.cratesim.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a measurement: checks the request, finds cargo, runs the {@link Plan}'s steps with {@link
 * ProcessBuilder} and writes OUT. Layout of OUT:
 *
 * <ul>
 *   <li>{@code runs.csv} — every recorded run (own-2core-2026's columns), written at the end;
 *   <li>{@code summary.csv} — min, median, max, spread and ratio to the baseline per variant;
 *   <li>{@code timings/<variant>-r<N>.html} — each run's {@code --timings} page, copied as soon as
 *       the run ends ({@code -prime} / {@code -warm} for the unrecorded runs);
 *   <li>{@code logs/<stem>.log} — cargo's output of each run;
 *   <li>{@code runs.partial.csv} — the runs so far while measuring (removed at the end: if it is
 *       there, the measurement was interrupted);
 *   <li>{@code target/<variant>/} — each variant's {@code CARGO_TARGET_DIR}, removed at the end
 *       unless kept.
 * </ul>
 *
 * A clean or check run starts from an empty target directory (removed and recreated). cargo writes
 * the {@code --timings} page under it: {@code Timings::report_html} in cargo's {@code
 * core/compiler/timings.rs} joins {@code files().host_root()} (the target directory, here {@code
 * CARGO_TARGET_DIR}, which cargo prefers to {@code build.target-dir}) with {@code
 * cargo-timings/cargo-timing-<stamp>.html} (1.95 appends a hash to the stamp); the newest such page
 * written since the run started is the run's.
 */
public final class Measurement {
  private Measurement() {}

  /** The files of a previous measurement in OUT: one of them makes OUT "taken". */
  static final List<String> OUTPUTS =
      List.of("runs.csv", "summary.csv", "runs.partial.csv", "timings", "logs", "target");

  /**
   * What to measure.
   *
   * @param workspace the directory with Cargo.toml cargo runs in
   * @param kind the build kind
   * @param edit the file an incremental kind edits (relative to the workspace, or absolute)
   * @param editKind what the edit appends
   * @param reps recorded repetitions per variant
   * @param jobs cargo's -j (a variant's own -j replaces it)
   * @param variants the first is the baseline
   * @param warm names of variants that get one unrecorded warm-up run (clean kinds)
   * @param cargoArgs arguments given to cargo in every run (e.g. --release, -p NAME)
   * @param out the output directory
   * @param cargo the cargo to run, if given
   * @param time GNU time's path, if CPU % and max RSS are wanted
   * @param force replace a previous measurement in OUT
   * @param keepTarget keep OUT/target at the end
   * @param env the environment the runs inherit (the variants' variables go on top)
   */
  public record Request(
      Path workspace,
      BuildKind kind,
      Optional<Path> edit,
      Edit.Kind editKind,
      int reps,
      int jobs,
      List<Variant> variants,
      Set<String> warm,
      List<String> cargoArgs,
      Path out,
      Optional<Path> cargo,
      Optional<Path> time,
      boolean force,
      boolean keepTarget,
      Map<String, String> env) {
    public Request {
      variants = List.copyOf(variants);
      warm = Set.copyOf(warm);
      cargoArgs = List.copyOf(cargoArgs);
      env = Map.copyOf(env);
    }
  }

  /**
   * What was measured.
   *
   * @param workspace the workspace's name (the runs' first column)
   * @param cargoVersion {@code cargo --version}
   * @param runs the recorded runs in the order they ran
   * @param summaries one per variant
   * @param out the output directory
   * @param gnuTime whether CPU % and max RSS were measured
   */
  public record Result(
      String workspace,
      String cargoVersion,
      BuildKind kind,
      int reps,
      List<RunRecord> runs,
      List<Summary> summaries,
      Path out,
      boolean gnuTime) {}

  /** Checks the request without running anything: a {@link MeasureInputException} if it is bad. */
  public static Optional<Path> check(Request req) {
    Path ws = req.workspace();
    if (!Files.isDirectory(ws)) {
      throw new MeasureInputException(ws + ": no such directory");
    }
    if (!Files.isRegularFile(ws.resolve("Cargo.toml"))) {
      throw new MeasureInputException(ws + ": not a cargo workspace (no Cargo.toml)");
    }
    if (req.reps() < 1) {
      throw new MeasureInputException("--reps: expected at least 1, got " + req.reps());
    }
    if (req.jobs() < 1) {
      throw new MeasureInputException("-j: expected at least 1, got " + req.jobs());
    }
    if (req.variants().isEmpty()) {
      throw new MeasureInputException("--variant: at least one (the baseline) is needed");
    }
    for (String a : req.cargoArgs()) {
      if (a.startsWith("-j") || a.startsWith("--jobs")) {
        throw new MeasureInputException(
            "cargo arguments after --: give -j as measure's -j (or a variant's), not " + a);
      }
      if (a.startsWith("--target-dir")) {
        throw new MeasureInputException(
            "cargo arguments after --: measure chooses the target directory, not " + a);
      }
    }
    for (String w : req.warm()) {
      if (req.variants().stream().noneMatch(v -> v.name().equals(w))) {
        throw new MeasureInputException("--warm: no variant named '" + w + "'");
      }
    }
    Optional<Path> edit = req.edit().map(ws::resolve);
    if (req.kind().incremental() && edit.isEmpty()) {
      throw new MeasureInputException(
          "--kind " + req.kind().id() + ": --edit FILE is needed (the file each run edits)");
    }
    if (!req.kind().incremental() && edit.isPresent()) {
      throw new MeasureInputException(
          "--edit: only for the incremental kinds, not --kind " + req.kind().id());
    }
    if (edit.isPresent() && !Files.isRegularFile(edit.get())) {
      throw new MeasureInputException("--edit: no such file: " + edit.get());
    }
    Path out = req.out();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new MeasureInputException("-o: " + out + " is a file, not a directory");
    }
    if (!req.force()) {
      for (String o : OUTPUTS) {
        if (Files.exists(out.resolve(o))) {
          throw new MeasureInputException(
              "-o: "
                  + out
                  + " holds a previous measurement ("
                  + o
                  + "); pass --force to replace it, or choose another directory");
        }
      }
    }
    return edit;
  }

  /** Runs the measurement; progress lines go to {@code progress}. */
  public static Result run(Request req, Consumer<String> progress) {
    Optional<Path> edit = check(req);
    Path cargo = Cargo.locate(req.cargo(), req.env());
    String version = Cargo.version(cargo, req.env());
    Path out = req.out();
    try {
      if (req.force()) {
        for (String o : OUTPUTS) {
          deleteTree(out.resolve(o));
        }
      }
      Files.createDirectories(out.resolve("timings"));
      Files.createDirectories(out.resolve("logs"));
      Files.createDirectories(out.resolve("target"));
    } catch (IOException e) {
      throw new MeasureFailure("-o: cannot create " + out + ": " + e.getMessage());
    }
    Optional<Path> time = req.time().flatMap(t -> Cargo.gnuTime(t, out.resolve("logs")));
    String workspace = req.workspace().toAbsolutePath().normalize().getFileName().toString();
    List<Plan.Step> steps = Plan.of(req.variants(), req.reps(), req.kind(), req.warm());
    progress.accept(
        String.format(
            Locale.ROOT,
            "measure: %s, %s, %d variant(s) x %d rep(s), %d run(s) in all, %s",
            workspace,
            req.kind().id(),
            req.variants().size(),
            req.reps(),
            steps.size(),
            version));
    List<RunRecord> runs = new ArrayList<>();
    Path partial = out.resolve("runs.partial.csv");
    append(partial, RunRecord.HEADER + "\n");
    for (Plan.Step s : steps) {
      RunRecord r = runStep(req, s, cargo, time, edit, workspace);
      String what =
          s.purpose() == Plan.Purpose.RECORDED
              ? "r" + s.rep()
              : s.purpose() == Plan.Purpose.PRIME ? "prime" : "warm-up";
      progress.accept(
          String.format(
              Locale.ROOT,
              "measure: %s %s %.2f s%s",
              s.variant().name(),
              what,
              r.wallS(),
              s.purpose() == Plan.Purpose.RECORDED ? "" : " (not recorded)"));
      if (s.purpose() == Plan.Purpose.RECORDED) {
        runs.add(r);
        append(partial, r.csvRow() + "\n");
      }
    }
    List<Summary> summaries = Summary.of(req.variants(), runs);
    try {
      writeAtomically(out.resolve("runs.csv"), RunRecord.csv(runs));
      writeAtomically(out.resolve("summary.csv"), Summary.csv(summaries));
      Files.deleteIfExists(partial);
      if (!req.keepTarget()) {
        deleteTree(out.resolve("target"));
      }
    } catch (IOException e) {
      throw new MeasureFailure("cannot write " + out + ": " + e.getMessage());
    }
    return new Result(
        workspace, version, req.kind(), req.reps(), runs, summaries, out, time.isPresent());
  }

  /** The arguments after {@code cargo} for a variant. */
  public static List<String> cargoArgs(Request req, Variant v) {
    List<String> a = new ArrayList<>();
    a.add(req.kind().subcommand());
    a.add("--timings");
    a.add("-j" + v.jobs().orElse(req.jobs()));
    a.addAll(req.cargoArgs());
    a.addAll(v.cargoArgs());
    return a;
  }

  /** The command as a person would type it: the variant's variables, then cargo and its args. */
  public static String commandLine(Request req, Variant v) {
    List<String> w = new ArrayList<>();
    v.env().forEach((k, val) -> w.add(k + "=" + Variant.quote(val)));
    w.add("cargo");
    for (String a : cargoArgs(req, v)) {
      w.add(Variant.quote(a));
    }
    return String.join(" ", w);
  }

  private static RunRecord runStep(
      Request req,
      Plan.Step s,
      Path cargo,
      Optional<Path> time,
      Optional<Path> edit,
      String workspace) {
    Variant v = s.variant();
    // absolute: cargo (and GNU time, which writes -o FILE) run in the workspace
    Path out = req.out().toAbsolutePath();
    Path target = out.resolve("target").resolve(v.name());
    Path log = out.resolve("logs").resolve(s.stem() + ".log");
    Path timeFile = out.resolve("logs").resolve(s.stem() + ".time");
    boolean fresh = !req.kind().incremental() || s.purpose() == Plan.Purpose.PRIME;
    try {
      if (fresh) {
        deleteTree(target);
      }
      Files.createDirectories(target);
      List<String> cmd = new ArrayList<>();
      time.ifPresent(
          t -> cmd.addAll(List.of(t.toString(), "-f", "%e %P %M", "-o", timeFile.toString())));
      cmd.add(cargo.toString());
      cmd.addAll(cargoArgs(req, v));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.directory(req.workspace().toFile());
      Map<String, String> env = pb.environment();
      env.clear();
      env.putAll(req.env());
      env.put("CARGO_TARGET_DIR", target.toString());
      env.putAll(v.env());
      pb.redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      int rc;
      long t0;
      long t1;
      FileTime started = FileTime.fromMillis(System.currentTimeMillis() - 1000);
      try (Edit e =
          edit.isPresent()
                  && (s.purpose() == Plan.Purpose.RECORDED
                      || s.purpose() == Plan.Purpose.PRIME && req.editKind() == Edit.Kind.BODY)
              ? Edit.apply(edit.get(), req.editKind(), s.stem())
              : null) {
        t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        rc = p.waitFor();
        t1 = System.nanoTime();
      }
      double wall = (t1 - t0) / 1e9;
      if (rc != 0) {
        throw new MeasureFailure(
            String.format(
                Locale.ROOT,
                "%s: cargo exited with %d after %.1f s (see %s)",
                s.stem(),
                rc,
                wall,
                log));
      }
      Path page = newestPage(target.resolve("cargo-timings"), started);
      if (page == null) {
        throw new MeasureFailure(
            s.stem() + ": cargo wrote no timing page in " + target.resolve("cargo-timings"));
      }
      Files.copy(
          page,
          out.resolve("timings").resolve(s.stem() + ".html"),
          StandardCopyOption.REPLACE_EXISTING);
      String cpu = "";
      String rss = "";
      if (time.isPresent() && Files.isRegularFile(timeFile)) {
        List<String> lines = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
        String[] f =
            lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).trim().split(" ");
        if (f.length == 3) {
          cpu = f[1].matches("\\d+%") ? f[1] : "";
          rss = f[2].matches("\\d+") ? f[2] : "";
        }
        Files.delete(timeFile);
      }
      return new RunRecord(
          workspace,
          req.kind().label(cargoArgs(req, v)) + "-" + v.name(),
          v.name(),
          v.jobs().orElse(req.jobs()),
          s.rep(),
          wall,
          rc,
          cpu,
          rss,
          commandLine(req, v));
    } catch (IOException e) {
      throw new MeasureFailure(s.stem() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MeasureFailure(s.stem() + ": interrupted");
    }
  }

  /** The newest {@code cargo-timing-*.html} in {@code dir} written since {@code since}, or null. */
  static Path newestPage(Path dir, FileTime since) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("cargo-timing-.+\\.html"))
          .filter(p -> mtime(p).compareTo(since) >= 0)
          .max(Comparator.comparing(Measurement::mtime).thenComparing(Path::toString))
          .orElse(null);
    }
  }

  private static FileTime mtime(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(Path file, String text) {
    try {
      Files.writeString(
          file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new MeasureFailure("cannot write " + file + ": " + e.getMessage());
    }
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes {@code root} and what it holds (symbolic links are removed, not followed). */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
