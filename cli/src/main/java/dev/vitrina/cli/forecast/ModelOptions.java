package dev.vitrina.cli.forecast;

import dev.vitrina.cli.LibraryName;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.forecast.disagg.ShareMethod;
import dev.vitrina.forecast.gbm.GbmConfig;
import dev.vitrina.forecast.gbm.Objective;
import dev.vitrina.forecast.marketplace.MarketplaceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options shared by the marketplace commands: level, frequency, horizon, model parameters. */
final class ModelOptions {

  @Option(
      names = "--level",
      defaultValue = "store,item",
      description =
          "Forecast level, e.g. store,item, item,city, item,state, item. Default: ${DEFAULT-VALUE}.")
  String level;

  @Option(
      names = "--freq",
      defaultValue = "day",
      description =
          "day or week (weeks are split into days by day-of-week profiles). Default: ${DEFAULT-VALUE}.")
  String freq;

  @Option(
      names = "--horizon",
      defaultValue = "28",
      description =
          "Days to forecast (a multiple of 7 for --freq week). Default: ${DEFAULT-VALUE}.")
  @LibraryName("horizon_days")
  int horizon;

  @Option(
      names = "--objective",
      defaultValue = "tweedie",
      description = "tweedie, poisson or l2. Default: ${DEFAULT-VALUE}.")
  String objective;

  @Option(
      names = "--tweedie-power",
      defaultValue = "1.1",
      description = "Tweedie variance power in [1, 2). Default: ${DEFAULT-VALUE}.")
  @LibraryName("tweedie_variance_power")
  double tweediePower;

  @Option(
      names = "--rounds",
      defaultValue = "400",
      description = "Maximum boosting rounds. Default: ${DEFAULT-VALUE}.")
  @LibraryName("max_rounds")
  int rounds;

  @Option(
      names = "--learning-rate",
      defaultValue = "0.08",
      description = "Default: ${DEFAULT-VALUE}.")
  double learningRate;

  @Option(
      names = "--leaves",
      defaultValue = "63",
      description = "Leaves per tree. Default: ${DEFAULT-VALUE}.")
  @LibraryName("num_leaves")
  int leaves;

  @Option(
      names = "--early-stopping",
      defaultValue = "20",
      description =
          "Stop after this many rounds without validation improvement (0: off). Default: ${DEFAULT-VALUE}.")
  @LibraryName("early_stopping_rounds")
  int earlyStopping;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed for LightGBM's sampling. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "LightGBM threads. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(
      names = "--direct-groups",
      split = ",",
      description =
          "Horizon group ends in periods, one direct model each (lags >= group end), e.g. 7,14,21,28. Default: one model with lags >= horizon.")
  List<Integer> directGroups;

  @Option(
      names = "--recursive",
      description =
          "One one-step model applied step by step (its forecasts fed back as lags) instead of direct models.")
  boolean recursive;

  @Option(
      names = "--train-days",
      defaultValue = "364",
      description = "Days of training rows. Default: ${DEFAULT-VALUE}.")
  @LibraryName("train_days")
  int trainDays;

  @Option(
      names = "--valid-days",
      defaultValue = "28",
      description =
          "Days of the early-stopping window before the origin. Default: ${DEFAULT-VALUE}.")
  @LibraryName("valid_days")
  int validDays;

  @Option(
      names = "--shares",
      defaultValue = "poa",
      description =
          "poa (proportion of averages) or aop (average of proportions). Default: ${DEFAULT-VALUE}.")
  String shares;

  @Option(
      names = "--share-window",
      defaultValue = "28",
      description = "Trailing days for shares. Default: ${DEFAULT-VALUE}.")
  @LibraryName("share_window_days")
  int shareWindow;

  MarketplaceSpec spec(String model) {
    Objective obj = Objective.parse(objective, "objective");
    GbmConfig g =
        GbmConfig.defaults()
            .withObjective(obj)
            .withTweedieVariancePower(tweediePower)
            .withRounds(rounds, learningRate)
            .withTrees(leaves, 100)
            .withEarlyStopping(earlyStopping)
            .withSeed(seed)
            .withThreads(threads);
    ShareMethod sm =
        switch (shares.toLowerCase(Locale.ROOT)) {
          case "poa", "proportion-of-averages" -> ShareMethod.PROPORTION_OF_AVERAGES;
          case "aop", "average-of-proportions" -> ShareMethod.AVERAGE_OF_PROPORTIONS;
          default ->
              throw new IllegalArgumentException(
                  "--shares must be poa or aop, got '" + shares + "'");
        };
    return MarketplaceSpec.of(Level.parse(level), Freq.parse(freq), horizon, model)
        .withGbm(g)
        .withDirectGroups(directGroups == null ? null : new ArrayList<>(directGroups))
        .withWindows(trainDays, validDays)
        .withShares(sm, shareWindow)
        .withRecursive(recursive);
  }
}
