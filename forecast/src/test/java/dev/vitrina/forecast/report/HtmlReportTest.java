package dev.vitrina.forecast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @Test
  void writesTableAndCharts(@TempDir Path dir) throws Exception {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("WRMSSE", 0.71234);
    m.put("WAPE", Double.NaN);
    Map<String, double[]> f = new LinkedHashMap<>();
    f.put("lgbm<tweedie>", new double[] {1, 2});
    Path file = dir.resolve("r.html");
    new HtmlReport("backtest")
        .note("./vitrina forecast backtest ...")
        .table(List.of(new HtmlReport.MetricRow("lgbm", "store,item,day", m)))
        .plot(
            new HtmlReport.SeriesPlot(
                "FOODS_1 @ S1", new double[] {0, 3, 1}, new double[] {2, 2}, f))
        .write(file);
    String html = Files.readString(file);
    assertThat(html)
        .contains("<td>0.7123</td>")
        .contains("<td>n/a</td>")
        .contains("lgbm&lt;tweedie&gt;")
        .contains("<svg")
        .contains("FOODS_1 @ S1");
    // one polyline for the actuals (history + actual) and one per model
    assertThat(html.split("<polyline", -1)).hasSize(3);
  }
}
