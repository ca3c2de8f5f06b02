package org.cratesim.report;

/** Output formats of {@code cratesim run}. */
public enum ReportFormat {
  TEXT,
  JSON,
  CSV
}
