package org.cratesim;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of project folders as seen from the tests (Surefire runs in sim/). */
public final class TestPaths {
  private TestPaths() {}

  /** The repository's top folder (holding scenarios/). */
  public static Path repo() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("scenarios")) && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root from " + here);
  }

  /** ../shared beside the repository, or null when absent (a user's clone has none). */
  public static Path shared() {
    String prop = System.getProperty("cratesim.shared");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop).normalize();
    }
    Path p = repo().resolveSibling("shared");
    return Files.isDirectory(p) ? p : null;
  }
}
