package dev.vitrina.cli.abtest;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.experiments.assign.AssignmentConfig;
import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.experiments.data.SyntheticEvents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina abtest simulate-events}: a synthetic events file to try {@code analyze} on. */
@Command(
    name = "simulate-events",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic per-event CSV (experiment,unit,variant,event,value,day) for one",
      "experiment, with known lifts, a pre-period for CUPED and optional lost treatment users",
      "(to see the SRM check fire). Same seed, same file."
    })
final class SimulateEventsCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, description = "Output CSV file.")
  Path out;

  @Option(
      names = "--experiment",
      defaultValue = "demo",
      description = "Experiment name (also the salt). Default: ${DEFAULT-VALUE}.")
  String experiment;

  @Option(
      names = "--experiment-config",
      description =
          "Take the experiment (variants, weights, salt, coverage) from this JSON config.")
  Path config;

  @Option(
      names = "--split",
      defaultValue = "50/50",
      description = "Weights of control and treatment(s). Default: ${DEFAULT-VALUE}.")
  String split;

  @Option(
      names = "--users",
      defaultValue = "10000",
      description = "Users. Default: ${DEFAULT-VALUE}.")
  long users;

  @Option(
      names = "--days",
      defaultValue = "14",
      description = "Experiment days. Default: ${DEFAULT-VALUE}.")
  int days;

  @Option(
      names = "--pre-days",
      defaultValue = "7",
      description = "Pre-period days (day < 0) for CUPED. Default: ${DEFAULT-VALUE}.")
  int preDays;

  @Option(
      names = "--ctr-lift",
      defaultValue = "0.1",
      description = "Relative CTR lift in treatment. Default: ${DEFAULT-VALUE}.")
  double ctrLift;

  @Option(
      names = "--conversion-lift",
      defaultValue = "0.1",
      description = "Relative lift of the purchase probability. Default: ${DEFAULT-VALUE}.")
  double conversionLift;

  @Option(
      names = "--order-value-lift",
      defaultValue = "0",
      description = "Relative lift of the order value. Default: ${DEFAULT-VALUE}.")
  double orderValueLift;

  @Option(
      names = "--treatment-loss",
      defaultValue = "0",
      description =
          "Share of treatment users whose events are lost (SRM). Default: ${DEFAULT-VALUE}.")
  double treatmentLoss;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws IOException {
    Experiment e;
    if (config != null) {
      AssignmentConfig cfg = AssignmentConfig.read(config);
      e = cfg.byName().get(experiment);
      if (e == null) {
        if (cfg.byName().size() == 1) {
          e = cfg.byName().values().iterator().next();
        } else {
          throw new IllegalArgumentException(
              "--experiment '"
                  + experiment
                  + "' is not in "
                  + config
                  + "; it has "
                  + cfg.byName().keySet());
        }
      }
    } else {
      e = Experiment.of(experiment, Experiment.parseVariants(split));
    }
    long t0 = System.nanoTime();
    SyntheticEvents.Summary s =
        SyntheticEvents.write(
            out,
            e,
            new SyntheticEvents.Traffic(users, days, preDays),
            new SyntheticEvents.Lifts(ctrLift, conversionLift, orderValueLift, treatmentLoss),
            seed);
    double secs = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("file", s.file().toString());
    res.put("experiment", e.name());
    res.put("rows", s.rows());
    res.put("variants", s.variants());
    res.put("users_per_variant", s.usersPerVariant());
    res.put("seconds", secs);
    json.print(
        res,
        String.format(
            Locale.ROOT,
            "Wrote %,d events of experiment '%s' to %s in %.1f s; users per variant %s %s.%n"
                + "Try: vitrina abtest analyze --events %s --experiment %s --weights %s --cuped"
                + " --report %s",
            s.rows(),
            e.name(),
            s.file(),
            secs,
            s.variants(),
            s.usersPerVariant(),
            s.file(),
            e.name(),
            weights(e),
            s.file().resolveSibling(e.name() + "-report.html")));
    return 0;
  }

  private static String weights(Experiment e) {
    StringBuilder b = new StringBuilder();
    e.variants()
        .forEach(
            v -> {
              if (b.length() > 0) {
                b.append(',');
              }
              double w = v.weight();
              b.append(v.name())
                  .append(':')
                  .append(w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w));
            });
    return b.toString();
  }
}
