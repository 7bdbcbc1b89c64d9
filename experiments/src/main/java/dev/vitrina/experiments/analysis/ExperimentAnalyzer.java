package dev.vitrina.experiments.analysis;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.check.ParameterException;
import dev.vitrina.experiments.assign.Variant;
import dev.vitrina.experiments.data.ExperimentData;
import dev.vitrina.experiments.data.UnitTable;
import dev.vitrina.experiments.sequential.MixtureSprt;
import dev.vitrina.experiments.sequential.SequentialLook;
import dev.vitrina.experiments.sequential.SequentialMonitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Analyzes one experiment: aggregates per unit, checks SRM, compares every treatment arm with
 * control on every metric (proportion: z-test; mean: Welch; ratio: delta method; CUPED on request),
 * corrects for multiple testing (Holm and Benjamini-Hochberg), and adds always-valid mSPRT results
 * over daily looks when the data has days.
 *
 * <p>Cost: one pass over the units per look and metric; with days, the events are re-aggregated
 * once per day ({@code O(days × events)}).
 */
public final class ExperimentAnalyzer {

  private ExperimentAnalyzer() {}

  /**
   * Runs the analysis of the experiment in {@code data}, labeled by {@link
   * ExperimentData#experiment()}. A table without an experiment column (and read without a filter)
   * is labeled by its file name instead, and a note says so.
   */
  public static AnalysisResult analyze(ExperimentData data, AnalysisSpec spec) {
    if (data.experiment() != null) {
      return analyze(data.experiment(), data, spec);
    }
    String src = data.source();
    String name = src.substring(Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\')) + 1);
    return analyze(
        name,
        data,
        spec,
        "the table has no experiment column: the experiment is labeled by its file name '"
            + name
            + "'; add an experiment column or name it with --experiment NAME");
  }

  /** Runs the analysis of {@code experiment} on {@code data}. */
  public static AnalysisResult analyze(String experiment, ExperimentData data, AnalysisSpec spec) {
    return analyze(experiment, data, spec, null);
  }

  private static AnalysisResult analyze(
      String experiment, ExperimentData data, AnalysisSpec spec, String labelNote) {
    List<String> notes = new ArrayList<>();
    if (labelNote != null) {
      notes.add(labelNote);
    }
    notes.addAll(data.notes());
    Inputs inputs = inputs(spec, notes);
    UnitTable table = units(data, inputs.columns(), Integer.MAX_VALUE, inputs.covariateOf());
    Arms arms = arms(experiment, table.variants(), spec, notes);
    long[] counts = unitsPerArm(table, arms.order());
    SrmResult srm = Srm.test(arms.order(), counts, arms.weights(), spec.srmThreshold());
    Fixed fixed = fixedHorizon(table, arms, counts, inputs.covariateOf(), spec, notes);
    Looks looks =
        spec.sequential().enabled()
            ? sequentialLooks(data, table, inputs, arms.control(), fixed, spec)
            : Looks.none(fixed.finals().size());
    List<MetricResult> results = results(fixed, looks, spec);
    if (srm.mismatch()) {
      notes.add(0, srm.verdict());
    }
    return new AnalysisResult(
        experiment,
        data.source(),
        data.format().name(),
        data.rowsRead(),
        data.rowsUsed(),
        arms.order(),
        arms.control(),
        srm,
        spec.alpha(),
        spec.correction().name().toLowerCase(Locale.ROOT),
        results,
        looks.days(),
        notes);
  }

  /**
   * The columns to aggregate per unit, and the CUPED covariate column of each metric that has one.
   */
  private record Inputs(Set<String> columns, Map<String, String> covariateOf) {}

  /** The arms in report order, control first, with their designed weights (1 each without one). */
  private record Arms(List<String> order, String control, double[] weights) {}

  /** The fixed-horizon comparisons: one key (metric, treatment) per computed comparison. */
  private record Fixed(List<Key> keys, List<Computed> finals) {}

  /**
   * The sequential looks: the look days (empty without days), per comparison its looks and its last
   * look (null without one).
   */
  private record Looks(
      List<Integer> days, List<List<DailyLook>> perComparison, List<SequentialLook> last) {
    static Looks none(int comparisons) {
      List<List<DailyLook>> looks = new ArrayList<>();
      List<SequentialLook> last = new ArrayList<>();
      for (int i = 0; i < comparisons; i++) {
        looks.add(new ArrayList<>());
        last.add(null);
      }
      return new Looks(new ArrayList<>(), looks, last);
    }
  }

  /**
   * The columns the metrics read and the CUPED covariate of each mean and proportion metric (a note
   * for each ratio metric, which gets none); every metric named in the covariates must be analyzed.
   */
  private static Inputs inputs(AnalysisSpec spec, List<String> notes) {
    Set<String> columns = new LinkedHashSet<>();
    Map<String, String> covariateOf = new HashMap<>();
    for (MetricDefinition m : spec.metrics()) {
      columns.add(m.numerator());
      if (m.denominator() != null) {
        columns.add(m.denominator());
      }
      if (spec.cuped().enabled()) {
        if (m.kind() == MetricKind.RATIO) {
          notes.add(
              "CUPED is not applied to ratio metric '"
                  + m.name()
                  + "' (only to mean and proportion metrics)");
        } else {
          String cov = spec.cuped().covariates().getOrDefault(m.name(), "pre_" + m.numerator());
          covariateOf.put(m.name(), cov);
          columns.add(cov);
        }
      }
    }
    for (String named : spec.cuped().covariates().keySet()) {
      Checks.require(
          spec.metrics().stream().anyMatch(m -> m.name().equals(named)),
          "CUPED covariate given for metric '" + named + "', which is not analyzed");
    }
    return new Inputs(columns, covariateOf);
  }

  /**
   * The arms: in design order (or as observed, with a note that the SRM check assumes equal
   * weights), the control first; every observed variant must be designed, the control must be among
   * the arms, and there must be at least two.
   */
  private static Arms arms(
      String experiment, List<String> observed, AnalysisSpec spec, List<String> notes) {
    List<String> order = new ArrayList<>();
    if (!spec.design().isEmpty()) {
      for (Variant v : spec.design()) {
        order.add(v.name());
      }
      for (String v : observed) {
        if (!order.contains(v)) {
          throw new ParameterException(
              "design",
              "must list every variant in the data: variant '"
                  + v
                  + "' is in the data but not in the design "
                  + order
                  + "; add it to the design or fix the variant column");
        }
      }
    } else {
      order.addAll(observed);
      notes.add(
          "no designed weights given: the SRM check assumes equal weights over "
              + observed
              + " (pass --weights or --experiment-config)");
    }
    String control = controlOf(spec, order);
    if (!order.contains(control)) {
      throw new ParameterException(
          "control",
          "names variant '"
              + control
              + "', which is not among the variants "
              + order
              + "; name one of them");
    }
    Checks.require(
        order.size() >= 2,
        "the data of experiment '"
            + experiment
            + "' has only the variant(s) "
            + order
            + "; an experiment needs at least two");
    Map<String, Double> designWeight = new HashMap<>();
    for (Variant v : spec.design()) {
      designWeight.put(v.name(), v.weight());
    }
    order.remove(control);
    order.add(0, control);
    double[] weights = new double[order.size()];
    for (int i = 0; i < order.size(); i++) {
      weights[i] = spec.design().isEmpty() ? 1.0 : designWeight.get(order.get(i));
    }
    return new Arms(order, control, weights);
  }

  /** The control: as given, else the first designed variant, else 'control' or the first seen. */
  private static String controlOf(AnalysisSpec spec, List<String> order) {
    if (spec.control() != null) {
      return spec.control();
    }
    if (!spec.design().isEmpty()) {
      return order.get(0);
    }
    return order.contains("control") ? "control" : order.get(0);
  }

  /** The units of each arm, in the arms' order. */
  private static long[] unitsPerArm(UnitTable table, List<String> order) {
    List<String> observed = table.variants();
    long[] perObserved = table.unitsPerVariant();
    long[] counts = new long[order.size()];
    for (int i = 0; i < observed.size(); i++) {
      counts[order.indexOf(observed.get(i))] = perObserved[i];
    }
    return counts;
  }

  /**
   * Every treatment arm against control on every metric, at the full horizon; a note for each pair
   * skipped for fewer than 2 units in an arm and for each comparison without a relative effect.
   */
  private static Fixed fixedHorizon(
      UnitTable table,
      Arms arms,
      long[] counts,
      Map<String, String> covariateOf,
      AnalysisSpec spec,
      List<String> notes) {
    List<String> order = arms.order();
    String control = arms.control();
    List<Key> keys = new ArrayList<>();
    List<Computed> finals = new ArrayList<>();
    for (MetricDefinition m : spec.metrics()) {
      for (int t = 1; t < order.size(); t++) {
        if (counts[t] < 2 || counts[0] < 2) {
          notes.add(
              "metric '"
                  + m.name()
                  + "': '"
                  + order.get(t)
                  + "' vs '"
                  + control
                  + "' skipped, fewer than 2 units in an arm");
          continue;
        }
        keys.add(new Key(m, order.get(t)));
        Computed c = compute(table, m, control, order.get(t), covariateOf.get(m.name()), spec);
        finals.add(c);
        if (c.comparison.relative() == null) {
          notes.add(
              String.format(
                  Locale.ROOT,
                  "metric '%s', '%s' vs '%s': the control value %.6g is not positive, so no"
                      + " relative effect is reported (treatment/control - 1 is undefined or has"
                      + " the wrong sign); read the absolute effect",
                  m.name(),
                  order.get(t),
                  control,
                  c.comparison.control().value()));
        }
      }
    }
    return new Fixed(keys, finals);
  }

  /**
   * The always-valid mSPRT looks: one per day when the data has days (the events up to that day
   * re-aggregated), else one at the end; a comparison without a positive variance gets none.
   */
  private static Looks sequentialLooks(
      ExperimentData data,
      UnitTable table,
      Inputs inputs,
      String control,
      Fixed fixed,
      AnalysisSpec spec) {
    List<Computed> finals = fixed.finals();
    Looks looks = Looks.none(finals.size());
    SequentialMonitor[] monitors = monitors(finals, spec);
    List<Integer> days = new ArrayList<>();
    if (data.hasDays()) {
      for (int d = 0; d <= data.lastDay(); d++) {
        days.add(d);
      }
      looks.days().addAll(days);
    } else {
      days.add(Integer.MAX_VALUE);
    }
    for (int d : days) {
      boolean last = d == Integer.MAX_VALUE || d == data.lastDay();
      UnitTable t = last ? table : units(data, inputs.columns(), d, inputs.covariateOf());
      for (int i = 0; i < finals.size(); i++) {
        if (monitors[i] == null) {
          continue;
        }
        Computed c =
            last
                ? finals.get(i)
                : tryCompute(t, fixed.keys().get(i), control, inputs.covariateOf(), spec);
        if (c == null) {
          continue;
        }
        double se = c.comparison.absolute().standardError();
        if (!(se > 0)) {
          continue;
        }
        Comparison cmp = c.comparison;
        SequentialLook look = monitors[i].look(cmp.absolute().value(), se * se);
        looks.last().set(i, look);
        looks
            .perComparison()
            .get(i)
            .add(
                new DailyLook(
                    d == Integer.MAX_VALUE ? -1 : d,
                    cmp.control().units() + cmp.treatment().units(),
                    cmp.absolute().value(),
                    cmp.absolute().ci(),
                    cmp.test().pValue(),
                    look.pValue(),
                    look.confidenceSequence()));
      }
    }
    return looks;
  }

  /**
   * One mSPRT monitor per comparison, its mixing variance tuned to the planned horizon (or the
   * observed one); null where the variance is not positive.
   */
  private static SequentialMonitor[] monitors(List<Computed> finals, AnalysisSpec spec) {
    SequentialMonitor[] monitors = new SequentialMonitor[finals.size()];
    for (int i = 0; i < monitors.length; i++) {
      Comparison c = finals.get(i).comparison;
      double v = c.absolute().standardError() * c.absolute().standardError();
      long n = c.control().units() + c.treatment().units();
      long planned = spec.sequential().plannedUnits();
      double vh = planned > 0 ? v * n / planned : v;
      double tau2 = vh > 0 ? MixtureSprt.tau2ForHorizon(vh, spec.alpha()) : Double.NaN;
      monitors[i] = Double.isNaN(tau2) ? null : new SequentialMonitor(spec.alpha(), tau2);
    }
    return monitors;
  }

  /**
   * The metric results with Holm and Benjamini-Hochberg adjusted p-values over all comparisons, and
   * the decision by the spec's correction.
   */
  private static List<MetricResult> results(Fixed fixed, Looks looks, AnalysisSpec spec) {
    List<Computed> finals = fixed.finals();
    double[] p = new double[finals.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = finals.get(i).comparison.test().pValue();
    }
    double[] holm = MultipleTesting.holm(p);
    double[] bh = MultipleTesting.benjaminiHochberg(p);
    double[] decide = MultipleTesting.adjust(p, spec.correction());
    List<MetricResult> results = new ArrayList<>();
    for (int i = 0; i < finals.size(); i++) {
      Key k = fixed.keys().get(i);
      Computed c = finals.get(i);
      results.add(
          new MetricResult(
              k.metric.name(),
              k.metric.kind(),
              k.metric.expression(),
              c.comparison,
              c.cuped,
              holm[i],
              bh[i],
              decide[i] <= spec.alpha(),
              looks.last().get(i),
              looks.perComparison().get(i)));
    }
    return results;
  }

  private static UnitTable units(
      ExperimentData data, Set<String> columns, int lastDay, Map<String, String> covariateOf) {
    try {
      return data.units(columns, lastDay);
    } catch (IllegalArgumentException e) {
      for (Map.Entry<String, String> c : covariateOf.entrySet()) {
        if (e.getMessage().contains("'" + c.getValue() + "'")) {
          ParameterException p =
              new ParameterException(
                  "covariates",
                  "of metric '"
                      + c.getKey()
                      + "' is the pre-period column '"
                      + c.getValue()
                      + "', which the data cannot give: "
                      + e.getMessage()
                      + "; add the column to the data, map the metric to another covariate column,"
                      + " or turn CUPED off");
          p.initCause(e);
          throw p;
        }
      }
      throw e;
    }
  }

  private record Key(MetricDefinition metric, String treatment) {}

  private record Computed(Comparison comparison, CupedSummary cuped) {}

  private static Computed tryCompute(
      UnitTable t, Key k, String control, Map<String, String> covariateOf, AnalysisSpec spec) {
    long[] n = t.unitsPerVariant();
    int ci = t.variants().indexOf(control);
    int ti = t.variants().indexOf(k.treatment);
    if (ci < 0 || ti < 0 || n[ci] < 2 || n[ti] < 2) {
      return null;
    }
    try {
      return compute(t, k.metric, control, k.treatment, covariateOf.get(k.metric.name()), spec);
    } catch (IllegalArgumentException e) {
      return null; // e.g. a zero denominator on the first day: no look that day
    }
  }

  private static Computed compute(
      UnitTable t,
      MetricDefinition m,
      String control,
      String treatment,
      String covariate,
      AnalysisSpec spec) {
    int ci = t.variants().indexOf(control);
    int ti = t.variants().indexOf(treatment);
    double[] num = t.column(m.numerator());
    int n = t.size();
    double alpha = spec.alpha();
    switch (m.kind()) {
      case RATIO -> {
        double[] den = t.column(m.denominator());
        BivariateMoments c = new BivariateMoments();
        BivariateMoments tr = new BivariateMoments();
        for (int i = 0; i < n; i++) {
          int v = t.variantOf(i);
          if (v == ci) {
            c.add(num[i], den[i]);
          } else if (v == ti) {
            tr.add(num[i], den[i]);
          }
        }
        return new Computed(TwoSample.ratio(control, c, treatment, tr, alpha), null);
      }
      case PROPORTION, MEAN -> {
        boolean prop = m.kind() == MetricKind.PROPORTION;
        if (covariate != null) {
          double[] cov = t.column(covariate);
          BivariateMoments c = new BivariateMoments();
          BivariateMoments tr = new BivariateMoments();
          for (int i = 0; i < n; i++) {
            int v = t.variantOf(i);
            double y = prop ? (num[i] > 0 ? 1 : 0) : num[i];
            if (v == ci) {
              c.add(y, cov[i]);
            } else if (v == ti) {
              tr.add(y, cov[i]);
            }
          }
          CupedResult r = TwoSample.cuped(control, c, treatment, tr, alpha);
          return new Computed(
              r.adjusted(),
              new CupedSummary(
                  covariate, r.theta(), r.correlation(), r.varianceReduction(), r.unadjusted()));
        }
        if (prop) {
          long xc = 0;
          long nc = 0;
          long xt = 0;
          long nt = 0;
          for (int i = 0; i < n; i++) {
            int v = t.variantOf(i);
            if (v == ci) {
              nc++;
              if (num[i] > 0) {
                xc++;
              }
            } else if (v == ti) {
              nt++;
              if (num[i] > 0) {
                xt++;
              }
            }
          }
          return new Computed(
              TwoSample.proportions(
                  control, xc, nc, treatment, xt, nt, alpha, spec.pooledProportions()),
              null);
        }
        Moments c = new Moments();
        Moments tr = new Moments();
        for (int i = 0; i < n; i++) {
          int v = t.variantOf(i);
          if (v == ci) {
            c.add(num[i]);
          } else if (v == ti) {
            tr.add(num[i]);
          }
        }
        return new Computed(TwoSample.welch(control, c, treatment, tr, alpha), null);
      }
      default -> throw new IllegalStateException("unknown kind " + m.kind());
    }
  }
}
