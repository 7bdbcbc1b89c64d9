package dev.vitrina.cli.forecast;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.core.os.ProcessStats;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.forecast.backtest.MarketplaceBacktest;
import dev.vitrina.forecast.marketplace.MarketplaceHistory;
import dev.vitrina.forecast.marketplace.MarketplaceSpec;
import dev.vitrina.forecast.report.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina forecast backtest}: rolling-origin backtest scored at store x item x day. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Rolling-origin backtest on a marketplace, scored at store x item x day.",
      "At each origin the model sees only the sales before it, forecasts at --level/--freq, is",
      "disaggregated to store x item x day and scored there (WRMSSE over the M5 hierarchy levels",
      "in the data; WAPE, bias, MAE, RMSE, MASE, RMSSE).",
      "Example: vitrina forecast backtest --data out/demo/data --level item,city --freq day"
          + " --horizon 28 --folds 3 --model lgbm,snaive --report out/backtest.html"
    })
final class BacktestCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      description = "Marketplace directory written by 'vitrina generate'.")
  Path data;

  @Option(
      names = "--model",
      defaultValue = "lgbm",
      split = ",",
      description =
          "Models, comma separated: lgbm, naive, snaive, ma, croston, sba, tsb, adida."
              + " Default: ${DEFAULT-VALUE}.")
  List<String> models;

  @Option(
      names = "--folds",
      defaultValue = "3",
      description = "Number of origins. Default: ${DEFAULT-VALUE}.")
  int folds;

  @Option(names = "--step", description = "Days between origins. Default: the horizon.")
  Integer step;

  @Option(
      names = "--report",
      description = "Write an HTML report (metric table, actual vs forecast charts) here.")
  Path report;

  @Option(
      names = "--series-in-report",
      defaultValue = "6",
      description =
          "Top-selling store x item series charted in the report. Default: ${DEFAULT-VALUE}.")
  int reportSeries;

  @Mixin ModelOptions options;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    if (folds < 1) {
      throw new IllegalArgumentException("--folds must be >= 1, got " + folds);
    }
    int stepDays = step == null ? options.horizon : step;
    if (stepDays < 1) {
      throw new IllegalArgumentException("--step must be >= 1 day, got " + stepDays);
    }
    if (reportSeries < 0) {
      throw new IllegalArgumentException("--series-in-report must be >= 0, got " + reportSeries);
    }
    List<MarketplaceSpec> specs = new ArrayList<>();
    for (String m : models) {
      specs.add(options.spec(m.trim()));
    }
    long t0 = System.nanoTime();
    MarketplaceHistory fc = MarketplaceHistory.load(data);
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    List<MarketplaceBacktest.Result> results = new ArrayList<>();
    try (Progress p = json.progress("backtest", (long) folds * specs.size())) {
      for (MarketplaceSpec spec : specs) {
        results.add(
            MarketplaceBacktest.run(
                fc, spec, folds, stepDays, report == null ? 0 : reportSeries, p));
      }
    }
    List<MarketplaceBacktest.Summary> runs = new ArrayList<>();
    for (MarketplaceBacktest.Result r : results) {
      runs.add(MarketplaceBacktest.summary(r));
    }
    if (report != null) {
      writeReport(results, report);
    }
    Output out =
        new Output(
            data,
            folds,
            stepDays,
            loadSeconds,
            runs,
            (System.nanoTime() - t0) / 1e9,
            ProcessStats.peakRssMb(),
            report);
    json.print(out, human(results, out));
    return 0;
  }

  private void writeReport(List<MarketplaceBacktest.Result> results, Path file)
      throws java.io.IOException {
    HtmlReport r = new HtmlReport("vitrina forecast backtest");
    r.note("data: " + data + "; " + folds + " fold(s); scored at store x item x day");
    List<HtmlReport.MetricRow> rows = new ArrayList<>();
    for (MarketplaceBacktest.Result res : results) {
      Map<String, Double> m = new LinkedHashMap<>();
      MarketplaceBacktest.meanMetrics(res)
          .forEach((k, v) -> m.put(k.equals("bias") ? k : k.toUpperCase(Locale.ROOT), v));
      m.put("fit s", res.mean(MarketplaceBacktest.Fold::fitSeconds));
      rows.add(new HtmlReport.MetricRow(label(res.spec()), levelLabel(res.spec()), m));
    }
    r.table(rows);
    // one chart per sampled series, every model's forecast on it
    MarketplaceBacktest.Result first = results.get(0);
    for (int i = 0; i < first.samples().size(); i++) {
      MarketplaceBacktest.Sample s = first.samples().get(i);
      Map<String, double[]> fcs = new LinkedHashMap<>();
      for (MarketplaceBacktest.Result res : results) {
        fcs.put(label(res.spec()), res.samples().get(i).forecast());
      }
      r.plot(new HtmlReport.SeriesPlot(s.name(), s.history(), s.actual(), fcs));
    }
    r.write(file);
  }

  static String label(MarketplaceSpec s) {
    return s.model() + (s.recursive() ? " (recursive)" : "");
  }

  static String levelLabel(MarketplaceSpec s) {
    return s.level() + "," + s.freq().name().toLowerCase(Locale.ROOT);
  }

  /**
   * What {@code --json} prints.
   *
   * @param data the marketplace directory
   * @param folds the number of origins
   * @param stepDays days between origins
   * @param loadSeconds time to load the marketplace
   * @param runs one summary per model, in --model order
   * @param seconds total time
   * @param peakRssMb the process's peak resident memory
   * @param report the HTML report written, or null
   */
  record Output(
      Path data,
      int folds,
      int stepDays,
      double loadSeconds,
      List<MarketplaceBacktest.Summary> runs,
      double seconds,
      double peakRssMb,
      Path report) {}

  private static String human(List<MarketplaceBacktest.Result> results, Output out) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-18s %-22s %8s %8s %8s %8s %9s%n",
            "model",
            "level",
            "WRMSSE",
            "WAPE",
            "bias",
            "RMSSE",
            "fit s"));
    for (MarketplaceBacktest.Result r : results) {
      Map<String, Double> means = MarketplaceBacktest.meanMetrics(r);
      b.append(
          String.format(
              Locale.ROOT,
              "%-18s %-22s %8.4f %8.4f %8.4f %8.4f %9.1f%n",
              label(r.spec()),
              levelLabel(r.spec()),
              means.get("wrmsse"),
              means.get("wape"),
              means.get("bias"),
              means.get("rmsse"),
              r.mean(MarketplaceBacktest.Fold::fitSeconds)));
    }
    b.append(
        String.format(
            Locale.ROOT, "time %.1f s, peak RSS %.0f MB", out.seconds(), out.peakRssMb()));
    if (out.report() != null) {
      b.append("\nreport: ").append(out.report());
    }
    return b.toString();
  }
}
