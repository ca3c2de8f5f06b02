package org.cratesim.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cratesim.cargo.BuildResult;
import org.cratesim.model.Scenario;
import org.cratesim.report.Csv;
import org.cratesim.report.HtmlReport;
import org.cratesim.report.Json;
import org.cratesim.report.Seconds;

/** {@code cratesim advise} output: text for people, JSON and CSV for programs, an HTML timeline. */
public final class AdviceReport {
  /** Format name and version of the JSON document. */
  public static final String JSON_FORMAT = "cratesim-advice";

  public static final int JSON_VERSION = 1;

  private AdviceReport() {}

  public static String text(Advice a) {
    StringBuilder sb = new StringBuilder();
    Scenario sc = a.scenario();
    sb.append(
        String.format(
            Locale.ROOT,
            "Advice for %s (%s, -j%d, cargo %s): %d simulated builds per change, seed %d%n",
            sc.name(),
            sc.build().mode().id(),
            sc.build().jobs(),
            sc.build().cargo(),
            a.replications(),
            a.seed()));
    sb.append("Run-to-run noise from ").append(a.noiseSource()).append('\n');
    sb.append(
        "A saving is significant when its 95 % interval excludes 0 and it exceeds the noise;\n"
            + "'below noise' is real in the model but smaller than one build's spread.\n");
    for (Advice.Build b : a.builds()) {
      sb.append('\n');
      sb.append(
          String.format(
              Locale.ROOT,
              "%s: %.3f s (noise sd %.3f s, %.0f %%)%n",
              title(b),
              b.baselineS(),
              b.noiseS(),
              100 * b.noiseS() / b.baselineS()));
      int w = "change".length();
      for (Advice.Row r : b.rows()) {
        w = Math.max(w, r.change().length());
      }
      List<Advice.Row> na = new ArrayList<>();
      sb.append(
          String.format(
              Locale.ROOT,
              "  %4s  %-" + w + "s  %9s  %7s  %-21s  %-11s  %s%n",
              "rank",
              "change",
              "saving",
              "",
              "95 % interval",
              "significant",
              "why"));
      int rank = 0;
      for (Advice.Row r : b.rows()) {
        if (!r.applies()) {
          na.add(r);
          continue;
        }
        rank++;
        sb.append(
            String.format(
                Locale.ROOT,
                "  %4d  %-" + w + "s  %+8.3fs  %+6.1f%%  [%+8.3f, %+8.3f] s  %-11s  %s%n",
                rank,
                r.change(),
                r.savingS(),
                100 * r.savingS() / b.baselineS(),
                r.ci95LowS(),
                r.ci95HighS(),
                r.label().text(),
                r.why()));
      }
      if (!na.isEmpty()) {
        sb.append("  does not apply:\n");
        for (Advice.Row r : na) {
          sb.append("    ").append(r.change()).append(": ").append(r.why()).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static String title(Advice.Build b) {
    return b.build().equals("clean")
        ? "Clean build"
        : "Edit loop (" + b.build() + ", incremental rebuild)";
  }

  public static String json(Advice a) {
    return Json.pretty(
        g -> {
          g.writeStartObject();
          g.writeStringField("format", JSON_FORMAT);
          g.writeNumberField("version", JSON_VERSION);
          g.writeStringField("scenario", a.scenario().name());
          g.writeStringField("mode", a.scenario().build().mode().id());
          g.writeNumberField("jobs", a.scenario().build().jobs());
          g.writeNumberField("replications", a.replications());
          g.writeNumberField("seed", a.seed());
          g.writeStringField("noise_source", a.noiseSource());
          g.writeArrayFieldStart("builds");
          for (Advice.Build b : a.builds()) {
            g.writeStartObject();
            g.writeStringField("build", b.build());
            g.writeNumberField("baseline_s", Seconds.ofSeconds(b.baselineS()));
            g.writeNumberField("noise_s", Seconds.ofSeconds(b.noiseS()));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("rows");
          for (Advice.Build b : a.builds()) {
            for (Advice.Row r : b.rows()) {
              g.writeStartObject();
              g.writeStringField("change", r.change());
              g.writeStringField("family", r.family());
              g.writeStringField("build", b.build());
              g.writeBooleanField("applies", r.applies());
              if (r.applies()) {
                g.writeNumberField("wall_s", Seconds.ofSeconds(r.wallS()));
                g.writeNumberField("saving_s", Seconds.ofSeconds(r.savingS()));
                g.writeNumberField("ci95_low_s", Seconds.ofSeconds(r.ci95LowS()));
                g.writeNumberField("ci95_high_s", Seconds.ofSeconds(r.ci95HighS()));
              } else {
                g.writeNullField("wall_s");
                g.writeNullField("saving_s");
                g.writeNullField("ci95_low_s");
                g.writeNullField("ci95_high_s");
              }
              g.writeBooleanField("significant", r.label() == Advice.Label.SIGNIFICANT);
              g.writeStringField("label", r.label().text());
              g.writeStringField("why", r.why());
              g.writeEndObject();
            }
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  public static String csv(Advice a) {
    StringBuilder sb =
        new StringBuilder(
            "build,change,family,wall_s,saving_s,ci95_low_s,ci95_high_s,significant,label,why\n");
    for (Advice.Build b : a.builds()) {
      for (Advice.Row r : b.rows()) {
        sb.append(Csv.field(b.build()))
            .append(',')
            .append(Csv.field(r.change()))
            .append(',')
            .append(r.family())
            .append(',')
            .append(r.applies() ? Seconds.ofSeconds(r.wallS()).toPlainString() : "")
            .append(',')
            .append(r.applies() ? Seconds.ofSeconds(r.savingS()).toPlainString() : "")
            .append(',')
            .append(r.applies() ? Seconds.ofSeconds(r.ci95LowS()).toPlainString() : "")
            .append(',')
            .append(r.applies() ? Seconds.ofSeconds(r.ci95HighS()).toPlainString() : "")
            .append(',')
            .append(r.label() == Advice.Label.SIGNIFICANT)
            .append(',')
            .append(Csv.field(r.label().text()))
            .append(',')
            .append(Csv.field(r.why()))
            .append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The timelines of the clean baseline and of its best change (the first significant saving), one
   * page.
   */
  public static String html(Advice a) {
    Advice.Build b = a.builds().get(0);
    List<HtmlReport.Titled> pages = new ArrayList<>();
    pages.add(new HtmlReport.Titled("Baseline: " + title(b), b.scenario(), b.baselineResult()));
    b.best()
        .ifPresent(
            r -> {
              BuildResult res = r.result();
              pages.add(
                  new HtmlReport.Titled(
                      String.format(
                          Locale.ROOT,
                          "Best change: %s (saves %.3f s, %.1f %%)",
                          r.change(),
                          r.savingS(),
                          100 * r.savingS() / b.baselineS()),
                      b.scenario(),
                      res));
            });
    return HtmlReport.renderMany("cratesim advise: " + a.scenario().name(), pages);
  }
}
