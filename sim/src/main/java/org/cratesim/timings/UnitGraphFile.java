package org.cratesim.timings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cratesim.timings.TimingsReader.Json;
import org.cratesim.timings.TimingsReader.Problem;

/**
 * The output of {@code cargo build --unit-graph -Z unstable-options} (format version 1): every unit
 * of the build with its full dependency list, which timing pages lack (their {@code unblocked_*}
 * lists only hold the edges satisfied last). Written by cargo's {@code
 * src/cargo/core/compiler/unit_graph.rs}:
 *
 * <pre>
 * {"version": 1, "units": [{"pkg_id", "target": {"kind": [...], "name", ...}, "profile": {...},
 *   "platform", "mode", "features", "dependencies": [{"index", "extern_crate_name", ...}]}],
 *  "roots": [...]}</pre>
 *
 * @param units the units; a unit's {@link Node#index()} is its position in this list
 * @param roots indices of the units that were requested
 */
public record UnitGraphFile(List<Node> units, List<Integer> roots) {

  /** The only {@code --unit-graph} format version cargo has written so far. */
  public static final int SUPPORTED_VERSION = 1;

  /** {@code name version (source)}: the package id format of older cargo. */
  private static final Pattern OLD_PKG_ID = Pattern.compile("^(\\S+) (\\S+) \\((.*)\\)$");

  private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE =
      new TypeReference<>() {};

  /** Copies the lists and checks that every index is in range. */
  public UnitGraphFile {
    units = List.copyOf(units);
    roots = List.copyOf(roots);
    for (int k = 0; k < units.size(); k++) {
      if (units.get(k).index() != k) {
        throw new IllegalArgumentException(
            "unit at position " + k + " has index " + units.get(k).index());
      }
      for (int dependency : units.get(k).dependencies()) {
        checkIndex(dependency, units.size(), "unit " + k + " dependency");
      }
    }
    for (int root : roots) {
      checkIndex(root, units.size(), "root");
    }
  }

  /**
   * One unit of the graph.
   *
   * @param index position in the file's {@code units} array
   * @param pkgId cargo's package id, verbatim
   * @param name the package name parsed from {@code pkgId}
   * @param version the package version parsed from {@code pkgId}, or {@code null} if it has none
   * @param targetName {@code target.name} (e.g. {@code build-script-build}, or the crate name)
   * @param targetKinds {@code target.kind}: {@code lib}, {@code rlib}, {@code proc-macro}, {@code
   *     bin}, {@code custom-build}, {@code test}, ...
   * @param mode {@code build}, {@code check}, {@code run-custom-build}, {@code test}, ...
   * @param profile the profile object as plain maps, lists, strings, numbers and booleans
   * @param dependencies indices of the units this one depends on, in cargo's order
   */
  public record Node(
      int index,
      String pkgId,
      String name,
      String version,
      String targetName,
      List<String> targetKinds,
      String mode,
      Map<String, Object> profile,
      List<Integer> dependencies) {

    /** Copies the collections ({@code profile} shallowly). */
    public Node {
      Objects.requireNonNull(pkgId, "pkgId");
      Objects.requireNonNull(name, "name");
      targetKinds = List.copyOf(targetKinds);
      profile =
          profile == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(profile));
      dependencies = List.copyOf(dependencies);
    }

    /** Whether the target is a proc macro. */
    public boolean isProcMacro() {
      return targetKinds.contains("proc-macro");
    }

    /**
     * Whether this unit compiles a build script (target kind {@code custom-build}, not its run).
     */
    public boolean isBuildScriptCompile() {
      return targetKinds.contains("custom-build") && !isBuildScriptRun();
    }

