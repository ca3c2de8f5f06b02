package org.cratesim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.ChainLink;
import org.cratesim.cargo.ConcurrencySample;
import org.cratesim.cargo.UnitData;

/**
 * A build as JSON. Units carry cargo's {@code UnitData} fields ({@code i, name, version, target,
 * mode, start, duration, rmeta_time, unblocked_units, unblocked_rmeta_units}) and cargo 1.95's
 * {@code sections}, so a simulated build reads like a real {@code --timings} page. Numbers are
 * seconds rounded to milliseconds; the same build always gives the same bytes.
 */
public final class JsonReport {

  private JsonReport() {}

  public static String render(String scenarioName, BuildResult r) {
    return Json.pretty(g -> write(g, scenarioName, r));
  }

  private static void write(JsonGenerator g, String name, BuildResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", "cratesim-run");
    g.writeNumberField("version", 1);
    g.writeStringField("scenario", name);
    g.writeNumberField("wall_time_s", Seconds.decimal(r.wallNanos()));
    g.writeNumberField("dependency_bound_s", Seconds.decimal(r.dependencyBoundNanos()));
    g.writeNumberField("work_bound_s", Seconds.decimal(r.workBoundNanos()));
    g.writeNumberField("total_work_s", Seconds.decimal(r.workNanos()));
    g.writeNumberField("startup_s", Seconds.decimal(r.startupNanos()));
    g.writeNumberField("jobs", r.jobs());
    g.writeStringField("mode", r.mode().id());
    g.writeNumberField("utilisation", Seconds.fraction(r.utilisation()));
    g.writeNumberField("max_threads", r.maxThreads());
    g.writeArrayFieldStart("units");
    for (UnitData u : r.units()) {
      writeUnit(g, u);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("critical_path");
    for (ChainLink l : r.criticalChain()) {
      g.writeStartObject();
      if (l.unit() >= 0) {
        g.writeNumberField("i", l.unit());
        g.writeStringField("name", r.units().get(l.unit()).unit().name());
        g.writeStringField("target", r.units().get(l.unit()).unit().target());
      } else {
        g.writeNullField("i");
        g.writeStringField("name", "cargo start-up");
        g.writeStringField("target", "");
      }
      g.writeNumberField("from", Seconds.decimal(l.fromNanos()));
      g.writeNumberField("to", Seconds.decimal(l.toNanos()));
      g.writeStringField("waited_for", l.waitedFor().label());
      if (l.predecessor() >= 0) {
        g.writeNumberField("on", l.predecessor());
      } else {
        g.writeNullField("on");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("concurrency");
    for (ConcurrencySample c : r.concurrency()) {
      g.writeStartObject();
      g.writeNumberField("t", Seconds.decimal(c.tNanos()));
      g.writeNumberField("active", c.active());
      g.writeNumberField("waiting", c.waiting());
      g.writeNumberField("inactive", c.inactive());
      g.writeNumberField("threads", c.threads());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeUnit(JsonGenerator g, UnitData u) throws IOException {
    g.writeStartObject();
    g.writeNumberField("i", u.unit().index());
    g.writeStringField("name", u.unit().name());
    g.writeStringField("version", u.unit().version());
    g.writeStringField("target", u.unit().target());
    g.writeStringField("mode", u.unit().mode().id());
    g.writeNumberField("start", Seconds.decimal(u.startNanos()));
    g.writeNumberField("duration", Seconds.decimal(u.durationNanos()));
    if (u.rmetaNanos() >= 0) {
      g.writeNumberField("rmeta_time", Seconds.decimal(u.rmetaNanos()));
    } else {
      g.writeNullField("rmeta_time");
    }
    g.writeArrayFieldStart("unblocked_units");
    for (int x : u.unblockedUnits()) {
      g.writeNumber(x);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("unblocked_rmeta_units");
    for (int x : u.unblockedRmetaUnits()) {
      g.writeNumber(x);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("sections");
    for (Section s : Section.of(u)) {
      g.writeStartArray();
      g.writeString(s.name());
      g.writeStartObject();
      g.writeNumberField("start", Seconds.decimal(s.startNanos()));
      g.writeNumberField("end", Seconds.decimal(s.endNanos()));
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeNumberField("ready", Seconds.decimal(u.readyNanos()));
    g.writeEndObject();
  }
}
