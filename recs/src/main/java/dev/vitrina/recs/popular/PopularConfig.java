package dev.vitrina.recs.popular;

import dev.vitrina.recs.model.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Popularity parameters.
 *
 * @param halfLifeDays when {@code > 0}, each interaction counts {@code 2^(-age / halfLife)} where
 *     age is measured back from the latest timestamp in the training data (needs timestamps); 0
 *     counts every interaction 1
 * @param perCategory when true, a user's score for an item is its popularity times {@code
 *     (categoryPrior + share of the user's training interactions in the item's category)}: popular
 *     items in the categories the user favours first (needs item categories)
 * @param categoryPrior the smoothing added to each category share, {@code >= 0}
 */
public record PopularConfig(double halfLifeDays, boolean perCategory, double categoryPrior) {

  /** The parameter names accepted by {@link #fromParams}. */
  public static final Set<String> PARAMS =
      Set.of("half_life_days", "per_category", "category_prior");

  public PopularConfig {
    if (!(halfLifeDays >= 0) || Double.isInfinite(halfLifeDays)) {
      throw new IllegalArgumentException(
          "popular half_life_days must be a finite number >= 0 (0 = no decay), got "
              + halfLifeDays);
    }
    if (!(categoryPrior >= 0) || Double.isInfinite(categoryPrior)) {
      throw new IllegalArgumentException(
          "popular category_prior must be a finite number >= 0, got " + categoryPrior);
    }
  }

  /** Plain counts, no decay, not per category. */
  public static PopularConfig defaults() {
    return new PopularConfig(0, false, 0.05);
  }

  /** A config from string parameters (defaults for the missing ones). */
  public static PopularConfig fromParams(Map<String, String> values) {
    Params p = Params.of("popular", values, PARAMS);
    PopularConfig d = defaults();
    return new PopularConfig(
        p.getDouble("half_life_days", d.halfLifeDays),
        p.getBoolean("per_category", d.perCategory),
        p.getDouble("category_prior", d.categoryPrior));
  }

  /** The parameters as JSON values. */
  public Map<String, Object> toParams() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("half_life_days", halfLifeDays);
    m.put("per_category", perCategory);
    m.put("category_prior", categoryPrior);
    return m;
  }

  public PopularConfig withHalfLifeDays(double v) {
    return new PopularConfig(v, perCategory, categoryPrior);
  }

  public PopularConfig withPerCategory(boolean v) {
    return new PopularConfig(halfLifeDays, v, categoryPrior);
  }
}
