package dev.vitrina.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.experiments.analysis.AnalysisResult;
import dev.vitrina.experiments.analysis.AnalysisSpec;
import dev.vitrina.experiments.analysis.ExperimentAnalyzer;
import dev.vitrina.experiments.analysis.MetricDefinition;
import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.experiments.data.ExperimentData;
import dev.vitrina.experiments.data.SyntheticEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @TempDir Path dir;

  private AnalysisResult analyze(double loss) throws IOException {
    Experiment e = new Experiment("exp<1>", "s", Experiment.parseVariants("50/50"), 1);
    Path f = dir.resolve("ev" + loss + ".csv");
    SyntheticEvents.write(
        f, e, new SyntheticEvents.Traffic(6000, 4, 2), new SyntheticEvents.Lifts(0, 0, 0, loss), 2);
    return ExperimentAnalyzer.analyze(
        "exp<1>",
        ExperimentData.read(f, ExperimentData.ReadOptions.defaults()),
        AnalysisSpec.of(
                List.of(
                    MetricDefinition.builtin("ctr", true),
                    MetricDefinition.builtin("conversion", true)))
            .withDesign(e.variants()));
  }

  @Test
  void srmVerdictComesFirstAndIntervalsAreDrawn() throws IOException {
    String html = HtmlReport.render(analyze(0.2));
    int srm = html.indexOf("id=\"srm\"");
    assertThat(srm).isPositive();
    assertThat(html.indexOf("<h2>Effects")).isGreaterThan(srm);
    assertThat(html).contains("class=\"srm bad\"").contains("SAMPLE RATIO MISMATCH");
    assertThat(html).contains("<svg id=\"forest\"").contains("<svg class=\"daily\"");
    // names are escaped, nothing external is referenced
    assertThat(html).contains("exp&lt;1&gt;").doesNotContain("<script").doesNotContain("http://w3");
    assertThat(html).doesNotContain("src=").doesNotContain("href=");
    Path out = dir.resolve("r.html");
    HtmlReport.write(out, analyze(0));
    assertThat(Files.readString(out)).contains("class=\"srm ok\"");
  }
}