    /** Whether this unit runs a build script (mode {@code run-custom-build}). */
    public boolean isBuildScriptRun() {
      return PageUnit.MODE_RUN_CUSTOM_BUILD.equals(mode);
    }
  }

  /**
   * Reads a {@code --unit-graph} JSON file.
   *
   * @throws TimingsFormatException if the file cannot be read, is not JSON, is of another format
   *     version, or has an index out of range
   */
  public static UnitGraphFile read(Path file) throws TimingsFormatException {
    String name = TimingsReader.fileName(file);
    JsonNode root = TimingsReader.parseJson(TimingsReader.readText(file, name), name, 1, "");
    try {
      return graph(root);
    } catch (Problem problem) {
      throw new TimingsFormatException(name, problem.getMessage());
    }
  }

  private static UnitGraphFile graph(JsonNode root) {
    if (!root.isObject() || !root.has("units")) {
      throw new Problem(
          "expected a JSON object with a units array (is this cargo --unit-graph output?)");
    }
    Integer version = Json.optionalInt(root, "version", "the unit graph");
    if (version == null) {
      throw new Problem("no version field (is this cargo --unit-graph output?)");
    }
    if (version != SUPPORTED_VERSION) {
      throw new Problem(
          "unsupported unit-graph version " + version + ", expected " + SUPPORTED_VERSION);
    }
    List<Node> nodes = new ArrayList<>();
    for (JsonNode unit : Json.optionalArray(root, "units", "the unit graph")) {
      nodes.add(node(unit, nodes.size()));
    }
    if (nodes.isEmpty()) {
      throw new Problem("no units (the units list is empty)");
    }
    List<Integer> roots = Json.intList(root, "roots", "the unit graph");
    checkIndices(nodes, roots);
    return new UnitGraphFile(nodes, roots);
  }

  private static Node node(JsonNode unit, int index) {
    String where = "unit " + index;
    if (!unit.isObject()) {
      throw new Problem(where + " is not an object but " + Json.describe(unit));
    }
    String pkgId = Json.requireText(unit, "pkg_id", where);
    String[] nameAndVersion = parsePkgId(pkgId);
    JsonNode target = unit.get("target");
    if (target == null || !target.isObject()) {
      throw new Problem(where + " has no target object");
    }
    return new Node(
        index,
        pkgId,
        nameAndVersion[0],
        nameAndVersion[1],
        Json.requireText(target, "name", where + " target"),
        Json.textList(target, "kind", where + " target"),
        Json.requireText(unit, "mode", where),
        profile(unit.get("profile"), where),
        dependencies(unit, where));
  }

  private static Map<String, Object> profile(JsonNode profile, String where) {
    if (profile == null || profile.isNull()) {
      return Map.of();
    }
    if (!profile.isObject()) {
      throw new Problem(where + ": profile is not an object but " + Json.describe(profile));
    }
    try {
      return TimingsReader.JSON_READER.forType(MAP_TYPE).readValue(profile);
    } catch (IOException e) {
      throw new Problem(where + ": unreadable profile");
    }
  }

  private static List<Integer> dependencies(JsonNode unit, String where) {
    List<Integer> dependencies = new ArrayList<>();
    for (JsonNode dependency : Json.optionalArray(unit, "dependencies", where)) {
      if (!dependency.isObject()) {
        throw new Problem(
            where + ": a dependency is " + Json.describe(dependency) + ", expected an object");
      }
      dependencies.add(Json.requireInt(dependency, "index", where + " dependency"));
    }
    return dependencies;
  }

  private static void checkIndices(List<Node> nodes, List<Integer> roots) {
    for (Node node : nodes) {
      for (int dependency : node.dependencies()) {
        if (dependency < 0 || dependency >= nodes.size()) {
          throw new Problem(
              "unit "
                  + node.index()
                  + " depends on unit "
                  + dependency
                  + ", which does not exist ("
                  + nodes.size()
                  + " units)");
        }
      }
    }
    for (int root : roots) {
      if (root < 0 || root >= nodes.size()) {
        throw new Problem("root " + root + " does not exist (" + nodes.size() + " units)");
      }
    }
  }

  private static void checkIndex(int index, int size, String what) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          what + " " + index + " is out of range (" + size + " units)");
    }
  }

  /**
   * Package name and version (or null) from a package id in any form cargo has written:
   *
   * <ul>
   *   <li>{@code serde 1.0.152 (registry+https://github.com/rust-lang/crates.io-index)} (older
   *       cargo)
   *   <li>{@code registry+https://github.com/rust-lang/crates.io-index#serde@1.0.152}
   *   <li>{@code path+file:///build/ws/cli#logscan@0.1.0}, or {@code name:version} after {@code #}
   *   <li>{@code path+file:///build/ws/mono#0.1.0}: the name is the URL's last path segment
   *   <li>{@code git+https://host/org/repo.git?branch=x#name@1.0} and a bare {@code name@1.0}
   * </ul>
   *
   * @return {name, version}
   */
  static String[] parsePkgId(String pkgId) {
    Matcher old = OLD_PKG_ID.matcher(pkgId);
    if (old.matches()) {
      return new String[] {old.group(1), old.group(2)};
    }
    int hash = pkgId.lastIndexOf('#');
    String url = hash >= 0 ? pkgId.substring(0, hash) : pkgId;
    String fragment = hash >= 0 ? pkgId.substring(hash + 1) : "";
    if (hash < 0 && !pkgId.contains("://")) {
      fragment = pkgId;
      url = "";
    }
    int separator = Math.max(fragment.indexOf('@'), fragment.indexOf(':'));
    if (separator > 0) {
      return new String[] {fragment.substring(0, separator), fragment.substring(separator + 1)};
    }
    if (!fragment.isEmpty() && !Character.isDigit(fragment.charAt(0))) {
      return new String[] {fragment, null};
    }
    String name = lastPathSegment(url);
    if (name.isEmpty()) {
      throw new Problem("cannot find a package name in pkg_id " + pkgId);
    }
    return new String[] {name, fragment.isEmpty() ? null : fragment};
  }

  private static String lastPathSegment(String url) {
    String path = url;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String segment = path.substring(path.lastIndexOf('/') + 1);
    return segment.endsWith(".git")
        ? segment.substring(0, segment.length() - ".git".length())
        : segment;
  }
}
