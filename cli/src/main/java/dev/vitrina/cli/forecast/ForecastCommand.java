package dev.vitrina.cli.forecast;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vitrina forecast}: demand forecasting commands. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {
      "Demand forecasting: global LightGBM and intermittent-demand baselines.",
      "Forecasts at any level are disaggregated to store x item x day; rolling-origin backtests",
      "score them with the M5 metrics."
    },
    subcommands = {
      BacktestCommand.class,
      TrainCommand.class,
      PredictCommand.class,
      SeriesBacktestCommand.class
    })
public final class ForecastCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
