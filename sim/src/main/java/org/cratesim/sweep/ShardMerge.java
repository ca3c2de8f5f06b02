package org.cratesim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cratesim.report.Csv;

/**
 * {@code cratesim sweep merge}: the folders of the N shards of one sweep ({@code --shard I/N}) into
 * the {@code sweep.txt}, {@code results.csv} and {@code summary.csv} one run of the whole sweep
 * writes, byte for byte. Refuses (and writes nothing) when a folder is not a finished shard, holds
 * a shard of another sweep (its fingerprint: SHA-256 of the sweep's description, which covers the
 * scenario's content, the varied values, replications, seed, noise and common random numbers), or
 * when a slice is missing or given twice.
 */
public final class ShardMerge {
  private static final Pattern SHARD =
      Pattern.compile("shard=(\\d+)/(\\d+) points=(\\d+) replications=(\\d+) runs=(\\d+)");

  private ShardMerge() {}

  /** Shards that do not make one sweep; the message says which folder and why. */
  public static final class BadShardsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadShardsException(String message) {
      super(message);
    }
  }

  /** What a merge did: shards, design points, replications, rows written. */
  public record Merged(int shards, int points, int replications, int runs) {}

  /** One shard folder as read. */
  private record ShardDir(
      Path dir,
      String sweep,
      Shard shard,
      int points,
      int replications,
      String header,
      List<String> rows) {}

  /** The fingerprint of a sweep: the first 16 hex digits of SHA-256 of its description. */
  public static String fingerprint(String describe) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(describe.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Merges the shard folders {@code dirs} into {@code out} (which must not hold a sweep). */
  public static Merged merge(List<Path> dirs, Path out) throws IOException {
    if (dirs.isEmpty()) {
      throw new BadShardsException("no shard folders given");
    }
    List<ShardDir> shards = new ArrayList<>();
    for (Path d : dirs) {
      shards.add(read(d));
    }
    ShardDir first = shards.get(0);
    for (ShardDir s : shards) {
      if (!s.sweep().equals(first.sweep())) {
        throw new BadShardsException(
            s.dir()
                + ": a shard of another sweep (fingerprint "
                + fingerprint(s.sweep())
                + ", "
                + first.dir()
                + " has "
                + fingerprint(first.sweep())
                + ")");
      }
      if (s.shard().count() != first.shard().count()) {
        throw new BadShardsException(
            s.dir() + ": shard " + s.shard() + ", but " + first.dir() + " is " + first.shard());
      }
      if (!s.header().equals(first.header())) {
        throw new BadShardsException(
            s.dir() + ": results.csv's header differs from " + first.dir() + "'s");
      }
    }
    int n = first.shard().count();
    Map<Integer, Path> seen = new TreeMap<>();
    for (ShardDir s : shards) {
      Path was = seen.putIfAbsent(s.shard().index(), s.dir());
      if (was != null) {
        throw new BadShardsException(
            "shard " + s.shard() + " given twice (" + was + " and " + s.dir() + ")");
      }
    }
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      if (!seen.containsKey(i)) {
        missing.add(i + "/" + n);
      }
    }
    if (!missing.isEmpty()) {
      throw new BadShardsException(
          "missing shard" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
    }
    if (Files.exists(out.resolve("results.csv")) || Files.exists(out.resolve("sweep.txt"))) {
      throw new BadShardsException(out + " already holds a sweep: choose another directory");
    }
    int points = first.points();
    int reps = first.replications();
    List<String> cols = Csv.split(first.header());
    List<String> params = cols.subList(2, cols.size() - SweepRow.METRICS.size());
    // every row in its place: shards own disjoint runs, so each place is filled exactly once
    String[] lines = new String[points * reps];
    SweepRow[] rows = new SweepRow[points * reps];
    List<Map<String, String>> pointValues = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      pointValues.add(null);
    }
    for (ShardDir s : shards) {
      for (String l : s.rows()) {
        List<String> f = Csv.split(l);
        SweepRow r = SweepRunner.parse(f, params.size(), points, reps);
        int k = r.task().point() * reps + r.task().replication();
        rows[k] = r;
        lines[k] = l;
        if (pointValues.get(r.task().point()) == null) {
          Map<String, String> v = new LinkedHashMap<>();
          for (int i = 0; i < params.size(); i++) {
            v.put(params.get(i), f.get(2 + i));
          }
          pointValues.set(r.task().point(), v);
        }
      }
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("sweep.txt"), first.sweep() + "\n", StandardCharsets.UTF_8);
    SweepRunner.writeLines(out.resolve("results.csv"), first.header(), List.of(lines));
    SweepRunner.writeSummary(out.resolve("summary.csv"), params, pointValues, List.of(rows));
    return new Merged(n, points, reps, points * reps);
  }

  /** A shard folder, checked to be a finished shard: exactly the runs of its slice, once each. */
  private static ShardDir read(Path dir) throws IOException {
    Path sweepTxt = dir.resolve("sweep.txt");
    Path shardTxt = dir.resolve(SweepRunner.SHARD_FILE);
    Path results = dir.resolve("results.csv");
    if (!Files.isRegularFile(sweepTxt) || !Files.isRegularFile(results)) {
      throw new BadShardsException(dir + ": not a sweep folder (no sweep.txt or results.csv)");
    }
    if (!Files.isRegularFile(shardTxt)) {
      throw new BadShardsException(dir + ": a whole sweep, not a shard (no shard.txt)");
    }
    String sweep = Files.readString(sweepTxt, StandardCharsets.UTF_8).strip();
    Matcher m = SHARD.matcher(Files.readString(shardTxt, StandardCharsets.UTF_8).strip());
    if (!m.matches()) {
      throw new BadShardsException(dir + ": shard.txt is not what --shard writes");
    }
    Shard shard;
    int points;
    int reps;
    long runs;
    try {
      shard = new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      points = Integer.parseInt(m.group(3));
      reps = Integer.parseInt(m.group(4));
      runs = Long.parseLong(m.group(5));
    } catch (IllegalArgumentException e) {
      throw new BadShardsException(dir + ": shard.txt: " + e.getMessage());
    }
    String text = Files.readString(results, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    List<String> cols = Csv.split(lines[0]);
    int params = cols == null ? -1 : cols.size() - 2 - SweepRow.METRICS.size();
    if (params < 0 || !lines[lines.length - 1].isEmpty()) {
      throw new BadShardsException(
          dir + ": results.csv is not finished: run the shard again with --resume");
    }
    List<String> rows = new ArrayList<>();
    boolean[] have = new boolean[points * reps];
    for (int i = 1; i < lines.length - 1; i++) {
      List<String> f = Csv.split(lines[i]);
      SweepRow r = SweepRunner.parse(f, params, points, reps);
      if (r == null || !shard.owns(r.task(), reps)) {
        throw new BadShardsException(
            dir + ": results.csv line " + (i + 1) + " is not a run of shard " + shard);
      }
      int k = r.task().point() * reps + r.task().replication();
      if (have[k]) {
        throw new BadShardsException(
            dir + ": results.csv line " + (i + 1) + " repeats a run: finish it with --resume");
      }
      have[k] = true;
      rows.add(lines[i]);
    }
    if (rows.size() != runs || runs != shard.size(points, reps)) {
      throw new BadShardsException(
          dir
              + ": shard "
              + shard
              + " holds "
              + rows.size()
              + " of its "
              + shard.size(points, reps)
              + " runs: finish it with --resume");
    }
    return new ShardDir(dir, sweep, shard, points, reps, lines[0], rows);
  }
}
