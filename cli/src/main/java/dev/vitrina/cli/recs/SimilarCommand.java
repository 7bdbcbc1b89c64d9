package dev.vitrina.cli.recs;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.Recommender;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina recs similar}: an item's nearest items from a saved model. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = {
      "The k items most similar to an item, by the model's own similarity (item-kNN cosine,",
      "cosine of ALS item factors, EASE weights, co-popularity for popular).",
      "Example: vitrina recs similar --model out/recs/ials --item 50 --k 10"
    })
final class SimilarCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "Model directory ('recs train').")
  Path model;

  @Option(names = "--item", required = true, description = "External item id.")
  String item;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "List length. Default: ${DEFAULT-VALUE}.")
  int k;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    Recommender m = RecsModels.load(model);
    Recommendations r = m.similarItems(item, k);
    if (r.size() == 0) {
      throw new IllegalArgumentException(
          "model "
              + m.name()
              + " has no item similar to '"
              + item
              + "' (item-kNN keeps no neighbour for an item that shares no user with another"
              + " item); try another item or another model");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", m.name());
    out.put("item", item);
    out.put("k", k);
    out.put("items", ItemList.of(r, m));
    json.print(out, ItemList.text("item " + item, r, m));
    return 0;
  }
}
