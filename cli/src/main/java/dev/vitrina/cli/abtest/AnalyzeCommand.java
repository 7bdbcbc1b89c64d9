package dev.vitrina.cli.abtest;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.cli.LibraryName;
import dev.vitrina.experiments.analysis.AnalysisResult;
import dev.vitrina.experiments.analysis.AnalysisSpec;
import dev.vitrina.experiments.analysis.Comparison;
import dev.vitrina.experiments.analysis.ExperimentAnalyzer;
import dev.vitrina.experiments.analysis.MetricDefinition;
import dev.vitrina.experiments.analysis.MetricResult;
import dev.vitrina.experiments.analysis.MultipleTesting;
import dev.vitrina.experiments.assign.AssignmentConfig;
import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.experiments.assign.Variant;
import dev.vitrina.experiments.data.Columns;
import dev.vitrina.experiments.data.ExperimentData;
import dev.vitrina.experiments.report.HtmlReport;
import dev.vitrina.serve.events.AnalysisTable;
import dev.vitrina.serve.events.EventStores;
import dev.vitrina.serve.events.SqlEventStore;
import java.io.IOException;
import java.nio.file.Files;
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

/** {@code vitrina abtest analyze}: the analysis of one experiment. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyze one experiment from a per-event or per-unit table (CSV or Parquet): SRM check",
      "first, then per metric the absolute and relative effect with CIs (z-test for",
      "proportions, Welch for means, delta method for ratios), CUPED, Holm/BH corrections and",
      "always-valid sequential p-values. Built-in metrics: ctr, conversion, revenue_per_user,",
      "clicks_per_user, orders_per_user, aov; define others with --metric-def."
    })
final class AnalyzeCommand implements Callable<Integer> {

  enum FormatChoice {
    auto,
    events,
    units
  }

  enum CorrectionChoice {
    holm,
    bh,
    none
  }

  enum MixedChoice {
    error,
    exclude
  }

  @Option(
      names = "--events",
      required = true,
      description = {
        "Input: a table (CSV, or Parquet by the .parquet extension), or the event log of",
        "vitrina serve: duckdb:FILE or jdbc:postgresql://... (exposures and outcomes are read",
        "from the log; the column and format options do not apply)."
      })
  String events;

  @Option(names = "--experiment", description = "Experiment to analyze (rows of others skipped).")
  String experiment;

  @Option(
      names = "--metrics",
      split = ",",
      defaultValue = "ctr,conversion,revenue_per_user",
      description = "Metrics, comma-separated. Default: ${DEFAULT-VALUE}.")
  List<String> metrics;

  @Option(
      names = "--metric-def",
      description =
          "Define a metric: name=mean:COL, name=proportion:COL or name=ratio:NUM/DEN; per-event"
              + " tables provide count(EVENT) and sum(EVENT). Repeatable; defined metrics are"
              + " analyzed too.")
  @LibraryName("MetricDefinition.parse")
  List<String> metricDefs = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "auto",
      description = "auto, events or units. Default: ${DEFAULT-VALUE}.")
  FormatChoice format;

  @Option(
      names = "--unit-column",
      defaultValue = "unit",
      description = "Default: ${DEFAULT-VALUE}.")
  String unitColumn;

  @Option(
      names = "--variant-column",
      defaultValue = "variant",
      description = "Default: ${DEFAULT-VALUE}.")
  String variantColumn;

  @Option(
      names = "--experiment-column",
      defaultValue = "experiment",
      description = "Default: ${DEFAULT-VALUE}.")
  String experimentColumn;

  @Option(
      names = "--event-column",
      defaultValue = "event",
      description = "Default: ${DEFAULT-VALUE}.")
  String eventColumn;

  @Option(
      names = "--value-column",
      defaultValue = "value",
      description = "Default: ${DEFAULT-VALUE}.")
  String valueColumn;

  @Option(names = "--day-column", defaultValue = "day", description = "Default: ${DEFAULT-VALUE}.")
  String dayColumn;

  @LibraryName("design")
  @Option(
      names = "--weights",
      description =
          "Designed weights for the SRM check: control:70,treatment:30 (or 70/30 for variants"
              + " named control, treatment). Default: equal weights.")
  String weights;

  @LibraryName("design")
  @Option(
      names = "--experiment-config",
      description = "Take the designed variants and weights from this assignment config.")
  Path config;

  @Option(names = "--control", description = "Control variant. Default: the first designed one.")
  String control;

  @Option(names = "--alpha", defaultValue = "0.05", description = "Default: ${DEFAULT-VALUE}.")
  double alpha;

  @Option(
      names = "--correction",
      defaultValue = "holm",
      description = "Multiple-testing correction: holm, bh or none. Default: ${DEFAULT-VALUE}.")
  CorrectionChoice correction;

  @Option(
      names = "--srm-threshold",
      defaultValue = "0.001",
      description = "Flag a sample ratio mismatch below this p-value. Default: ${DEFAULT-VALUE}.")
  double srmThreshold;

  @Option(
      names = "--cuped",
      description = "CUPED for mean and proportion metrics with the pre-period covariate.")
  boolean cuped;

  @Option(
      names = "--covariate",
      description =
          "CUPED covariate of a metric, METRIC=COLUMN (default pre_ + the numerator column,"
              + " e.g. pre_sum(purchase)). Repeatable.")
  Map<String, String> covariates = new LinkedHashMap<>();

  @Option(names = "--no-sequential", description = "Skip the always-valid (mSPRT) results.")
  boolean noSequential;

  @Option(
      names = "--planned-units",
      defaultValue = "0",
      description =
          "Planned total units: tunes the sequential test to be tightest there (0 = the units"
              + " observed). Default: ${DEFAULT-VALUE}.")
  long plannedUnits;

  @Option(names = "--pooled", description = "Pooled standard error in the proportion z-test.")
  boolean pooled;

  @Option(
      names = "--mixed-units",
      defaultValue = "error",
      description = "Units seen in several variants: error or exclude. Default: ${DEFAULT-VALUE}.")
  MixedChoice mixedUnits;

  @Option(names = "--report", description = "Write a self-contained HTML report to this file.")
  Path report;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws IOException {
    Columns cols =
        new Columns(
            experimentColumn, unitColumn, variantColumn, eventColumn, valueColumn, dayColumn);
    ExperimentData.ReadOptions ro =
        new ExperimentData.ReadOptions(
            ExperimentData.Format.valueOf(format.name().toUpperCase(Locale.ROOT)),
            cols,
            experiment,
            mixedUnits == MixedChoice.exclude
                ? ExperimentData.MixedUnits.EXCLUDE
                : ExperimentData.MixedUnits.ERROR);
    ExperimentData data = isLog(events) ? readLog(ro) : ExperimentData.read(Path.of(events), ro);
    boolean ev = data.format() == ExperimentData.Format.EVENTS;
    List<MetricDefinition> defs = new ArrayList<>();
    Map<String, MetricDefinition> custom = new LinkedHashMap<>();
    for (String d : metricDefs) {
      MetricDefinition m = MetricDefinition.parse(d);
      custom.put(m.name(), m);
    }
    for (String name : metrics) {
      String n = name.trim();
      if (n.isEmpty()) {
        continue;
      }
      defs.add(custom.containsKey(n) ? custom.remove(n) : MetricDefinition.builtin(n, ev));
    }
    defs.addAll(custom.values());
    List<Variant> design = List.of();
    if (weights != null && config != null) {
      throw new IllegalArgumentException("give --weights or --experiment-config, not both");
    }
    if (weights != null) {
      design = Experiment.parseVariants(weights);
    } else if (config != null) {
      AssignmentConfig cfg = AssignmentConfig.read(config);
      String wanted = experiment != null ? experiment : data.experiment();
      Experiment e = wanted == null ? null : cfg.byName().get(wanted);
      if (e == null && cfg.byName().size() == 1) {
        e = cfg.byName().values().iterator().next();
      }
      if (e == null && wanted == null) {
        throw new IllegalArgumentException(
            "--experiment-config "
                + config
                + " holds several experiments "
                + cfg.byName().keySet()
                + "; choose one with --experiment NAME");
      }
      if (e == null) {
        throw new IllegalArgumentException(
            "--experiment-config "
                + config
                + " has no experiment named '"
                + wanted
                + "'"
                + (experiment == null ? " (the experiment column of " + events + ")" : "")
                + "; it has "
                + cfg.byName().keySet());
      }
      design = e.variants();
    }
    AnalysisSpec spec =
        AnalysisSpec.of(defs)
            .withDesign(design)
            .withControl(control)
            .withAlpha(alpha)
            .withCorrection(
                switch (correction) {
                  case holm -> MultipleTesting.Correction.HOLM;
                  case bh -> MultipleTesting.Correction.BENJAMINI_HOCHBERG;
                  case none -> MultipleTesting.Correction.NONE;
                })
            .withSrmThreshold(srmThreshold)
            .withCuped(new AnalysisSpec.CupedOptions(cuped || !covariates.isEmpty(), covariates))
            .withSequential(new AnalysisSpec.SequentialOptions(!noSequential, plannedUnits))
            .withPooledProportions(pooled);
    AnalysisResult r = ExperimentAnalyzer.analyze(data, spec);
    if (report != null) {
      HtmlReport.write(report, r);
    }
    json.print(r, human(r));
    return 0;
  }

  private static boolean isLog(String spec) {
    return spec.startsWith("duckdb:") || spec.startsWith("jdbc:");
  }

  /** The experiment's events from the log, through a temporary per-event table. */
  private ExperimentData readLog(ExperimentData.ReadOptions ro) throws IOException {
    Path table = Files.createTempFile("vitrina-analyze-", ".csv");
    try (SqlEventStore store = EventStores.openForReading(events)) {
      String name = logExperiment(store);
      if (AnalysisTable.write(store, name, table) == 0) {
        throw new IllegalArgumentException(
            store.describe() + ": experiment '" + name + "' has no events to analyze");
      }
      return ExperimentData.read(
          table,
          ro.withFormat(ExperimentData.Format.EVENTS)
              .withColumns(Columns.DEFAULT)
              .withExperiment(name),
          store.describe());
    } finally {
      Files.deleteIfExists(table);
    }
  }

  private String logExperiment(SqlEventStore store) throws IOException {
    List<String> found = AnalysisTable.experiments(store);
    if (experiment != null) {
      if (!found.contains(experiment)) {
        throw new IllegalArgumentException(
            "--experiment "
                + experiment
                + ": the log "
                + store.describe()
                + " has no exposures of it; experiments with exposures: "
                + found);
      }
      return experiment;
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "the log "
              + store.describe()
              + " has no exposure events; log an event of type 'exposure' with experiment and"
              + " variant when a user is assigned");
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "the log "
              + store.describe()
              + " holds several experiments "
              + found
              + "; choose one with --experiment NAME");
    }
    return found.get(0);
  }

  private String human(AnalysisResult r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Experiment %s: %s (%s, %,d of %,d rows), control '%s'%n",
            r.experiment(),
            r.source(),
            r.format().toLowerCase(Locale.ROOT),
            r.rowsUsed(),
            r.rowsRead(),
            r.control()));
    b.append(r.srm().mismatch() ? "!! " : "").append(r.srm().verdict()).append("\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "%-18s %-10s %-15s %11s %11s  %-34s %-28s %9s %9s %4s %9s%n",
            "metric",
            "arm",
            "test",
            "control",
            "treatment",
            "absolute effect [" + Math.round(100 * (1 - r.alpha())) + "% CI]",
            "relative effect [CI]",
            "p",
            "p " + r.correction(),
            "sig",
            "always-p"));
    for (MetricResult m : r.metrics()) {
      Comparison c = m.comparison();
      double adj =
          switch (r.correction()) {
            case "holm" -> m.pHolm();
            case "benjamini_hochberg" -> m.pBenjaminiHochberg();
            default -> c.test().pValue();
          };
      b.append(
          String.format(
              Locale.ROOT,
              "%-18s %-10s %-15s %11.5g %11.5g  %-34s %-28s %9.3g %9.3g %4s %9s%n",
              m.metric(),
              c.treatment().variant(),
              c.method(),
              c.control().value(),
              c.treatment().value(),
              String.format(
                  Locale.ROOT,
                  "%+.4g [%+.4g, %+.4g]",
                  c.absolute().value(),
                  c.absolute().ci().low(),
                  c.absolute().ci().high()),
              c.relative() == null
                  ? "n/a (control <= 0)"
                  : String.format(
                      Locale.ROOT,
                      "%+.2f%% [%+.2f%%, %+.2f%%]",
                      100 * c.relative().value(),
                      100 * c.relative().ci().low(),
                      100 * c.relative().ci().high()),
              c.test().pValue(),
              adj,
              m.significant() ? "yes" : "no",
              m.sequential() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.3g", m.sequential().pValue())));
    }
    for (MetricResult m : r.metrics()) {
      if (m.cuped() != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "%nCUPED %s: covariate %s, correlation %.3f, variance of the effect %+.1f%%",
                m.metric(),
                m.cuped().covariate(),
                m.cuped().correlation(),
                -100 * m.cuped().varianceReduction()));
      }
    }
    if (!r.lookDays().isEmpty()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%nAlways-valid p-values over %d daily looks (days %d..%d): safe to look every day.",
              r.lookDays().size(),
              r.lookDays().get(0),
              r.lookDays().get(r.lookDays().size() - 1)));
    }
    for (String n : r.notes()) {
      if (!n.equals(r.srm().verdict())) {
        b.append("\nnote: ").append(n);
      }
    }
    if (report != null) {
      b.append("\nReport: ").append(report);
    }
    return b.toString();
  }
}
