import org.cratesim.scenario.*;
import org.cratesim.cargo.*;
import org.cratesim.report.*;
import org.cratesim.model.*;
import org.cratesim.strategy.*;
import java.nio.file.*;
import java.util.*;

Path repo = Path.of("..").toAbsolutePath().normalize();
Scenario read(String rel) throws Exception { return ScenarioReader.read(repo.resolve(rel)); }
Scenario parse(String toml) throws Exception { return ScenarioReader.parse(toml, "notebook.toml"); }
BuildResult sim(Scenario sc) { return BuildSimulator.simulate(sc); }
Scenario jobs(Scenario sc, int j) { return sc.withBuild(sc.build().withJobs(j)); }
Scenario set(Scenario sc, String key, String value) { return ScenarioOverrides.apply(sc, Map.of(key, value)); }
double wall(Scenario sc) { return sim(sc).wallNanos() / 1e9; }
// printf with a dot for decimals; void, so a cell that ends with it shows no return value
void printf(String format, Object... args) { System.out.printf(Locale.ROOT, format, args); }
void img(java.awt.image.BufferedImage image) { org.rapaio.jupyter.kernel.global.Global.display(image); }
void show(Scenario sc) {
  BuildResult r = sim(sc);
  img(TimelineImage.render(sc.name(), r, 900));
  printf("wall %.2f s | dependency bound %.2f s | start-up + work/jobs bound %.2f s | utilisation %.0f %%%n",
      r.wallNanos() / 1e9, r.dependencyBoundNanos() / 1e9, r.workBoundNanos() / 1e9, 100 * r.utilisation());
}
