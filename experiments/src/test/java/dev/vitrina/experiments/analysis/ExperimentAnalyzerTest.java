package dev.vitrina.experiments.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.experiments.data.ExperimentData;
import dev.vitrina.experiments.data.SyntheticEvents;
import dev.vitrina.experiments.data.UnitTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentAnalyzerTest {

  @TempDir static Path dir;
  static final Experiment EXP =
      new Experiment("demo", "demo/1", Experiment.parseVariants("70/30"), 1);
  static ExperimentData lifted;

  @BeforeAll
  static void data() throws IOException {
    Path f = dir.resolve("lifted.csv");
    SyntheticEvents.write(
        f,
        EXP,
        new SyntheticEvents.Traffic(20_000, 7, 7),
        new SyntheticEvents.Lifts(0.3, 0.3, 0, 0),
        11);
    lifted = ExperimentData.read(f, ExperimentData.ReadOptions.defaults().withExperiment("demo"));
  }

  private static List<MetricDefinition> metrics(String... names) {
    return Arrays.stream(names).map(n -> MetricDefinition.builtin(n, true)).toList();
  }

  @Test
  void detectsLargeLiftsWithoutSrm() {
    AnalysisSpec spec =
        AnalysisSpec.of(metrics("ctr", "conversion", "revenue_per_user"))
            .withDesign(EXP.variants());
    AnalysisResult r = ExperimentAnalyzer.analyze("demo", lifted, spec);
    assertThat(r.srm().mismatch()).isFalse();
    assertThat(r.control()).isEqualTo("control");
    assertThat(r.metrics()).hasSize(3);
    MetricResult ctr = r.metrics().get(0);
    assertThat(ctr.comparison().method()).isEqualTo("delta-method-z");
    assertThat(ctr.comparison().relative().ci().contains(0.3)).isTrue();
    assertThat(ctr.significant()).isTrue();
    assertThat(r.metrics().get(1).comparison().method()).isEqualTo("z-unpooled");
    assertThat(r.metrics().get(2).comparison().method()).isEqualTo("welch-t");
    // daily looks 0..6 with always-valid results
    assertThat(r.lookDays()).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(ctr.looks()).hasSize(7);
    assertThat(ctr.sequential().pValue()).isLessThan(0.05);
    DailyLook last = ctr.looks().get(6);
    // the sequence is wider than the fixed CI
    assertThat(last.confidenceSequence().high() - last.confidenceSequence().low())
        .isGreaterThan(last.fixedCi().high() - last.fixedCi().low());
    assertThat(ctr.pHolm()).isGreaterThanOrEqualTo(ctr.comparison().test().pValue());
  }

  @Test
  void cupedCutsTheVarianceOfRevenue() {
    AnalysisSpec spec =
        AnalysisSpec.of(metrics("revenue_per_user", "ctr", "clicks_per_user"))
            .withDesign(EXP.variants())
            .withCuped(AnalysisSpec.CupedOptions.on());
    AnalysisResult r = ExperimentAnalyzer.analyze("demo", lifted, spec);
    MetricResult rev = r.metrics().get(0);
    assertThat(rev.cuped()).isNotNull();
    assertThat(rev.cuped().covariate()).isEqualTo("pre_sum(purchase)");
    // revenue is noisy (rare purchases): a small but real reduction
    assertThat(rev.cuped().varianceReduction()).isGreaterThan(0.02);
    assertThat(rev.cuped().correlation()).isGreaterThan(0.1);
    assertThat(rev.comparison().absolute().standardError())
        .isLessThan(rev.cuped().unadjusted().absolute().standardError());
    assertThat(r.metrics().get(1).cuped()).isNull();
    // clicks follow the persistent engagement: a much larger reduction
    assertThat(r.metrics().get(2).cuped().varianceReduction()).isGreaterThan(0.2);
    assertThat(r.notes()).anyMatch(n -> n.contains("not applied to ratio metric 'ctr'"));
  }

  @Test
  void flagsSrmFromLostTreatmentUsers() throws IOException {
    Path f = dir.resolve("lossy.csv");
    SyntheticEvents.write(
        f,
        EXP,
        new SyntheticEvents.Traffic(20_000, 3, 0),
        new SyntheticEvents.Lifts(0, 0, 0, 0.05),
        3);
    ExperimentData d = ExperimentData.read(f, ExperimentData.ReadOptions.defaults());
    AnalysisResult r =
        ExperimentAnalyzer.analyze(
            "demo", d, AnalysisSpec.of(metrics("conversion")).withDesign(EXP.variants()));
    assertThat(r.srm().mismatch()).isTrue();
    assertThat(r.srm().pValue()).isLessThan(0.001);
    assertThat(r.notes().get(0)).startsWith("SAMPLE RATIO MISMATCH");
  }

  @Test
  void perUnitTableByHand() {
    // control: 1 of 4 converted; treatment: 3 of 4
    UnitTable t =
        new UnitTable(
            "mem",
            List.of("control", "treatment"),
            new int[] {0, 0, 0, 0, 1, 1, 1, 1},
            Map.of(
                "purchases", new double[] {0, 0, 2, 0, 1, 1, 0, 5},
                "revenue", new double[] {0, 0, 10, 0, 4, 6, 0, 30},
                "clicks", new double[] {1, 0, 2, 1, 2, 2, 1, 3},
                "impressions", new double[] {10, 5, 10, 5, 10, 10, 5, 5}));
    AnalysisSpec spec =
        AnalysisSpec.of(
                List.of(
                    MetricDefinition.builtin("conversion", false),
                    MetricDefinition.builtin("revenue_per_user", false),
                    MetricDefinition.builtin("ctr", false)))
            .withSequential(new AnalysisSpec.SequentialOptions(false, 0));
    AnalysisResult r = ExperimentAnalyzer.analyze("hand", ExperimentData.ofUnits(t), spec);
    Comparison conv = r.metrics().get(0).comparison();
    assertThat(conv.control().value()).isEqualTo(0.25);
    assertThat(conv.treatment().value()).isEqualTo(0.75);
    Comparison rev = r.metrics().get(1).comparison();
    assertThat(rev.absolute().value()).isCloseTo(10 - 2.5, offset(1e-12));
    Comparison ctr = r.metrics().get(2).comparison();
    assertThat(ctr.control().value()).isCloseTo(4.0 / 30, offset(1e-12));
    assertThat(ctr.treatment().value()).isCloseTo(8.0 / 30, offset(1e-12));
    assertThat(r.metrics().get(0).sequential()).isNull();
    assertThat(r.notes()).anyMatch(n -> n.contains("assumes equal weights"));
  }

  @Test
  void designAndControlErrorsNameTheLibraryParameters() {
    AnalysisSpec undesigned =
        AnalysisSpec.of(metrics("revenue_per_user"))
            .withDesign(Experiment.parseVariants("control:1,other:1"));
    assertThatThrownBy(() -> ExperimentAnalyzer.analyze("demo", lifted, undesigned))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("design"))
        .hasMessageStartingWith("design must list every variant in the data")
        .hasMessageNotContaining("--");
    AnalysisSpec badControl = AnalysisSpec.of(metrics("revenue_per_user")).withControl("nobody");
    assertThatThrownBy(() -> ExperimentAnalyzer.analyze("demo", lifted, badControl))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("control"))
        .hasMessage(
            "control names variant 'nobody', which is not among the variants [control,"
                + " treatment]; name one of them");
  }

  @Test
  void helpfulErrors() {
    AnalysisSpec spec =
        AnalysisSpec.of(metrics("revenue_per_user"))
            .withDesign(Experiment.parseVariants("control:1,other:1"));
    assertThatThrownBy(() -> ExperimentAnalyzer.analyze("demo", lifted, spec))
        .hasMessageContaining("variant 'treatment' is in the data but not in the design");
    assertThatThrownBy(
            () ->
                ExperimentAnalyzer.analyze(
                    "demo",
                    lifted,
                    AnalysisSpec.of(metrics("revenue_per_user"))
                        .withCuped(
                            new AnalysisSpec.CupedOptions(
                                true, Map.of("revenue_per_user", "pre_sum(nothing)")))))
        .hasMessageContaining("'nothing'")
        .hasMessageStartingWith("covariates of metric 'revenue_per_user'")
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("covariates"));
    assertThatThrownBy(() -> MetricDefinition.builtin("ctrr", true))
        .hasMessageContaining("unknown metric 'ctrr'")
        .hasMessageContaining("MetricDefinition.parse, e.g. ctrr=mean:COLUMN");
    assertThatThrownBy(() -> MetricDefinition.parse("x=median:col"))
        .hasMessageContaining("'median'");
  }

  @Test
  void parsesMetricDefinitions() {
    MetricDefinition m = MetricDefinition.parse("aov=ratio:sum(purchase)/count(purchase)");
    assertThat(m.kind()).isEqualTo(MetricKind.RATIO);
    assertThat(m.numerator()).isEqualTo("sum(purchase)");
    assertThat(m.denominator()).isEqualTo("count(purchase)");
    assertThat(m.expression()).isEqualTo("ratio:sum(purchase)/count(purchase)");
  }

  @Test
  void labelsByTheExperimentColumnOrSaysItUsesTheFileName() throws IOException {
    String rows = "u1,control,3\nu2,control,5\nu3,treatment,4\nu4,treatment,6\n";
    Path named = dir.resolve("export-2026-05.csv");
    java.nio.file.Files.writeString(
        named, "experiment,unit,variant,revenue\n" + rows.replaceAll("(?m)^", "ranker-v2,"));
    AnalysisSpec spec = AnalysisSpec.of(List.of(MetricDefinition.parse("rev=mean:revenue")));
    AnalysisResult r =
        ExperimentAnalyzer.analyze(
            ExperimentData.read(named, ExperimentData.ReadOptions.defaults()), spec);
    assertThat(r.experiment()).isEqualTo("ranker-v2");
    assertThat(r.notes()).noneMatch(n -> n.contains("file name"));
    Path bare = dir.resolve("bare.csv");
    java.nio.file.Files.writeString(bare, "unit,variant,revenue\n" + rows);
    AnalysisResult b =
        ExperimentAnalyzer.analyze(
            ExperimentData.read(bare, ExperimentData.ReadOptions.defaults()), spec);
    assertThat(b.experiment()).isEqualTo("bare.csv");
    assertThat(b.notes().get(0)).contains("no experiment column").contains("'bare.csv'");
  }

  @Test
  void aNegativeControlMeanGivesTheAbsoluteEffectOnlyAndSaysWhy() throws IOException {
    // control mean -10, treatment mean -8: +2 absolute; t/c - 1 would be -20%
    Path f = dir.resolve("margin.csv");
    java.nio.file.Files.writeString(
        f,
        "experiment,unit,variant,margin\n"
            + "m,u1,control,-11\nm,u2,control,-9\nm,u3,treatment,-9\nm,u4,treatment,-7\n");
    AnalysisResult r =
        ExperimentAnalyzer.analyze(
            ExperimentData.read(f, ExperimentData.ReadOptions.defaults()),
            AnalysisSpec.of(List.of(MetricDefinition.parse("margin=mean:margin"))));
    Comparison c = r.metrics().get(0).comparison();
    assertThat(c.absolute().value()).isCloseTo(2, offset(1e-12));
    assertThat(c.relative()).isNull();
    assertThat(r.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("metric 'margin', 'treatment' vs 'control'")
                    .contains("control value -10.0000 is not positive")
                    .contains("absolute effect"));
    assertThat(dev.vitrina.experiments.report.HtmlReport.render(r))
        .contains("n/a (control &le; 0)")
        .doesNotContain("-20.0");
  }
}
