package dev.vitrina.forecast.baseline;

import dev.vitrina.core.check.Checks;
import java.util.Arrays;

/**
 * ADIDA, the aggregate-disaggregate intermittent demand approach (Nikolopoulos, Syntetos, Boylan,
 * Petropoulos &amp; Assimakopoulos 2011, "An aggregate-disaggregate intermittent demand approach
 * (ADIDA) to forecasting", Journal of the Operational Research Society 62(3)): sum the history in
 * non-overlapping buckets of {@code k} periods, forecast the bucket series with simple exponential
 * smoothing, and spread the bucket forecast equally over its {@code k} periods.
 *
 * <p>Details (documented choices): buckets are aligned to end at the last observation, so the
 * {@code length mod k} oldest periods are dropped; SES starts at the first bucket's value. With
 * {@code aggregation = 0} the bucket size is chosen per series as the average inter-demand interval
 * {@code round(length / nonZeroCount)} (at least 1), the paper's ADI rule. With no demand the
 * forecast is 0; with fewer than {@code k} observations it is the history's mean.
 *
 * @param aggregation bucket size k {@code >= 1}, or 0 for the per-series ADI rule
 * @param alpha the SES smoothing constant in (0, 1], default 0.1
 */
public record Adida(int aggregation, double alpha) implements SeriesForecaster {

  /** ADIDA with the ADI bucket rule and {@code alpha = 0.1}. */
  public Adida() {
    this(0, 0.1);
  }

  public Adida {
    Checks.atLeast("aggregation", aggregation, 0);
    Checks.inRange("alpha", alpha, Double.MIN_VALUE, 1.0);
  }

  @Override
  public String name() {
    return "adida";
  }

  @Override
  public void forecast(float[] values, int start, int length, int horizon, double[] out, int off) {
    SeriesForecaster.checkDemand(values, start, length);
    int nonZero = 0;
    double total = 0;
    for (int i = start; i < start + length; i++) {
      if (values[i] > 0) {
        nonZero++;
        total += values[i];
      }
    }
    double f;
    if (nonZero == 0) {
      f = 0;
    } else {
      int k =
          aggregation > 0 ? aggregation : Math.max(1, (int) Math.round((double) length / nonZero));
      int buckets = length / k;
      if (buckets == 0) {
        f = total / length;
      } else {
        int first = start + length - buckets * k;
        double level = 0;
        for (int b = 0; b < buckets; b++) {
          double sum = 0;
          for (int i = first + b * k; i < first + (b + 1) * k; i++) {
            sum += values[i];
          }
          level = b == 0 ? sum : level + alpha * (sum - level);
        }
        f = level / k;
      }
    }
    Arrays.fill(out, off, off + horizon, f);
  }
}
