package dev.vitrina.cli.forecast;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.os.ProcessStats;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.forecast.gbm.GbmModel;
import dev.vitrina.forecast.marketplace.MarketplaceForecast;
import dev.vitrina.forecast.marketplace.MarketplaceHistory;
import dev.vitrina.forecast.marketplace.MarketplaceModel;
import dev.vitrina.forecast.marketplace.MarketplaceSpec;
import dev.vitrina.forecast.marketplace.MarketplaceTrainer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina forecast train}: fits the global LightGBM model and saves it as an artifact. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the global LightGBM model and save it as a model artifact.",
      "Uses the sales before --origin (default: all sales) at --level/--freq; the artifact",
      "directory is written atomically.",
      "Example: vitrina forecast train --data out/demo/data --level item,city --horizon 28"
          + " --out out/model"
    })
final class TrainCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      description = "Marketplace directory written by 'vitrina generate'.")
  Path data;

  @Option(
      names = "--origin",
      description =
          "First day to forecast (yyyy-MM-dd); training uses the sales before it. Default: the day"
              + " after the last sale.")
  LocalDate origin;

  @Option(names = "--out", required = true, description = "Model artifact directory to write.")
  Path out;

  @Mixin ModelOptions options;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    MarketplaceSpec spec = options.spec("lgbm");
    long t0 = System.nanoTime();
    MarketplaceHistory history = MarketplaceHistory.load(data);
    int o = origin == null ? history.lastDay() + 1 : (int) origin.toEpochDay();
    MarketplaceTrainer.Fitted fitted;
    try (Progress p =
        json.progress("train", (long) spec.gbm().maxRounds() * spec.directGroups().size())) {
      fitted = new MarketplaceTrainer(spec).fitAndForecast(history, o, p);
      p.done(); // early stopping usually ends before the planned rounds
    }
    MarketplaceForecast r = fitted.forecast();
    ArtifactHome.Published published;
    List<Integer> rounds = new ArrayList<>();
    int modelCount;
    try (MarketplaceModel model = fitted.model()) {
      published = model.save(out);
      modelCount = model.models().size();
      for (GbmModel m : model.models()) {
        rounds.add(m.bestRound());
      }
    }
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("out", out.toString());
    res.put("version", published.version());
    res.put("format", published.manifest().format());
    res.put("level", spec.level().toString());
    res.put("freq", spec.freq().name().toLowerCase(java.util.Locale.ROOT));
    res.put("horizon_days", spec.horizonDays());
    res.put("recursive", spec.recursive());
    res.put("origin", LocalDate.ofEpochDay(o).toString());
    res.put("level_series", r.levelPanel().seriesCount());
    res.put("models", modelCount);
    res.put("best_rounds", rounds);
    res.put("feature_seconds", r.featureSeconds());
    res.put("fit_seconds", r.fitSeconds());
    res.put("seconds", (System.nanoTime() - t0) / 1e9);
    res.put("peak_rss_mb", ProcessStats.peakRssMb());
    json.print(
        res,
        String.format(
            java.util.Locale.ROOT,
            "trained %d model(s) at %s,%s for %d days from %s on %,d series (best rounds %s) in"
                + " %.1f s%nsaved %s as version %s (earlier versions are kept beside it)",
            modelCount,
            spec.level(),
            res.get("freq"),
            spec.horizonDays(),
            res.get("origin"),
            r.levelPanel().seriesCount(),
            rounds,
            r.fitSeconds(),
            out,
            published.version()));
    return 0;
  }
}
