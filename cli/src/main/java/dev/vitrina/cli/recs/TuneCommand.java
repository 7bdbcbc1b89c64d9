package dev.vitrina.cli.recs;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.eval.EvalOptions;
import dev.vitrina.recs.eval.GridSearch;
import dev.vitrina.recs.eval.Split;
import dev.vitrina.recs.eval.Splitters;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.UnknownUserPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vitrina recs tune}: grid search on a validation split carved from the training side of the
 * evaluation split, so the test side is never looked at.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = {
      "Grid-search a model's parameters without touching the test data: the data is split as",
      "'recs evaluate' splits it (same --split and --seed), the training side is split again",
      "(--validation), and every grid point is fitted on the inner training side and scored by",
      "nDCG@k on the validation side. Writes the best parameters to --out for 'recs evaluate",
      "--params'.",
      "Example: vitrina recs tune --data ../shared/data/movielens-100k --model ease"
          + " --grid lambda=100,200,400 --out out/recs/tuned.json"
    })
final class TuneCommand implements Callable<Integer> {

  /** Grids used when --grid is not given. */
  static final Map<String, String> DEFAULT_GRIDS =
      Map.of(
          "itemknn", "neighbors=50,100,200 shrink=0,10,50 weighting=none,bm25",
          "ials", "factors=32,64,128 regularization=30,50,100,200 alpha=2,3,5,10 iterations=15",
          "ease", "lambda=50,100,200,300,500,800,1200");

  @Mixin DataOptions dataOptions;

  @Mixin ModelOptions modelOptions;

  @Option(names = "--model", required = true, description = "itemknn, ials, ease or popular.")
  String model;

  @Option(
      names = "--grid",
      description =
          "Axes name=v1,v2 separated by spaces, e.g. \"factors=64,128 alpha=1,10\". Default per"
              + " model: itemknn \"neighbors=50,100,200 shrink=0,10,50 weighting=none,bm25\", ials"
              + " \"factors=32,64,128 regularization=30,50,100,200 alpha=2,3,5,10 iterations=15\", ease"
              + " \"lambda=50,100,200,300,500,800,1200\".")
  String grid;

  @Option(
      names = "--split",
      defaultValue = "random-by-user:0.75",
      description =
          "The evaluation split whose training side is tuned on (as in 'recs evaluate'). Default:"
              + " ${DEFAULT-VALUE}.")
  String split;

  @Option(
      names = "--validation",
      defaultValue = "random-by-user:0.75",
      description = "How validation is carved from the training side. Default: ${DEFAULT-VALUE}.")
  String validation;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of both splits and of the models. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "List length and nDCG cut-off. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(
      names = "--out",
      description =
          "JSON parameters file to write the best parameters into (other models' entries in an"
              + " existing file are kept).")
  Path out;

  @Option(
      names = "--show",
      defaultValue = "10",
      description = "Grid points shown, best first. Default: ${DEFAULT-VALUE}.")
  int show;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    ModelOptions.checkModel(model, "--model");
    String spec = grid != null ? grid : DEFAULT_GRIDS.get(model);
    if (spec == null) {
      throw new IllegalArgumentException(
          "model "
              + model
              + " has no default grid; give one with --grid, e.g. --grid"
              + " half_life_days=0,30,90");
    }
    Map<String, List<String>> axes = GridSearch.parseGrid(spec);
    Map<String, String> base = modelOptions.forModel(model, seed);
    long t0 = System.nanoTime();
    DataOptions.Loaded loaded = dataOptions.read();
    Split outer = Splitters.bySpec(loaded.data(), split, seed).get(0);
    Interactions train = outer.train();
    EvalOptions options =
        new EvalOptions(k, SeenItems.EXCLUDE, UnknownUserPolicy.FALLBACK_POPULAR, 0, 0.95, seed);
    int points = 1;
    for (List<String> v : axes.values()) {
      points *= v.size();
    }
    List<GridSearch.Trial> trials;
    try (Progress progress = json.progress("tune " + model, points)) {
      trials = GridSearch.search(train, model, base, axes, validation, seed, options, progress);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    GridSearch.Trial best = trials.get(0);
    if (out != null) {
      Map<String, Map<String, String>> file = new LinkedHashMap<>();
      if (Files.exists(out)) {
        file.putAll(ModelOptions.readFile(out));
      }
      Map<String, String> bestParams = new LinkedHashMap<>(best.params());
      if (!modelOptions.all().getOrDefault(model, Map.of()).containsKey("seed")) {
        bestParams.remove("seed"); // filled in from --seed, so 'evaluate --seed' still applies
      }
      file.put(model, bestParams);
      AtomicWrite.writeString(out, Json.pretty(file) + "\n");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("model", model);
    result.put("split", outer.description());
    result.put("validation", validation + " seed=" + seed + " (inside the training side)");
    result.put("k", k);
    result.put("grid", axes);
    result.put("best", best.params());
    result.put("best_validation_ndcg", best.ndcg());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (GridSearch.Trial t : trials) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("params", t.params());
      row.put("validation_ndcg", t.ndcg());
      row.put("fit_seconds", t.result().fitSeconds());
      rows.add(row);
    }
    result.put("trials", rows);
    result.put("out", out == null ? null : out.toString());
    result.put("seconds", seconds);
    StringBuilder human = new StringBuilder();
    human.append(
        String.format(
            "%s: %d grid points on %s, validation %s inside the training side (test unseen)%n",
            model, trials.size(), outer.description(), validation));
    for (int i = 0; i < Math.min(show, trials.size()); i++) {
      GridSearch.Trial t = trials.get(i);
      human.append(
          String.format(
              "  nDCG@%d %.4f  fit %6.2f s  %s%n",
              k, t.ndcg(), t.result().fitSeconds(), t.params()));
    }
    human.append("best: ").append(best.params()).append('\n');
    if (out != null) {
      human.append("wrote ").append(out).append('\n');
    }
    human.append(String.format("time: %.1f s", seconds));
    json.print(result, human.toString());
    return 0;
  }
}
