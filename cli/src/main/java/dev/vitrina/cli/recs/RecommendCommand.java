package dev.vitrina.cli.recs;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.model.ItemFilter;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.UnknownUserPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina recs recommend}: a user's top-k from a saved model. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = {
      "Top-k items for a user from a model saved by 'recs train'. Items the user interacted with",
      "in training are excluded unless --include-seen. An empty list is an error (exit 2) unless",
      "the user was skipped by --unknown-users skip.",
      "Example: vitrina recs recommend --model out/recs/ials --user 196 --k 10"
    })
final class RecommendCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "Model directory ('recs train').")
  Path model;

  @Option(names = "--user", required = true, description = "External user id.")
  String user;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "List length. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(names = "--include-seen", description = "Allow the user's training items.")
  boolean includeSeen;

  @Option(
      names = "--unknown-users",
      defaultValue = "raise",
      description =
          "For a user unknown to the model or without training interactions: raise (error),"
              + " fallback_popular or skip (empty list). Default: ${DEFAULT-VALUE}.")
  UnknownUserPolicy unknownUsers;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    Recommender m = RecsModels.load(model);
    RecommendOptions o =
        new RecommendOptions(
            includeSeen ? SeenItems.INCLUDE : SeenItems.EXCLUDE, unknownUsers, ItemFilter.all());
    Recommendations r = m.recommend(user, k, o);
    if (r.size() == 0 && r.source() != Recommendations.Source.SKIPPED) {
      throw new IllegalArgumentException(
          "model "
              + m.name()
              + " has no item to recommend to user '"
              + user
              + "' ("
              + m.items().size()
              + " items in the model): "
              + (includeSeen
                  ? "it scores none of them for this user"
                  : "the user's training items are excluded and the model scores none of the"
                      + " rest (the user may have interacted with every item); try"
                      + " --include-seen"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", m.name());
    out.put("user", user);
    out.put("k", k);
    out.put("source", r.source().name().toLowerCase(java.util.Locale.ROOT));
    out.put("items", ItemList.of(r, m));
    json.print(out, ItemList.text("user " + user, r, m));
    return 0;
  }
}
