package dev.vitrina.experiments.analysis;

import dev.vitrina.experiments.sequential.SequentialLook;
import java.util.List;

/**
 * One metric, one treatment arm against control.
 *
 * @param metric the metric name
 * @param kind proportion, mean or ratio
 * @param definition the metric definition ({@code kind:num[/den]})
 * @param comparison the fixed-horizon comparison (CUPED-adjusted when {@code cuped != null})
 * @param cuped the CUPED details, or {@code null} when CUPED was not applied
 * @param pHolm the Holm-adjusted p-value over all metrics and arms
 * @param pBenjaminiHochberg the Benjamini-Hochberg-adjusted p-value
 * @param significant whether the p-value adjusted by the chosen correction is {@code <= alpha}
 * @param sequential the always-valid result at the last look, or {@code null} when off
 * @param looks the fixed and always-valid results at each daily look (one entry without days)
 */
public record MetricResult(
    String metric,
    MetricKind kind,
    String definition,
    Comparison comparison,
    CupedSummary cuped,
    double pHolm,
    double pBenjaminiHochberg,
    boolean significant,
    SequentialLook sequential,
    List<DailyLook> looks) {

  /** Copies the list. */
  public MetricResult {
    looks = List.copyOf(looks);
  }
}
