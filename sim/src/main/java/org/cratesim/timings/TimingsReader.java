package org.cratesim.timings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cargo {@code --timings} data: raw HTML pages as written by cargo's {@code
 * src/cargo/core/compiler/timings/report.rs} (a summary table plus {@code const UNIT_DATA = [...];}
 * in a script), and the JSON envelope the ground-truth pages were extracted into:
 *
 * <pre>
 * {"source", "total_text", "total_s", "jobs", "ncpu", "profile", "rustc", "units": [UnitData...]}
 * </pre>
 *
 * <p>Both generations of cargo's {@code UnitData} fields are accepted: cargo 1.60 ({@code
 * rmeta_time}, {@code unlocked_units}, {@code unlocked_rmeta_units}) and cargo 1.95 ({@code
 * features}, {@code unblocked_units}, {@code unblocked_rmeta_units}, {@code sections}).
 *
 * <p>All input is untrusted: crate names are kept as plain strings, and every problem is reported
 * as a {@link TimingsFormatException} with a one-line message starting with the file name.
 * Thread-safe; holds no mutable state.
 */
public final class TimingsReader {

  /** Immutable and thread-safe: rejects trailing garbage and duplicate keys. */
  static final ObjectReader JSON_READER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build()
          .reader();

  /**
   * The declaration of the unit array, at the start of a line (the last one in the page is used).
   */
  private static final Pattern UNIT_DATA_DECLARATION =
      Pattern.compile(
          "^[ \\t]*(?:const|let|var)[ \\t]+UNIT_DATA[ \\t]*=[ \\t]*", Pattern.MULTILINE);

  private static final Pattern JOBS_CELL =
      Pattern.compile(
          "<td>\\s*Max concurrency:\\s*</td>\\s*<td>[^<]*?\\(jobs=(\\d+)\\s+ncpu=(\\d+|n/a)\\)");
  private static final Pattern TOTAL_CELL =
      Pattern.compile("<td>\\s*Total time:\\s*</td>\\s*<td>([^<]*)</td>");
  private static final Pattern PROFILE_CELL =
      Pattern.compile("<td>\\s*Profile:\\s*</td>\\s*<td>([^<]*)</td>");

  /** cargo's "Targets:" row: {@code logscan 0.1.0 ( logscan "bin")}, {@code a 1.0 (lib), ...}. */
  private static final Pattern TARGETS_CELL =
      Pattern.compile("<td>\\s*Targets:\\s*</td>\\s*<td>([^<]*)</td>");

  private static final Pattern RUSTC_CELL =
      Pattern.compile("<td>\\s*rustc:\\s*</td>\\s*<td>([^<]*)");

  /** The host triple in the rustc row ({@code <br>Host: x86_64-unknown-linux-gnu<br>}). */
  private static final Pattern HOST = Pattern.compile("Host:\\s*([A-Za-z0-9_.-]{1,100})");

