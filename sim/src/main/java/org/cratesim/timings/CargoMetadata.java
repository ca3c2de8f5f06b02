package org.cratesim.timings;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cratesim.timings.TimingsReader.Json;
import org.cratesim.timings.TimingsReader.Problem;

/**
 * The output of {@code cargo metadata --format-version 1} (stable cargo): the packages of a
 * workspace and of all it depends on, with their targets, and the resolved dependency graph with
 * each edge's kinds (normal, build, dev). A timing page lists only the edge each unit waited for
 * last; this is the whole package graph, from a command every toolchain has. Written by cargo's
 * {@code src/cargo/ops/cargo_output_metadata.rs}:
 *
 * <pre>{"packages": [{"id", "name", "version", "targets": [{"kind": [...], "name"}],
 *   "dependencies": [...]}], "workspace_members": [id, ...],
 *  "resolve": {"nodes": [{"id", "deps": [{"name", "pkg", "dep_kinds": [{"kind", "target"}]}]}]},
 *  "version": 1}</pre>
 *
 * @param packages every package, in the file's order
 * @param workspaceMembers ids of the workspace's own packages
 * @param resolve per package id, its resolved dependencies
 */
public record CargoMetadata(
    List<Package> packages, List<String> workspaceMembers, Map<String, List<Dep>> resolve) {

  /** The only {@code cargo metadata} format version cargo has written so far. */
  public static final int SUPPORTED_VERSION = 1;

  /** What a dependency edge is for ({@code dep_kinds[].kind}). */
  public enum DepKind {
    /** {@code [dependencies]}: the package's targets need it. */
    NORMAL,
    /** {@code [build-dependencies]}: its build script needs it (built for the host). */
    BUILD,
    /** {@code [dev-dependencies]}: tests, examples and benches only. */
    DEV
  }

  /**
   * One package.
   *
   * @param id cargo's package id, verbatim
   * @param name the package name
   * @param version its version
   * @param targets its targets
   */
  public record Package(String id, String name, String version, List<Target> targets) {
    public Package {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      targets = List.copyOf(targets);
    }

    /** It has a target of {@code kind} ({@code lib}, {@code proc-macro}, {@code bin}, ...). */
    public boolean hasTarget(String kind) {
      return targets.stream().anyMatch(t -> t.kinds().contains(kind));
    }

    /** A lib target of any crate type cargo links as a library. */
    public boolean hasLib() {
      return targets.stream().anyMatch(Target::isLib);
    }

    /** Its lib is a proc macro. */
    public boolean isProcMacro() {
      return hasTarget("proc-macro");
    }

    /** It has a build script ({@code custom-build}). */
    public boolean hasBuildScript() {
      return hasTarget("custom-build");
    }

    /** The names of its bin targets. */
    public List<String> bins() {
      List<String> out = new ArrayList<>();
      for (Target t : targets) {
        if (t.kinds().contains("bin")) {
          out.add(t.name());
        }
      }
      return out;
    }
  }

  /**
   * One target of a package.
   *
   * @param name the target's name (the crate name for a lib)
   * @param kinds {@code kind}: {@code lib}, {@code rlib}, {@code proc-macro}, {@code bin}, {@code
   *     custom-build}, {@code test}, {@code example}, {@code bench}, ...
   */
  public record Target(String name, List<String> kinds) {
    public Target {
      Objects.requireNonNull(name, "name");
      kinds = List.copyOf(kinds);
    }

    /** A library target: lib, rlib, dylib, cdylib, staticlib or proc-macro. */
    public boolean isLib() {
      for (String k : kinds) {
        switch (k) {
          case "lib":
          case "rlib":
          case "dylib":
          case "cdylib":
          case "staticlib":
          case "proc-macro":
            return true;
          default:
            break;
        }
      }
      return false;
    }
  }

  /**
   * A resolved dependency edge.
   *
   * @param pkg the dependency's package id
   * @param name the name it is used under (its lib's crate name, or the rename)
   * @param kinds what it is a dependency for
   */
  public record Dep(String pkg, String name, Set<DepKind> kinds) {
    public Dep {
      Objects.requireNonNull(pkg, "pkg");
      kinds =
          Collections.unmodifiableSet(
              kinds.isEmpty() ? EnumSet.noneOf(DepKind.class) : EnumSet.copyOf(kinds));
    }
  }

  public CargoMetadata {
    packages = List.copyOf(packages);
    workspaceMembers = List.copyOf(workspaceMembers);
    Map<String, List<Dep>> copy = new LinkedHashMap<>();
    resolve.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    resolve = Collections.unmodifiableMap(copy);
  }

  /** The package with this id. */
  public Optional<Package> byId(String id) {
    return packages.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The resolved dependencies of a package (none when it has no resolve node). */
  public List<Dep> deps(String id) {
    return resolve.getOrDefault(id, List.of());
  }

  /** Whether the package is one of the workspace's own. */
  public boolean isWorkspaceMember(String id) {
    return workspaceMembers.contains(id);
  }

  /**
   * Reads a {@code cargo metadata --format-version 1} file.
   *
   * @throws TimingsFormatException if the file cannot be read, is not JSON, is of another format
   *     version, lacks the resolved graph ({@code --no-deps}) or names a package it does not list
   */
  public static CargoMetadata read(Path file) throws TimingsFormatException {
    String name = TimingsReader.fileName(file);
    JsonNode root = TimingsReader.parseJson(TimingsReader.readText(file, name), name, 1, "");
    try {
      return metadata(root);
    } catch (Problem problem) {
      throw new TimingsFormatException(name, problem.getMessage());
    }
  }

  private static CargoMetadata metadata(JsonNode root) {
    if (!root.isObject() || !root.has("packages")) {
      throw new Problem(
          "expected a JSON object with a packages array (is this cargo metadata output?)");
    }
    Integer version = Json.optionalInt(root, "version", "the metadata");
    if (version == null) {
      throw new Problem("no version field (is this cargo metadata --format-version 1 output?)");
    }
    if (version != SUPPORTED_VERSION) {
      throw new Problem(
          "unsupported metadata format version "
              + version
              + ", expected "
              + SUPPORTED_VERSION
              + " (cargo metadata --format-version 1)");
    }
    List<Package> packages = new ArrayList<>();
    Map<String, Package> byId = new LinkedHashMap<>();
    for (JsonNode p : Json.optionalArray(root, "packages", "the metadata")) {
      Package pkg = pkg(p, packages.size());
      if (byId.put(pkg.id(), pkg) != null) {
        throw new Problem("package " + pkg.id() + " is listed twice");
      }
      packages.add(pkg);
    }
    if (packages.isEmpty()) {
      throw new Problem("no packages (the packages list is empty)");
    }
    List<String> members = Json.textList(root, "workspace_members", "the metadata");
    for (String m : members) {
      if (!byId.containsKey(m)) {
        throw new Problem("workspace member " + m + " is not among the packages");
      }
    }
    JsonNode resolve = root.get("resolve");
    if (resolve == null || resolve.isNull()) {
      throw new Problem("no resolve graph (run cargo metadata without --no-deps)");
    }
    Map<String, List<Dep>> deps = new LinkedHashMap<>();
    for (JsonNode node : Json.optionalArray(resolve, "nodes", "resolve")) {
      String id = Json.requireText(node, "id", "a resolve node");
      if (!byId.containsKey(id)) {
        throw new Problem("resolve node " + id + " is not among the packages");
      }
      List<Dep> list = new ArrayList<>();
      for (JsonNode d : Json.optionalArray(node, "deps", "resolve node " + id)) {
        String pkg = Json.requireText(d, "pkg", "a dependency of " + id);
        if (!byId.containsKey(pkg)) {
          throw new Problem(id + " depends on " + pkg + ", which is not among the packages");
        }
        Set<DepKind> kinds = EnumSet.noneOf(DepKind.class);
        for (JsonNode k : Json.optionalArray(d, "dep_kinds", "a dependency of " + id)) {
          kinds.add(kind(k.get("kind"), id));
        }
        if (!d.has("dep_kinds")) {
          kinds.add(DepKind.NORMAL); // cargo before 1.41 wrote no dep_kinds
        }
        list.add(new Dep(pkg, Json.optionalText(d, "name", "a dependency of " + id), kinds));
      }
      deps.put(id, list);
    }
    return new CargoMetadata(packages, members, deps);
  }

  private static DepKind kind(JsonNode k, String where) {
    if (k == null || k.isNull()) {
      return DepKind.NORMAL;
    }
    switch (k.asText()) {
      case "normal":
        return DepKind.NORMAL;
      case "build":
        return DepKind.BUILD;
      case "dev":
        return DepKind.DEV;
      default:
        String text = k.asText();
        throw new Problem(
            "a dependency of "
                + where
                + " has the unknown kind "
                + (k.isTextual() && text.length() <= 20 ? "'" + text + "'" : Json.describe(k)));
    }
  }

  private static Package pkg(JsonNode p, int position) {
    String where = "package " + position;
    if (!p.isObject()) {
      throw new Problem(where + " is not an object but " + Json.describe(p));
    }
    String id = Json.requireText(p, "id", where);
    List<Target> targets = new ArrayList<>();
    for (JsonNode t : Json.optionalArray(p, "targets", "package " + id)) {
      targets.add(
          new Target(
              Json.requireText(t, "name", "a target of " + id),
              Json.textList(t, "kind", "a target of " + id)));
    }
    return new Package(
        id,
        Json.requireText(p, "name", "package " + id),
        Json.requireText(p, "version", "package " + id),
        targets);
  }
}
