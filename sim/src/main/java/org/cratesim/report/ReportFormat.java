package org.cratesim.report;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** Output formats of the commands that take {@code --format}, each with its {@link Reporter}. */
public enum ReportFormat {
  TEXT(TextReporter::new),
  JSON(JsonReporter::new),
  CSV(CsvReporter::new);

  private final Supplier<Reporter> factory;

  ReportFormat(Supplier<Reporter> factory) {
    this.factory = factory;
  }

  /** A reporter in this format. */
  public Reporter reporter() {
    return factory.get();
  }

  /** The name on the command line: text, json or csv. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named exactly {@code id} (lower case), if any. */
  public static Optional<ReportFormat> byId(String id) {
    for (ReportFormat f : values()) {
      if (f.id().equals(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
