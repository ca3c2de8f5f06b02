package org.cratesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.cratesim.TestPaths;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium (Debian's package; .ci/run installs it): the
 * timeline is drawn, and a hostile crate name does not run. Skipped when no chromium is found.
 */
class BrowserCheckTest {
  @TempDir Path tmp;

  private static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  private Process chromiumRun(List<String> extra, Path page, Path stdout) throws Exception {
    String bin = chromium();
    assumeTrue(
        bin != null, "chromium is not installed: browser check skipped (.ci/run " + "installs it)");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                bin,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + tmp.resolve("profile"),
                "--window-size=1400,1000",
                "--virtual-time-budget=3000"));
    cmd.addAll(extra);
    cmd.add(page.toUri().toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(tmp.resolve("chromium.err").toFile())
            .start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium timed out");
    return p;
  }

  @Test
  void timelineIsDrawn() throws Exception {
    Scenario sc = ScenarioReader.read(TestPaths.repo().resolve("scenarios/serde-like.toml"));
    Path page = tmp.resolve("serde.html");
    Files.writeString(
        page, HtmlReport.render(sc, BuildSimulator.simulate(sc)), StandardCharsets.UTF_8);
    Path png = tmp.resolve("shot.png");
    Process p = chromiumRun(List.of("--screenshot=" + png), page, tmp.resolve("out.txt"));
    assertEquals(0, p.exitValue());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1400, img.getWidth());
    // the timeline's front-end bars are #95cce8 and its codegen bars #aa95e8 (cargo's colours)
    int frontend = 0;
    int codegen = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        if (rgb == 0x95cce8) {
          frontend++;
        } else if (rgb == 0xaa95e8) {
          codegen++;
        }
      }
    }
    assertTrue(frontend > 2000, "front-end pixels: " + frontend);
    assertTrue(codegen > 500, "codegen pixels: " + codegen);
  }

  @Test
  void hostileCrateNameDoesNotRun() throws Exception {
    String hostile = "<script>document.body.setAttribute('data-pwned','yes')</script>";
    Scenario sc =
        ScenarioReader.parse(
            """
        [build]
        jobs = 2
        [[crate]]
        name = "%s"
        frontend_s = 1.0
        """
                .formatted(hostile),
            "hostile.toml");
    Path page = tmp.resolve("hostile.html");
    Files.writeString(
        page, HtmlReport.render(sc, BuildSimulator.simulate(sc)), StandardCharsets.UTF_8);
    Path dom = tmp.resolve("dom.html");
    Process p = chromiumRun(List.of("--dump-dom"), page, dom);
    assertEquals(0, p.exitValue());
    String text = Files.readString(dom, StandardCharsets.UTF_8);
    assertTrue(text.contains("data-pwned"), "the name is shown as text");
    assertFalse(text.contains("data-pwned=\"yes\""), "the script ran");
  }
}
