package org.cratesim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cratesim.calibration.Prediction;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.Fingerprints;
import org.cratesim.model.Scenario;
import org.cratesim.timings.TimingsPage;

/**
 * Builds in the Trace Event Format (the JSON that Perfetto, chrome://tracing and Bazel's or Buck's
 * profile viewers open; "Trace Event Format", Google, the {@code traceEvents} array form): one
 * process per build, one thread per lane (units packed greedily by start, as cargo's page packs
 * them), one complete event ({@code "ph": "X"}, {@code ts} and {@code dur} in microseconds) per
 * unit named by the unit, its sections (front end, codegen, link, build-script run) nested inside
 * it as events of category {@code section}, and metadata events naming the processes and lanes.
 */
public final class ChromeTrace {
  /** The {@code otherData.format} of these documents. */
  public static final String FORMAT = "cratesim-chrome-trace";

  /** The {@code otherData.version}: raised when a field changes meaning or goes away. */
  public static final int VERSION = 1;

  private ChromeTrace() {}

  /** {@code cratesim run --format chrome-trace}: one simulated build. */
  public static String build(Scenario sc, BuildResult r) {
    Timeline t =
        Timeline.of(
            "cratesim run " + sc.name() + " (-j" + r.jobs() + ")", r, Fingerprints.freshJobs(sc));
    return document(sc.name(), List.of(t));
  }

  /**
   * {@code cratesim predict --format chrome-trace}: the measured page and the prediction at each -j
   * asked for, a process each on one clock.
   */
  public static String prediction(List<Prediction> ps, TimingsPage measured, Scenario imported) {
    Prediction first = ps.get(0);
    List<Timeline> tls = new ArrayList<>();
    tls.add(
        Timeline.of("measured " + first.page() + " (-j" + first.measuredJobs() + ")", measured));
    for (Prediction p : ps) {
      Scenario at = imported.withBuild(imported.build().withJobs(p.jobs()));
      tls.add(
          Timeline.of("predicted (-j" + p.jobs() + ")", p.predicted(), Fingerprints.freshJobs(at)));
    }
    return document(first.page(), tls);
  }

  /**
   * The lane of each bar (in the timeline's order): the first lane free at its start, as {@link
   * HtmlReport#lanes} packs a simulated build; a unit of no duration takes a lane only for its
   * instant.
   */
  static int[] lanes(Timeline t) {
    int[] lane = new int[t.bars().size()];
    List<Long> laneEnd = new ArrayList<>();
    for (int k = 0; k < lane.length; k++) {
      Timeline.Bar b = t.bars().get(k);
      long start = micros(b.start());
      int l = 0;
      while (l < laneEnd.size() && laneEnd.get(l) > start) {
        l++;
      }
      long end = micros(b.end());
      if (l == laneEnd.size()) {
        laneEnd.add(end);
      } else {
        laneEnd.set(l, end);
      }
      lane[k] = l;
    }
    return lane;
  }

  /** Whole microseconds, rounded half up from the nearest nanosecond. */
  private static long micros(double seconds) {
    return Math.floorDiv(Math.round(seconds * 1e9) + 500, 1000);
  }

  private static String document(String name, List<Timeline> tls) {
    return Json.pretty(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("traceEvents");
          for (int k = 0; k < tls.size(); k++) {
            process(g, k + 1, tls.get(k));
          }
          g.writeEndArray();
          g.writeStringField("displayTimeUnit", "ms");
          g.writeObjectFieldStart("otherData");
          g.writeStringField("format", FORMAT);
          g.writeNumberField("version", VERSION);
          g.writeStringField("generator", "cratesim");
          g.writeStringField("name", name);
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  private static void process(JsonGenerator g, int pid, Timeline t) throws IOException {
    int[] lane = lanes(t);
    int lanes = 0;
    for (int l : lane) {
      lanes = Math.max(lanes, l + 1);
    }
    meta(g, "process_name", pid, 0, t.title());
    g.writeStartObject();
    g.writeStringField("name", "process_sort_index");
    g.writeStringField("ph", "M");
    g.writeNumberField("pid", pid);
    g.writeNumberField("tid", 0);
    g.writeObjectFieldStart("args");
    g.writeNumberField("sort_index", pid);
    g.writeEndObject();
    g.writeEndObject();
    for (int l = 0; l < lanes; l++) {
      meta(g, "thread_name", pid, l + 1, "lane " + (l + 1));
    }
    for (int k = 0; k < t.bars().size(); k++) {
      unit(g, pid, lane[k] + 1, t.bars().get(k));
    }
  }

  private static void meta(JsonGenerator g, String what, int pid, int tid, String name)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("name", what);
    g.writeStringField("ph", "M");
    g.writeNumberField("pid", pid);
    g.writeNumberField("tid", tid);
    g.writeObjectFieldStart("args");
    g.writeStringField("name", name);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void unit(JsonGenerator g, int pid, int tid, Timeline.Bar b) throws IOException {
    long ts = micros(b.start());
    long end = Math.max(ts, micros(b.end()));
    g.writeStartObject();
    g.writeStringField("name", b.label());
    g.writeStringField("cat", "unit");
    g.writeStringField("ph", "X");
    g.writeNumberField("ts", ts);
    g.writeNumberField("dur", end - ts);
    g.writeNumberField("pid", pid);
    g.writeNumberField("tid", tid);
    g.writeObjectFieldStart("args");
    g.writeNumberField("index", b.index());
    g.writeStringField("name", b.name());
    g.writeStringField("version", b.version());
    g.writeStringField("target", b.target());
    g.writeStringField("mode", b.mode());
    g.writeNumberField("start_s", Seconds.ofSeconds(b.start()));
    g.writeNumberField("duration_s", Seconds.ofSeconds(b.duration()));
    if (b.rmeta() >= 0) {
      g.writeNumberField("rmeta_s", Seconds.ofSeconds(b.rmeta()));
    }
    g.writeObjectFieldStart("sections");
    for (Timeline.Phase s : b.phases()) {
      g.writeArrayFieldStart(s.name());
      g.writeNumber(Seconds.ofSeconds(s.start()));
      g.writeNumber(Seconds.ofSeconds(s.end()));
      g.writeEndArray();
    }
    g.writeEndObject();
    if (!b.features().isEmpty()) {
      g.writeArrayFieldStart("features");
      for (String f : b.features()) {
        g.writeString(f);
      }
      g.writeEndArray();
    }
    g.writeBooleanField("fresh", b.fresh());
    g.writeBooleanField("critical_path", b.critical());
    g.writeEndObject();
    g.writeEndObject();
    // the sections nested inside the unit's event (rounding is monotone: they stay inside it)
    for (Timeline.Phase s : b.phases()) {
      long st = Math.max(ts, micros(b.start() + s.start()));
      long se = Math.min(end, Math.max(st, micros(b.start() + s.end())));
      if (se <= st) {
        continue;
      }
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeStringField("cat", "section");
      g.writeStringField("ph", "X");
      g.writeNumberField("ts", st);
      g.writeNumberField("dur", se - st);
      g.writeNumberField("pid", pid);
      g.writeNumberField("tid", tid);
      g.writeObjectFieldStart("args");
      g.writeStringField("unit", b.label());
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
