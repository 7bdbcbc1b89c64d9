package dev.vitrina.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.vitrina.forecast.backtest.FlatSeries;
import dev.vitrina.forecast.backtest.WideCsv;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Croston agrees with R's {@code forecast::croston} on every car parts series, at three origins and
 * two smoothing constants. The fixture holds only R's output values; it is produced by {@code
 * forecast/scripts/croston_fixture.R} from the data, which tests read from {@code
 * vitrina.data.dir}.
 */
class CrostonAgreesWithRTest {

  @Test
  void matchesRForecastCrostonOnCarParts() throws Exception {
    Path data = Path.of(System.getProperty("vitrina.data.dir", "../shared/data"), "carparts");
    Path csv = data.resolve("carparts.csv");
    assumeThat(Files.isRegularFile(csv))
        .as("car parts data not found at %s (set -Dvitrina.data.dir)", csv)
        .isTrue();
    FlatSeries parts = WideCsv.read(csv);
    Map<String, Integer> index = new HashMap<>();
    for (int s = 0; s < parts.size(); s++) {
      index.put(parts.ids()[s], s);
    }
    int checked = 0;
    double maxDiff = 0;
    try (InputStream in = getClass().getResourceAsStream("croston_carparts_r.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = r.readLine();
      assertThat(line).isEqualTo("part,n,alpha,forecast");
      double[] out = new double[1];
      while ((line = r.readLine()) != null) {
        String[] c = line.split(",");
        int s = index.get(c[0]);
        int n = Integer.parseInt(c[1]);
        double alpha = Double.parseDouble(c[2]);
        double expected = Double.parseDouble(c[3]);
        new Croston(alpha).forecast(parts.values(), parts.offsets()[s], n, 1, out, 0);
        double diff = Math.abs(out[0] - expected);
        assertThat(diff)
            .as("part %s n=%d alpha=%s: ours %s, R %s", c[0], n, c[2], out[0], expected)
            .isLessThanOrEqualTo(1e-6);
        maxDiff = Math.max(maxDiff, diff);
        checked++;
      }
    }
    // every part x 3 origins (full, -6, -12 months; skipped when nothing is left) x 2 alphas
    int expected = 0;
    for (int s = 0; s < parts.size(); s++) {
      for (int cut : new int[] {0, 6, 12}) {
        expected += parts.length(s) - cut >= 1 ? 2 : 0;
      }
    }
    assertThat(checked).isEqualTo(expected).isGreaterThan(16_000);
    System.out.println("croston vs R: " + checked + " forecasts, max |diff| = " + maxDiff);
  }
}