  private static final Pattern BUILD_START_CELL =
      Pattern.compile("<td>\\s*Build start:\\s*</td>\\s*<td>([^<]{1,100})</td>");
  private static final Pattern SECONDS_TEXT = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)s\\b");
  private static final Pattern MINUTES_TEXT =
      Pattern.compile("^\\s*(\\d+)m\\s*(\\d+(?:\\.\\d+)?)s\\b");

  /**
   * The page's "Total time" has one decimal; the exact end of the last unit may differ by half of
   * it.
   */
  private static final double TOTAL_TEXT_TOLERANCE = 0.05 + 1e-6;

  private TimingsReader() {}

  /**
   * Reads a timings file, telling extracted JSON (starts with <code>{</code>) from an HTML page by
   * its content.
   *
   * @throws TimingsFormatException if the file cannot be read or is not valid timings data
   */
  public static TimingsPage read(Path file) throws TimingsFormatException {
    String name = fileName(file);
    String text = readText(file, name);
    String head = text.stripLeading();
    if (head.startsWith("{") || head.startsWith("[")) {
      return readJson(text, name);
    }
    return readHtml(text, name);
  }

  /**
   * What a file that is not a timing page seems to be, with the command that reads it: a scenario
   * (cratesim run), a sweep file (cratesim sweep); else the question whether it is a page.
   */
  private static String whatItIs(String text) {
    boolean toml = text.lines().anyMatch(l -> l.strip().matches("\\[\\[?[A-Za-z_.-]+\\]\\]?"));
    if (toml && Pattern.compile("(?m)^\\s*scenario\\s*=").matcher(text).find()) {
      return "(this is a sweep file: run it with cratesim sweep FILE -o DIR)";
    }
    if (toml && (text.contains("[[crate]]") || text.contains("[build]"))) {
      return "(this is a scenario: simulate it with cratesim run FILE)";
    }
    return "(is this a cargo --timings page?)";
  }

  /**
   * Reads the JSON envelope of an extracted timing page.
   *
   * @param sourceName the file name, to start error messages with
   * @throws TimingsFormatException if the text is not a valid envelope
   */
  public static TimingsPage readJson(String text, String sourceName) throws TimingsFormatException {
    JsonNode root = parseJson(text, sourceName, 1, "");
    try {
      return envelope(root, sourceName);
    } catch (Problem problem) {
      throw new TimingsFormatException(sourceName, problem.getMessage());
    }
  }

  /**
   * Reads a raw cargo {@code --timings} HTML page: the {@code UNIT_DATA} array and the summary
   * table (jobs, ncpu, profile, total time, rustc).
   *
   * @param sourceName the file name, to start error messages with
   * @throws TimingsFormatException if the page holds no readable timing data
   */
  public static TimingsPage readHtml(String text, String sourceName) throws TimingsFormatException {
    int open = unitDataStart(text);
    if (open < 0) {
      throw new TimingsFormatException(sourceName, "no UNIT_DATA found " + whatItIs(text));
    }
    if (open < text.length() && text.charAt(open) != '[') {
      throw new TimingsFormatException(sourceName, "UNIT_DATA is not followed by a JSON array");
    }
    int close = arrayEnd(text, open);
    if (close < 0) {
      throw new TimingsFormatException(
          sourceName, "UNIT_DATA is truncated at character " + text.length());
    }
    String summary = text.substring(0, open);
    JsonNode array =
        parseJson(text.substring(open, close), sourceName, lineOf(text, open), "UNIT_DATA ");
    try {
      return htmlPage(summary, array, sourceName);
    } catch (Problem problem) {
      throw new TimingsFormatException(sourceName, problem.getMessage());
    }
  }

  private static TimingsPage envelope(JsonNode root, String sourceName) {
    if (!root.isObject()) {
      throw new Problem(
          "expected a JSON object with a units array (the --timings envelope), found "
              + Json.describe(root));
    }
    JsonNode unitsNode = root.get("units");
    if (unitsNode == null || !unitsNode.isArray()) {
      throw new Problem("no units array (is this a cargo --timings JSON file?)");
    }
    ParsedUnits parsed = units(unitsNode);
    int jobs = Json.requireInt(root, "jobs", "the envelope");
    Integer ncpu = Json.optionalInt(root, "ncpu", "the envelope");
    double total = jsonTotal(root, parsed.units());
    String source =
        Optional.ofNullable(Json.optionalText(root, "source", "the envelope")).orElse(sourceName);
    return page(
        source,
        jobs,
        ncpu,
        Json.optionalText(root, "profile", "the envelope"),
        normaliseRustc(Json.optionalText(root, "rustc", "the envelope")),
        total,
        parsed.generation().json(),
        parsed.units(),
        List.of(),
        Optional.ofNullable(Json.optionalText(root, "rustc", "the envelope"))
            .flatMap(r -> cell(HOST, r))
            .orElse(null),
        null);
  }

  private static TimingsPage htmlPage(String summary, JsonNode array, String sourceName) {
    if (!array.isArray()) {
      throw new Problem("UNIT_DATA is not an array but " + Json.describe(array));
    }
    ParsedUnits parsed = units(array);
    Matcher jobsCell = JOBS_CELL.matcher(summary);
    if (!jobsCell.find()) {
      throw new Problem(
          "no jobs= in the summary table (expected \"Max concurrency: N (jobs=N ncpu=N)\")");
    }
    int jobs = Json.parseInt(jobsCell.group(1), "jobs");
    Integer ncpu =
        jobsCell.group(2).equals("n/a") ? null : Json.parseInt(jobsCell.group(2), "ncpu");
    Double shown = cell(TOTAL_CELL, summary).map(TimingsReader::parseTotalText).orElse(null);
    double total = reconcileTotal(shown, maxEnd(parsed.units()));
    return page(
        sourceName,
        jobs,
        ncpu,
        cell(PROFILE_CELL, summary).orElse(null),
        normaliseRustc(cell(RUSTC_CELL, summary).orElse(null)),
        total,
        parsed.generation().html(),
        parsed.units(),
        cell(TARGETS_CELL, summary).map(TimingsReader::targetPackages).orElse(List.of()),
        cell(HOST, summary).orElse(null),
        cell(BUILD_START_CELL, summary).orElse(null));
  }

  /** The package names of a Targets cell: the first word of each {@code name version (kinds)}. */
  static List<String> targetPackages(String cell) {
    List<String> out = new ArrayList<>();
    for (String t : cell.split("\\),\\s*")) {
      String name = t.strip().split("\\s+")[0];
      if (!name.isEmpty() && !out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private static TimingsPage page(
      String source,
      int jobs,
      Integer ncpu,
      String profile,
      String rustc,
      double total,
      String format,
      List<PageUnit> units,
      List<String> targets,
      String host,
      String buildStart) {
    if (jobs < 1) {
      throw new Problem("jobs is " + jobs + ", expected at least 1");
    }
    if (jobs > TimingsPage.MAX_JOBS) {
      throw new Problem("jobs is " + jobs + ", expected at most " + TimingsPage.MAX_JOBS);
    }
    if (!(total >= 0) || !(total <= TimingsPage.MAX_SECONDS)) {
      throw new Problem(
          "total time is " + total + " s, expected a number from 0 to " + TimingsPage.MAX_SECONDS);
    }
    TimingsPage.findProblem(units, TimingsPage.usesUnlockedFields(format))
        .ifPresent(
            p -> {
              throw new Problem(p);
            });
    try {
      return new TimingsPage(
          source, jobs, ncpu, profile, rustc, total, format, units, targets, host, buildStart);
    } catch (IllegalArgumentException e) {
      throw new Problem(e.getMessage());
    }
  }

  // ---- units --------------------------------------------------------------------------------

  /** The two generations of cargo's {@code UnitData} fields. */
  private enum Generation {
    V160("unlocked_units", "unlocked_rmeta_units", TimingsPage.JSON_160, TimingsPage.HTML_160),
    V195("unblocked_units", "unblocked_rmeta_units", TimingsPage.JSON_195, TimingsPage.HTML_195);

    private final String unitsField;
    private final String rmetaUnitsField;
    private final String json;
    private final String html;

    Generation(String unitsField, String rmetaUnitsField, String json, String html) {
      this.unitsField = unitsField;
      this.rmetaUnitsField = rmetaUnitsField;
      this.json = json;
      this.html = html;
    }

    String json() {
      return json;
    }

    String html() {
      return html;
    }

    boolean usedBy(JsonNode unit) {
      return unit.has(unitsField) || unit.has(rmetaUnitsField);
    }
  }

  private record ParsedUnits(Generation generation, List<PageUnit> units) {}

  private static ParsedUnits units(JsonNode array) {
    if (array.isEmpty()) {
      throw new Problem("no units (the units list is empty)");
    }
    Generation generation = generation(array);
    List<PageUnit> units = new ArrayList<>(array.size());
    for (int position = 0; position < array.size(); position++) {
      units.add(unit(array.get(position), position, generation));
    }
    return new ParsedUnits(generation, units);
  }

  private static Generation generation(JsonNode array) {
    boolean old = false;
    boolean current = false;
    for (JsonNode unit : array) {
      old |= Generation.V160.usedBy(unit);
      current |= Generation.V195.usedBy(unit);
    }
    if (old && current) {
      throw new Problem("units mix unlocked_* (cargo 1.60) and unblocked_* (cargo 1.95) fields");
    }
    if (!old && !current) {
      throw new Problem(
          "unknown timings format (units have neither unlocked_units nor unblocked_units)");
    }
    return old ? Generation.V160 : Generation.V195;
  }

  private static PageUnit unit(JsonNode node, int position, Generation generation) {
    if (!node.isObject()) {
      throw new Problem(
          "unit at position " + position + " is not an object but " + Json.describe(node));
    }
    int i = Json.requireInt(node, "i", "unit at position " + position);
    String where = "unit " + i;
    double duration = Json.requireNumber(node, "duration", where);
    Map<String, double[]> sections = sections(node.get("sections"), duration, where);
    Double rmetaTime = Json.optionalNumber(node, "rmeta_time", where);
    if (rmetaTime == null && sections.containsKey("frontend")) {
      rmetaTime = sections.get("frontend")[1];
    }
    return new PageUnit(
        i,
        Json.requireText(node, "name", where),
        Json.requireText(node, "version", where),
        Json.optionalText(node, "mode", where),
        Json.requireText(node, "target", where),
        Json.textList(node, "features", where),
        Json.requireNumber(node, "start", where),
        duration,
        rmetaTime,
        sections,
        Json.intList(node, generation.unitsField, where),
        Json.intList(node, generation.rmetaUnitsField, where));
  }

  /**
   * cargo 1.95's {@code sections}: {@code [["frontend", {"start": 0.0, "end": 0.16}], ...]}, times
   * relative to the unit's start; an absent end means the end of the unit, as in cargo.
   */
  private static Map<String, double[]> sections(JsonNode node, double duration, String where) {
    Map<String, double[]> sections = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return sections;
    }
    if (!node.isArray()) {
      throw new Problem(where + ": sections is not an array but " + Json.describe(node));
    }
    for (JsonNode entry : node) {
      if (!entry.isArray()
          || entry.size() != 2
          || !entry.get(0).isTextual()
          || !entry.get(1).isObject()) {
        throw new Problem(
            where + ": malformed sections entry, expected [\"name\", {\"start\": s, \"end\": e}]");
      }
      String name = entry.get(0).asText();
      String context = where + " section " + name;
      double start = Json.requireNumber(entry.get(1), "start", context);
      Double end = Json.optionalNumber(entry.get(1), "end", context);
      if (sections.put(name, new double[] {start, end == null ? duration : end}) != null) {
        throw new Problem(where + ": section " + name + " appears twice");
      }
    }
    return sections;
  }

  // ---- totals and summary cells -------------------------------------------------------------

  private static double jsonTotal(JsonNode root, List<PageUnit> units) {
    Double totalSeconds = Json.optionalNumber(root, "total_s", "the envelope");
    if (totalSeconds != null) {
      return totalSeconds;
    }
    String totalText = Json.optionalText(root, "total_text", "the envelope");
    return reconcileTotal(totalText == null ? null : parseTotalText(totalText), maxEnd(units));
  }

  /**
   * The page's "Total time" has a 0.1 s resolution; the end of the last unit is exact to 0.01 s and
   * is what cargo measured (1.95: the last concurrency sample). Use the latter when they agree.
   */
  private static double reconcileTotal(Double shown, double maxEnd) {
    if (shown == null || Math.abs(shown - maxEnd) <= TOTAL_TEXT_TOLERANCE) {
      return maxEnd;
    }
    return shown;
  }

  /** {@code "15.4s"}, {@code "83.4s (1m 23.4s)"} or {@code "1m 23.4s"} in seconds, or null. */
  static Double parseTotalText(String text) {
    Matcher seconds = SECONDS_TEXT.matcher(text);
    if (seconds.find()) {
      return Double.parseDouble(seconds.group(1));
    }
    Matcher minutes = MINUTES_TEXT.matcher(text);
    if (minutes.find()) {
      // minutes as a double: a count beyond int is a total out of range, checked by the caller
      return Double.parseDouble(minutes.group(1)) * 60.0 + Double.parseDouble(minutes.group(2));
    }
    return null;
  }

  /**
   * max(start + duration), rounded to microseconds to drop floating-point noise (cargo writes
   * centiseconds).
   */
  private static double maxEnd(List<PageUnit> units) {
    double end = units.stream().mapToDouble(PageUnit::end).max().orElse(0);
    return Math.round(end * 1e6) / 1e6;
  }

  /**
   * The first line of the rustc cell: drops {@code Host:}/{@code Target:}, which follow a {@code
   * <br>} in the page and are glued on (tags stripped) in the cargo 1.60 extracts.
   */
  static String normaliseRustc(String rustc) {
    if (rustc == null) {
      return null;
    }
    int host = rustc.indexOf("Host:");
    String line = (host >= 0 ? rustc.substring(0, host) : rustc).strip();
    return line.isEmpty() ? null : line;
  }

  private static Optional<String> cell(Pattern pattern, String summary) {
    Matcher matcher = pattern.matcher(summary);
    return matcher.find()
        ? Optional.of(matcher.group(1).strip()).filter(s -> !s.isEmpty())
        : Optional.empty();
  }

  // ---- locating UNIT_DATA in a page ---------------------------------------------------------

  /**
   * Where the {@code UNIT_DATA} value starts (after {@code =}), or -1. The last declaration at the
   * start of a line is used: the unit table before the script prints crate names raw and could
   * contain a fake one, while names inside the data itself are JSON strings and cannot start a
   * line.
   */
  private static int unitDataStart(String text) {
    Matcher matcher = UNIT_DATA_DECLARATION.matcher(text);
    int start = -1;
    while (matcher.find()) {
      start = matcher.end();
    }
    return start;
  }

  /**
   * The index just after the bracket closing the array that opens at {@code open}, or -1 if the
   * text ends first.
   */
  private static int arrayEnd(String text, int open) {
    int depth = 0;
    boolean inString = false;
    for (int k = open; k < text.length(); k++) {
      char c = text.charAt(k);
      if (inString) {
        if (c == '\\') {
          k++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return k + 1;
      }
    }
    return -1;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int k = 0; k < offset; k++) {
      if (text.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }

  // ---- shared with UnitGraphFile ------------------------------------------------------------

  /** The file's name (last path element), for error messages. */
  static String fileName(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  /**
   * The file's text (UTF-8, malformed bytes replaced), with a one-line error if it cannot be read.
   */
  static String readText(Path file, String name) throws TimingsFormatException {
    try {
      if (Files.isDirectory(file)) {
        throw new TimingsFormatException(name, "is a directory, not a file");
      }
      long size = Files.size(file);
      if (size > TimingsPage.MAX_FILE_BYTES) {
        throw new TimingsFormatException(
            name,
            "file of " + size + " bytes: at most " + TimingsPage.MAX_FILE_BYTES + " are read");
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        throw new TimingsFormatException(name, "file is empty");
      }
      return text;
    } catch (NoSuchFileException e) {
      throw new TimingsFormatException(name, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new TimingsFormatException(name, "cannot read file: permission denied", e);
    } catch (IOException e) {
      throw new TimingsFormatException(
          name, "cannot read file (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Parses JSON text; a syntax error becomes a one-line message with the line number.
   *
   * @param firstLine the line of the file on which {@code text} starts
   * @param what prefix naming the JSON in messages, e.g. {@code "UNIT_DATA "}, or empty
   */
  static JsonNode parseJson(String text, String sourceName, int firstLine, String what)
      throws TimingsFormatException {
    if (text.isBlank()) {
      throw new TimingsFormatException(sourceName, "file is empty");
    }
    try {
      return JSON_READER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String line =
          location == null || location.getLineNr() < 1
              ? ""
              : "line " + (firstLine + location.getLineNr() - 1) + ": ";
      throw new TimingsFormatException(
          sourceName, line + "malformed " + what + "JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A problem found while walking parsed JSON; the caller adds the file name. No stack trace. */
  static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Problem(String detail) {
      super(detail, null, false, false);
    }
  }

  /** Typed access to JSON fields, reporting missing or mistyped fields as {@link Problem}s. */
  static final class Json {
    private Json() {}

    static int requireInt(JsonNode node, String field, String where) {
      Integer value = optionalInt(node, field, where);
      if (value == null) {
        throw new Problem(where + " has no " + field);
      }
      return value;
    }

    static Integer optionalInt(JsonNode node, String field, String where) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        throw new Problem(where + ": " + field + " is not an integer but " + describe(value));
      }
      return value.intValue();
    }

    static double requireNumber(JsonNode node, String field, String where) {
      Double value = optionalNumber(node, field, where);
      if (value == null) {
        throw new Problem(where + " has no " + field);
      }
      return value;
    }

    static Double optionalNumber(JsonNode node, String field, String where) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
        throw new Problem(where + ": " + field + " is not a number but " + describe(value));
      }
      return value.doubleValue();
    }

    static String requireText(JsonNode node, String field, String where) {
      String value = optionalText(node, field, where);
      if (value == null) {
        throw new Problem(where + " has no " + field);
      }
      return value;
    }

    static String optionalText(JsonNode node, String field, String where) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        throw new Problem(where + ": " + field + " is not a string but " + describe(value));
      }
      return value.textValue();
    }

    static List<Integer> intList(JsonNode node, String field, String where) {
      List<Integer> list = new ArrayList<>();
      for (JsonNode item : optionalArray(node, field, where)) {
        if (!item.isIntegralNumber() || !item.canConvertToInt()) {
          throw new Problem(
              where + ": " + field + " holds " + describe(item) + ", expected integers");
        }
        list.add(item.intValue());
      }
      return list;
    }

    static List<String> textList(JsonNode node, String field, String where) {
      List<String> list = new ArrayList<>();
      for (JsonNode item : optionalArray(node, field, where)) {
        if (!item.isTextual()) {
          throw new Problem(
              where + ": " + field + " holds " + describe(item) + ", expected strings");
        }
        list.add(item.textValue());
      }
      return list;
    }

    static Iterable<JsonNode> optionalArray(JsonNode node, String field, String where) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return List.of();
      }
      if (!value.isArray()) {
        throw new Problem(where + ": " + field + " is not an array but " + describe(value));
      }
      return value;
    }

    static int parseInt(String digits, String field) {
      try {
        return Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        throw new Problem(field + " " + digits + " is out of range");
      }
    }

    /** A short description of a JSON value's type, never its (untrusted, possibly huge) content. */
    static String describe(JsonNode value) {
      if (value.isMissingNode()) {
        return "nothing";
      }
      return switch (value.getNodeType()) {
        case ARRAY -> "an array";
        case OBJECT, POJO -> "an object";
        case STRING -> "a string";
        case NUMBER -> "the number " + value.asText();
        case BOOLEAN -> value.asText();
        case NULL -> "null";
        default -> value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }
}
