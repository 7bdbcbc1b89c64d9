package dev.vitrina.cli.forecast;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vitrina.cli.JsonOption;
import dev.vitrina.cli.LibraryName;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.forecast.backtest.BacktestResult;
import dev.vitrina.forecast.backtest.BacktestSpec;
import dev.vitrina.forecast.backtest.BaselineModel;
import dev.vitrina.forecast.backtest.FlatSeries;
import dev.vitrina.forecast.backtest.SeriesBacktest;
import dev.vitrina.forecast.backtest.SeriesGbmModel;
import dev.vitrina.forecast.backtest.SeriesModel;
import dev.vitrina.forecast.backtest.WideCsv;
import dev.vitrina.forecast.baseline.SeriesForecaster;
import dev.vitrina.forecast.gbm.GbmConfig;
import dev.vitrina.forecast.gbm.Objective;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vitrina forecast series-backtest}: rolling-origin backtest of many independent series
 * stored one per row (e.g. the car parts data), global LightGBM against the intermittent baselines.
 */
@Command(
    name = "series-backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Rolling-origin backtest of series stored one per row in a wide CSV (e.g. car parts).",
      "CSV: id, then one column per period; trailing empty cells end a series. The global",
      "LightGBM model against Croston, SBA, TSB, ADIDA, seasonal naive, naive and moving",
      "average, scored with MASE, RMSSE, WAPE.",
      "Example: vitrina forecast series-backtest --csv ../shared/data/carparts/carparts.csv"
          + " --horizon 6 --folds 6 --season 12"
    })
final class SeriesBacktestCommand implements Callable<Integer> {

  @Option(names = "--csv", required = true, description = "Wide CSV: id,period1,period2,...")
  Path csv;

  @Option(
      names = "--model",
      defaultValue = "lgbm,croston,sba,tsb,adida,snaive,naive,ma",
      split = ",",
      description = "Models. Default: ${DEFAULT-VALUE}.")
  List<String> models;

  @Option(
      names = "--horizon",
      defaultValue = "6",
      description = "Periods per fold. Default: ${DEFAULT-VALUE}.")
  int horizon;

  @Option(
      names = "--folds",
      defaultValue = "6",
      description = "Number of origins. Default: ${DEFAULT-VALUE}.")
  int folds;

  @Option(
      names = "--step",
      defaultValue = "1",
      description = "Periods between origins. Default: ${DEFAULT-VALUE}.")
  int step;

  @Option(
      names = "--season",
      defaultValue = "12",
      description =
          "Season length (seasonal naive, LightGBM's season feature). Default: ${DEFAULT-VALUE}.")
  int season;

  @Option(
      names = "--mase-season",
      defaultValue = "1",
      description =
          "Season of the MASE scale (1: in-sample naive errors). Default: ${DEFAULT-VALUE}.")
  int maseSeason;

  @Option(
      names = "--min-history",
      defaultValue = "12",
      description =
          "A series is scored at an origin when it has at least this many values before it."
              + " Default: ${DEFAULT-VALUE}.")
  int minHistory;

  @Option(
      names = "--lags",
      defaultValue = "12",
      description = "LightGBM: number of lag features. Default: ${DEFAULT-VALUE}.")
  int lags;

  @Option(
      names = "--objective",
      defaultValue = "tweedie",
      description = "LightGBM: tweedie, poisson or l2. Default: ${DEFAULT-VALUE}.")
  String objective;

  @Option(
      names = "--rounds",
      defaultValue = "300",
      description = "LightGBM: maximum rounds. Default: ${DEFAULT-VALUE}.")
  @LibraryName("max_rounds")
  int rounds;

  @Option(
      names = "--learning-rate",
      defaultValue = "0.05",
      description = "LightGBM. Default: ${DEFAULT-VALUE}.")
  double learningRate;

  @Option(
      names = "--leaves",
      defaultValue = "15",
      description = "LightGBM: leaves per tree. Default: ${DEFAULT-VALUE}.")
  @LibraryName("num_leaves")
  int leaves;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "LightGBM seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "LightGBM threads. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    BacktestSpec bs = new BacktestSpec(folds, horizon, step);
    List<SeriesModel> ms = new ArrayList<>();
    for (String m : models) {
      ms.add(model(m.trim().toLowerCase(Locale.ROOT)));
    }
    long t0 = System.nanoTime();
    FlatSeries data = WideCsv.read(csv);
    BacktestResult r;
    try (Progress p = json.progress("series-backtest", (long) folds * ms.size())) {
      r = SeriesBacktest.run(data, bs, ms, maseSeason, minHistory, p);
    }
    Output out =
        new Output(
            csv,
            data.size(),
            data.periodLabels().length,
            horizon,
            folds,
            step,
            r.summary(),
            (System.nanoTime() - t0) / 1e9);
    json.print(out, human(out));
    return 0;
  }

  private SeriesModel model(String name) {
    return switch (name) {
      case "lgbm" -> {
        Objective obj = Objective.parse(objective, "objective");
        GbmConfig g =
            GbmConfig.defaults()
                .withObjective(obj)
                .withRounds(rounds, learningRate)
                .withTrees(leaves, 20)
                .withSeed(seed)
                .withThreads(threads);
        yield new SeriesGbmModel(g, lags, season, minHistory);
      }
      default -> {
        if (!SeriesForecaster.NAMES.contains(name)) {
          throw new IllegalArgumentException(
              "--model: unknown model '"
                  + name
                  + "'; use lgbm, croston, sba, tsb, adida, snaive, naive, ma");
        }
        yield new BaselineModel(SeriesForecaster.named(name, season, season));
      }
    };
  }

  /**
   * What {@code --json} prints: the run's inputs, then the library's summary inline.
   *
   * @param csv the wide CSV read
   * @param series series in it
   * @param periods periods in it
   * @param horizon the horizon in periods
   * @param folds the number of origins
   * @param step periods between origins
   * @param summary the backtest's summary, written inline
   * @param seconds total time
   */
  record Output(
      Path csv,
      int series,
      int periods,
      int horizon,
      int folds,
      int step,
      @JsonUnwrapped BacktestResult.Summary summary,
      double seconds) {}

  private static String human(Output out) {
    List<BacktestResult.ModelSummary> rows = out.summary().models();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%s: %d series, %d periods; %d fold(s) of %d periods, origins %s%n",
            out.csv(),
            out.series(),
            out.periods(),
            out.folds(),
            out.horizon(),
            out.summary().origins()));
    b.append(
        String.format(
            Locale.ROOT,
            "%-16s %8s %8s %8s %8s %8s%n",
            "model",
            "MASE",
            "RMSSE",
            "WAPE",
            "bias",
            "seconds"));
    for (BacktestResult.ModelSummary m : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-16s %8.4f %8.4f %8.4f %8.4f %8.2f%n",
              m.model(),
              m.mase(),
              m.rmsse(),
              m.wape(),
              m.bias(),
              m.seconds()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "(scored (series, origin) pairs: %s; MASE/RMSSE over the %s with a defined scale)",
            rows.isEmpty() ? 0 : rows.get(0).scoredPairs(),
            rows.isEmpty() ? 0 : rows.get(0).scaledPairs()));
    return b.toString();
  }
}
