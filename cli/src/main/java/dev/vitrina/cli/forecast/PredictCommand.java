package dev.vitrina.cli.forecast;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.core.os.ProcessStats;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.forecast.marketplace.ForecastParquet;
import dev.vitrina.forecast.marketplace.MarketplaceForecast;
import dev.vitrina.forecast.marketplace.MarketplaceHistory;
import dev.vitrina.forecast.marketplace.MarketplaceModel;
import dev.vitrina.forecast.marketplace.MarketplaceSpec;
import dev.vitrina.forecast.marketplace.MarketplaceTrainer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina forecast predict}: store x item x day forecasts to Parquet. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast every store x item series and write the forecasts to Parquet.",
      "Columns: store_id, item_id, date, forecast. Either load a model trained with 'vitrina",
      "forecast train' (--model-dir; its level, frequency and horizon are used) or run a baseline",
      "(--model snaive etc. with --level/--freq/--horizon).",
      "Example: vitrina forecast predict --data out/demo/data --model-dir out/model"
          + " --out out/forecast.parquet"
    })
final class PredictCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      description = "Marketplace directory written by 'vitrina generate'.")
  Path data;

  @Option(
      names = "--model-dir",
      description = "A model artifact written by 'vitrina forecast train'.")
  Path modelDir;

  @Option(
      names = "--model",
      description =
          "A baseline instead of a trained model: naive, snaive, ma, croston, sba, tsb,"
              + " adida.")
  String baseline;

  @Option(
      names = "--origin",
      description =
          "First day to forecast (yyyy-MM-dd); only sales before it are used. Default: the day"
              + " after the last sale.")
  LocalDate origin;

  @Option(names = "--out", required = true, description = "Output Parquet file.")
  Path out;

  @Mixin ModelOptions options;

  @Mixin JsonOption json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Override
  public Integer call() throws Exception {
    if (modelDir != null) {
      for (picocli.CommandLine.Model.OptionSpec o :
          cmd.commandLine().getParseResult().matchedOptions()) {
        if (o.longestName().equals("--level")
            || o.longestName().equals("--freq")
            || o.longestName().equals("--horizon")
            || o.longestName().equals("--recursive")
            || o.longestName().equals("--direct-groups")) {
          throw new IllegalArgumentException(
              o.longestName()
                  + " is fixed by the trained model in --model-dir "
                  + modelDir
                  + "; leave it out, or train another model");
        }
      }
    }
    if ((modelDir == null) == (baseline == null)) {
      throw new IllegalArgumentException(
          "give exactly one of --model-dir DIR (a trained model) or --model NAME (a baseline,"
              + " e.g. --model snaive)");
    }
    if (baseline != null && baseline.trim().equalsIgnoreCase("lgbm")) {
      throw new IllegalArgumentException(
          "--model lgbm needs training: run 'vitrina forecast train ... --out DIR' and pass"
              + " --model-dir DIR");
    }
    long t0 = System.nanoTime();
    MarketplaceSpec baselineSpec = modelDir == null ? options.spec(baseline.trim()) : null;
    MarketplaceForecast r;
    MarketplaceSpec spec;
    MarketplaceHistory fc;
    int o;
    try (MarketplaceModel trained = modelDir == null ? null : MarketplaceModel.load(modelDir)) {
      spec = trained == null ? baselineSpec : trained.spec();
      fc = MarketplaceHistory.load(data);
      o = origin == null ? fc.lastDay() + 1 : (int) origin.toEpochDay();
      // a baseline's model needs no training and holds no booster
      MarketplaceModel model =
          trained != null ? trained : new MarketplaceTrainer(spec).fit(fc, o, Progress.silent());
      try (Progress p = json.progress("predict", 1)) {
        r = model.forecast(fc, o, p);
        p.step(1);
      }
    }
    long rows =
        ForecastParquet.write(
            out, fc.bottom(), List.of("store", "item"), r.bottom(), spec.horizonDays(), o, 1);
    double total = 0;
    for (double v : r.bottom()) {
      total += v;
    }
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("out", out.toString());
    res.put("model", modelDir == null ? spec.model() : "lgbm (" + modelDir + ")");
    res.put("level", spec.level().toString());
    res.put("freq", spec.freq().name().toLowerCase(Locale.ROOT));
    res.put("origin", LocalDate.ofEpochDay(o).toString());
    res.put("horizon_days", spec.horizonDays());
    res.put("series", fc.bottom().seriesCount());
    res.put("rows", rows);
    res.put("series_without_parent", r.bottomWithoutParent());
    res.put("total_forecast", total);
    res.put("seconds", (System.nanoTime() - t0) / 1e9);
    res.put("peak_rss_mb", ProcessStats.peakRssMb());
    String human =
        String.format(
            Locale.ROOT,
            "forecast %,d store x item series for %d days from %s (%s at %s,%s): total %.1f"
                + " units%nwrote %s (%,d rows)",
            fc.bottom().seriesCount(),
            spec.horizonDays(),
            res.get("origin"),
            res.get("model"),
            spec.level(),
            res.get("freq"),
            total,
            out,
            rows);
    if (r.bottomWithoutParent() > 0) {
      human +=
          String.format(
              Locale.ROOT,
              "%nnote: %,d series had no parent at the level before the origin and are forecast 0",
              r.bottomWithoutParent());
    }
    json.print(res, human);
    return 0;
  }
}
