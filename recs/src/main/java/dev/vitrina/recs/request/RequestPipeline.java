package dev.vitrina.recs.request;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.RequestContext;
import dev.vitrina.recs.model.TrainingData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One request, many stages: candidate sources, then filters, then re-rankers in order, then the
 * filters again and the cut to {@code k}. Immutable and thread-safe; build one per model with
 * {@link #builder} and call {@link #recommend} from any number of threads.
 *
 * <p>Candidates of several sources are merged by item: an item keeps the score of the first source
 * that proposed it and gathers the reasons of all. The user's training items and the request's
 * exclusions are never returned; the trigger item is returned only when {@link Builder#showTrigger}
 * is set (then first).
 */
public final class RequestPipeline {

  /** How many candidates each source proposes when not set: enough for the re-rankers to choose. */
  public static final int DEFAULT_CANDIDATES = 200;

  private final Recommender model;
  private final ItemAttributes catalog;
  private final TrainingData training;
  private final Places places;
  private final List<CandidateSource> sources;
  private final List<Reranker> rerankers;
  private final List<CandidateFilter> filters;
  private final int candidates;
  private final boolean showTrigger;

  private RequestPipeline(Builder b) {
    this.model = b.model;
    this.training = b.model.capability(TrainingData.class).orElse(null);
    this.catalog =
        training == null ? ItemAttributes.none(model.items().size()) : training.itemAttributes();
    this.places = b.places;
    this.sources = List.copyOf(b.sources);
    this.rerankers = List.copyOf(b.rerankers);
    this.filters = List.copyOf(b.filters);
    this.candidates = b.candidates;
    this.showTrigger = b.showTrigger;
  }

  /**
   * A pipeline over {@code model}, with the model itself as the only source until others are added.
   */
  public static Builder builder(Recommender model) {
    return new Builder(model);
  }

  /** The model serving the pipeline. */
  public Recommender model() {
    return model;
  }

  /** The catalogue the pipeline knows. */
  public ItemAttributes catalog() {
    return catalog;
  }

  /** The users' named locations. */
  public Places places() {
    return places;
  }

  /**
   * Resolves a request against the model: ids to indices, the named context to a point.
   *
   * @throws ParameterException naming {@code trigger}, {@code context} or {@code exclude} when the
   *     request names something the model or the user does not have
   */
  public RequestState resolve(RecRequest request) {
    Objects.requireNonNull(request, "request");
    int user = RequestContext.NONE;
    if (request.user() != null) {
      OptionalInt u = model.users().find(request.user());
      if (u.isPresent()) {
        user = u.getAsInt();
      }
    }
    int[] history = user >= 0 && training != null ? training.history(user) : new int[0];
    int trigger = RequestContext.NONE;
    if (request.trigger() != null) {
      OptionalInt t = model.items().find(request.trigger());
      if (t.isEmpty()) {
        throw new ParameterException(
            "trigger",
            "item '"
                + request.trigger()
                + "' is not in the model's catalogue ("
                + model.items().size()
                + " items); give the id of an item the model was trained on");
      }
      trigger = t.getAsInt();
    }
    GeoPoint location = request.location();
    String label = location == null ? null : "point";
    if (request.context() != null) {
      List<String> names = user >= 0 ? places.names(user) : List.of();
      location = user < 0 ? null : places.place(user, request.context()).orElse(null);
      if (location == null) {
        throw new ParameterException(
            "context",
            "'"
                + request.context()
                + "' is not a location of "
                + (request.user() == null
                    ? "an anonymous user"
                    : user < 0
                        ? "user '" + request.user() + "', who is unknown to the model"
                        : "user '" + request.user() + "'")
                + (names.isEmpty()
                    ? " (the user has no named locations); give a point (lat/lon) instead"
                    : "; the user's locations are " + names + ", or give a point (lat/lon)"));
      }
      label = request.context();
    }
    BitSet blocked = new BitSet(model.items().size());
    for (int i : history) {
      blocked.set(i);
    }
    for (String id : request.exclude()) {
      model.items().find(id).ifPresent(blocked::set);
    }
    if (trigger >= 0) {
      blocked.set(trigger);
    }
    Instant time = request.time() == null ? Instant.now() : request.time();
    return new RequestState(
        request,
        model,
        catalog,
        user,
        history,
        trigger,
        location,
        label,
        blocked,
        time,
        new RequestState.Memo());
  }

  /**
   * Answers a request.
   *
   * @throws ParameterException when the request names an unknown trigger or context (see {@link
   *     #resolve})
   */
  public RecResponse recommend(RecRequest request) {
    RequestState state = resolve(request);
    int k = request.k();
    int n = Math.max(candidates, k);
    List<Candidate> list = new ArrayList<>();
    Map<Integer, Integer> at = new HashMap<>();
    List<String> stages = new ArrayList<>();
    boolean personal = false;
    for (CandidateSource s : sources) {
      if (s.applies(state)) {
        s.prepare(state);
      }
    }
    for (CandidateSource s : sources) {
      if (!s.applies(state)) {
        continue;
      }
      if (!stages.contains(s.name())) {
        stages.add(s.name());
      }
      for (Candidate c : s.candidates(state, n)) {
        if (!state.allowed(c.item())) {
          continue;
        }
        Integer p = at.get(c.item());
        if (p == null) {
          at.put(c.item(), list.size());
          list.add(c);
        } else {
          Candidate old = list.get(p);
          for (Reason r : c.reasons()) {
            if (!old.reasons().contains(r)) {
              old = old.withReason(r);
            }
          }
          list.set(p, old);
        }
        personal |= c.reasons().stream().anyMatch(r -> !r.kind().equals("popular"));
      }
    }
    list = filter(state, list);
    for (Reranker r : rerankers) {
      if (r.applies(state)) {
        list = r.rerank(state, list, k);
        if (!stages.contains(r.name())) {
          stages.add(r.name());
        }
      }
    }
    list = filter(state, list);
    List<RecResponse.Item> items = new ArrayList<>(Math.min(k, list.size() + 1));
    if (showTrigger && state.hasTrigger()) {
      items.add(
          new RecResponse.Item(
              1,
              state.itemId(state.trigger()),
              state.title(state.trigger()).orElse(null),
              Float.NaN,
              List.of(Reason.trigger(state.itemId(state.trigger()), 0, 1))));
    }
    for (int j = 0; j < list.size() && items.size() < k; j++) {
      Candidate c = list.get(j);
      List<Reason> reasons =
          request.explain() ? c.reasons() : c.reasons().subList(0, Math.min(1, c.reasons().size()));
      items.add(
          new RecResponse.Item(
              items.size() + 1,
              state.itemId(c.item()),
              state.title(c.item()).orElse(null),
              c.score(),
              reasons));
    }
    RecResponse.Location where =
        state.location() == null
            ? null
            : new RecResponse.Location(
                state.location().lat(), state.location().lon(), state.locationLabel());
    return new RecResponse(
        request.user(),
        model.name(),
        personal ? "model" : "popular_fallback",
        where,
        items,
        stages);
  }

  private List<Candidate> filter(RequestState state, List<Candidate> in) {
    List<CandidateFilter> active = new ArrayList<>();
    for (CandidateFilter f : filters) {
      if (f.applies(state)) {
        active.add(f);
      }
    }
    if (active.isEmpty()) {
      return in;
    }
    List<Candidate> out = new ArrayList<>(in.size());
    for (Candidate c : in) {
      boolean keep = true;
      for (CandidateFilter f : active) {
        keep &= f.keep(state, c);
      }
      if (keep) {
        out.add(c);
      }
    }
    return out;
  }

  /** Configures a {@link RequestPipeline}. */
  public static final class Builder {
    private final Recommender model;
    private Places places = Places.none();
    private final List<CandidateSource> sources = new ArrayList<>(List.of(new ModelSource()));
    private final List<Reranker> rerankers = new ArrayList<>();
    private final List<CandidateFilter> filters = new ArrayList<>();
    private int candidates = DEFAULT_CANDIDATES;
    private boolean showTrigger;

    private Builder(Recommender model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /** The users' named locations (for requests with a context). */
    public Builder places(Places p) {
      this.places = Objects.requireNonNull(p, "places");
      return this;
    }

    /** Adds a candidate source after the model. */
    public Builder source(CandidateSource s) {
      sources.add(Objects.requireNonNull(s, "source"));
      return this;
    }

    /** Adds a re-ranker; re-rankers run in the order added. */
    public Builder reranker(Reranker r) {
      rerankers.add(Objects.requireNonNull(r, "reranker"));
      return this;
    }

    /** Adds a filter. */
    public Builder filter(CandidateFilter f) {
      filters.add(Objects.requireNonNull(f, "filter"));
      return this;
    }

    /** How many candidates each source proposes (>= 1). */
    public Builder candidates(int n) {
      if (n < 1) {
        throw new ParameterException("candidates", "must be >= 1, got " + n + "; e.g. 200");
      }
      this.candidates = n;
      return this;
    }

    /** Whether a trigger item is shown first in its own feed (off: it is never returned). */
    public Builder showTrigger(boolean show) {
      this.showTrigger = show;
      return this;
    }

    /** The pipeline. */
    public RequestPipeline build() {
      return new RequestPipeline(this);
    }
  }
}
