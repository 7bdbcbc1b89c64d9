package dev.vitrina.recs.eval;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.Interactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameter search on a validation split carved from the training data only (the test split
 * is never seen): every combination of the grid is fitted on the inner-train side and scored by
 * nDCG@k on the validation side. Deterministic for a given seed.
 */
public final class GridSearch {

  private GridSearch() {}

  /**
   * One evaluated combination.
   *
   * @param params the parameters tried (grid values over the base parameters)
   * @param ndcg validation nDCG@k
   * @param result the full validation result
   */
  public record Trial(Map<String, String> params, double ndcg, ModelResult result) {}

  /**
   * Tries every combination of {@code grid} for {@code model}, best first.
   *
   * @param train the training data (the caller's test split must not be in it)
   * @param validationSplit how to carve validation from train, e.g. {@code random-by-user:0.8};
   *     with {@code kfold:K} every combination is scored on all K folds (per-user values pooled),
   *     which makes the choice less sensitive to one split's noise
   */
  public static List<Trial> search(
      Interactions train,
      String model,
      Map<String, String> base,
      Map<String, List<String>> grid,
      String validationSplit,
      long seed,
      EvalOptions options,
      Progress progress) {
    List<Split> inner = Splitters.bySpec(train, validationSplit, seed);
    List<Map<String, String>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>(base));
    for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> c : combos) {
        for (String v : axis.getValue()) {
          Map<String, String> m = new LinkedHashMap<>(c);
          m.put(axis.getKey(), v);
          next.add(m);
        }
      }
      combos = next;
    }
    List<Trial> trials = new ArrayList<>();
    for (Map<String, String> c : combos) {
      ModelResult r =
          Evaluator.evaluateModel(
              model,
              RecsModels.trainer(model, c),
              inner,
              options.withBootstrapSamples(0),
              Progress.silent());
      trials.add(new Trial(c, r.mean("ndcg"), r));
      progress.step(1);
    }
    trials.sort(Comparator.comparingDouble(Trial::ndcg).reversed());
    return trials;
  }

  /** Parses {@code "factors=64,128 alpha=1,5"} (axes separated by spaces or semicolons). */
  public static Map<String, List<String>> parseGrid(String spec) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String axis : spec.trim().split("[;\\s]+")) {
      if (axis.isBlank()) {
        continue;
      }
      String[] kv = axis.split("=", 2);
      if (kv.length != 2 || kv[1].isBlank()) {
        throw new IllegalArgumentException(
            "grid axes must look like name=v1,v2 separated by spaces, got '"
                + axis
                + "' in '"
                + spec
                + "'");
      }
      m.put(kv[0].trim(), List.of(kv[1].trim().split(",")));
    }
    return m;
  }
}
