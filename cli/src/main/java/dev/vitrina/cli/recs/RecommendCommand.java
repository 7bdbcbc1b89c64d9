package dev.vitrina.cli.recs;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.cli.LibraryName;
import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.model.ItemFilter;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.UnknownUserPolicy;
import dev.vitrina.recs.request.Pipelines;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RecResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vitrina recs recommend}: a user's top-k from a saved model, through the request pipeline.
 */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = {
      "Top-k items for a user from a model saved by 'recs train'. Items the user interacted with",
      "in training are excluded unless --include-seen. An empty list is an error (exit 2) unless",
      "the user was skipped by --unknown-users skip.",
      "With --lat/--lon or --context, --trigger or --explain the request goes through the request",
      "pipeline: interests, distance and trigger re-rankers, each item with its reasons.",
      "Example: vitrina recs recommend --model out/recs/ials --user 196 --k 10",
      "         vitrina recs recommend --model out/recs/ials --user 196 --trigger 50 --explain"
    })
final class RecommendCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "Model directory ('recs train').")
  Path model;

  @Option(names = "--user", description = "External user id (omit for an anonymous request).")
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

  @Mixin LocationOptions where;

  @LibraryName("context")
  @Option(
      names = "--context",
      description =
          "One of the user's named locations (home, office, ...), instead of --lat/--lon.")
  String context;

  @LibraryName("trigger")
  @Option(
      names = "--trigger",
      description = "The item the user just clicked: a trigger-induced feed.")
  String trigger;

  @LibraryName("exclude")
  @Option(
      names = "--exclude",
      split = ",",
      description = "Item ids never to return (comma-separated).")
  List<String> exclude;

  @Option(
      names = "--explain",
      description = "Every stage's reasons for each item (otherwise the main one).")
  boolean explain;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    Recommender m = RecsModels.load(model);
    boolean pipeline =
        where.given() || context != null || trigger != null || explain || exclude != null;
    if (pipeline) {
      return viaPipeline(m);
    }
    RecommendOptions o =
        new RecommendOptions(
            includeSeen ? SeenItems.INCLUDE : SeenItems.EXCLUDE, unknownUsers, ItemFilter.all());
    if (user == null) {
      throw new ParameterException(
          "user",
          "is required for a plain top-k list; give --user ID, or ask an anonymous feed with"
              + " --trigger ITEM or a location");
    }
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

  private Integer viaPipeline(Recommender m) {
    GeoPoint at = where.point();
    if (includeSeen) {
      throw new IllegalArgumentException(
          "--include-seen applies to plain top-k lists only; drop it, or drop the request options"
              + " (--lat/--lon, --context, --trigger, --exclude, --explain)");
    }
    if (user != null && m.users().find(user).isEmpty() && unknownUsers == UnknownUserPolicy.RAISE) {
      throw new ParameterException(
          "user",
          "'"
              + user
              + "' is unknown to the model ("
              + m.users().size()
              + " users); use --unknown-users fallback_popular for a non-personal feed");
    }
    RecRequest req =
        new RecRequest(
            user,
            k,
            exclude == null ? Set.of() : Set.copyOf(exclude),
            at,
            context,
            trigger,
            null,
            explain);
    RecResponse r = Pipelines.standard(m).recommend(req);
    if (r.items().isEmpty()) {
      throw new IllegalArgumentException(
          "the request left no item to recommend (model "
              + m.name()
              + ", "
              + m.items().size()
              + " items): the user's items, the exclusions and the filters removed them all;"
              + " ask with fewer exclusions or a larger radius");
    }
    json.print(r, text(r));
    return 0;
  }

  private static String text(RecResponse r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s, model %s (%s), stages %s%s: %d items%n",
            r.user() == null ? "anonymous user" : "user " + r.user(),
            r.model(),
            r.source(),
            String.join(" > ", r.stages()),
            r.location() == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    ", at %.5f,%.5f (%s)",
                    r.location().lat(),
                    r.location().lon(),
                    r.location().label()),
            r.items().size()));
    for (RecResponse.Item it : r.items()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%3d  %-12s %-40s %9.5f  %s%n",
              it.rank(),
              it.item(),
              it.title() == null ? "" : abbreviate(it.title(), 40),
              it.score(),
              it.reasons().stream()
                  .map(RecommendCommand::reason)
                  .collect(Collectors.joining("; "))));
    }
    return sb.toString().stripTrailing();
  }

  private static String reason(Reason r) {
    return r.kind()
        + r.detail().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ", " (", ")"));
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
