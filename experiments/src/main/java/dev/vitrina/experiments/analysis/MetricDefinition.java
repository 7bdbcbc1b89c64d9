package dev.vitrina.experiments.analysis;

import dev.vitrina.core.check.Checks;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A metric over per-unit columns: {@code kind:numerator} or {@code ratio:numerator/denominator},
 * e.g. {@code ctr=ratio:count(click)/count(impression)}. Per-event tables provide the columns
 * {@code count(EVENT)}, {@code sum(EVENT)}; per-unit tables provide their own numeric columns.
 *
 * <p>Built-in names (per-event / per-unit table):
 *
 * <ul>
 *   <li>{@code ctr}: ratio {@code count(click)/count(impression)} / {@code clicks/impressions}
 *   <li>{@code conversion}: proportion {@code count(purchase)} / {@code purchases}
 *   <li>{@code revenue_per_user}: mean {@code sum(purchase)} / {@code revenue}
 *   <li>{@code clicks_per_user}: mean {@code count(click)} / {@code clicks}
 *   <li>{@code orders_per_user}: mean {@code count(purchase)} / {@code purchases}
 *   <li>{@code aov} (average order value): ratio {@code sum(purchase)/count(purchase)} / {@code
 *       revenue/purchases}
 * </ul>
 *
 * @param name the metric name in reports
 * @param kind proportion, mean or ratio
 * @param numerator the numerator column
 * @param denominator the denominator column (ratio only, else {@code null})
 */
public record MetricDefinition(String name, MetricKind kind, String numerator, String denominator) {

  private static final Map<String, String[]> BUILTIN = new LinkedHashMap<>();

  static {
    BUILTIN.put(
        "ctr", new String[] {"ratio:count(click)/count(impression)", "ratio:clicks/impressions"});
    BUILTIN.put("conversion", new String[] {"proportion:count(purchase)", "proportion:purchases"});
    BUILTIN.put("revenue_per_user", new String[] {"mean:sum(purchase)", "mean:revenue"});
    BUILTIN.put("clicks_per_user", new String[] {"mean:count(click)", "mean:clicks"});
    BUILTIN.put("orders_per_user", new String[] {"mean:count(purchase)", "mean:purchases"});
    BUILTIN.put(
        "aov", new String[] {"ratio:sum(purchase)/count(purchase)", "ratio:revenue/purchases"});
  }

  /** Validates the fields. */
  public MetricDefinition {
    Checks.require(
        name != null && name.matches("[A-Za-z0-9_.\\-]+"),
        "metric name must be letters, digits, '_', '.', '-', got '" + name + "'");
    Checks.require(kind != null, "metric kind is required for '" + name + "'");
    Checks.require(
        numerator != null && !numerator.isBlank(),
        "metric '" + name + "' needs a numerator column");
    if (kind == MetricKind.RATIO) {
      Checks.require(
          denominator != null && !denominator.isBlank(),
          "ratio metric '" + name + "' needs numerator/denominator, e.g. ratio:clicks/impressions");
    } else {
      Checks.require(
          denominator == null,
          "metric '" + name + "' of kind " + kind + " takes one column, got a denominator");
    }
  }

  /** The built-in metric names. */
  public static Set<String> builtinNames() {
    return BUILTIN.keySet();
  }

  /** A built-in metric for a per-event ({@code events = true}) or per-unit table. */
  public static MetricDefinition builtin(String name, boolean events) {
    String[] defs = BUILTIN.get(name);
    if (defs == null) {
      throw new IllegalArgumentException(
          "unknown metric '"
              + name
              + "'; built-in metrics are "
              + BUILTIN.keySet()
              + ", or define one with MetricDefinition.parse, e.g. "
              + name
              + "=mean:COLUMN (kinds: mean, proportion, ratio:NUM/DEN)");
    }
    return parse(name + "=" + defs[events ? 0 : 1]);
  }

  /** Parses {@code name=kind:numerator[/denominator]}. */
  public static MetricDefinition parse(String spec) {
    int eq = spec.indexOf('=');
    int colon = spec.indexOf(':', Math.max(eq, 0));
    Checks.require(
        eq > 0 && colon > eq,
        "metric definition '"
            + spec
            + "' must be name=kind:column or name=ratio:num/den, e.g."
            + " aov=ratio:sum(purchase)/count(purchase)");
    String name = spec.substring(0, eq).trim();
    String kindText = spec.substring(eq + 1, colon).trim().toUpperCase(Locale.ROOT);
    MetricKind kind;
    try {
      kind = MetricKind.valueOf(kindText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "metric kind '"
              + kindText.toLowerCase(Locale.ROOT)
              + "' in '"
              + spec
              + "' is not one of mean, proportion, ratio",
          e);
    }
    String expr = spec.substring(colon + 1).trim();
    if (kind == MetricKind.RATIO) {
      int slash = splitSlash(expr);
      Checks.require(
          slash > 0,
          "ratio metric '" + spec + "' needs numerator/denominator, e.g. ratio:clicks/impressions");
      return new MetricDefinition(
          name, kind, expr.substring(0, slash).trim(), expr.substring(slash + 1).trim());
    }
    return new MetricDefinition(name, kind, expr, null);
  }

  /** The slash that separates numerator and denominator, outside parentheses. */
  private static int splitSlash(String expr) {
    int depth = 0;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '/' && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The definition as text, {@code kind:num[/den]}. */
  public String expression() {
    return kind.name().toLowerCase(Locale.ROOT)
        + ":"
        + numerator
        + (denominator == null ? "" : "/" + denominator);
  }
}
