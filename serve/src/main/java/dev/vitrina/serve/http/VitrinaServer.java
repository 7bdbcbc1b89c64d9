package dev.vitrina.serve.http;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.core.json.Json;
import dev.vitrina.experiments.assign.Assignment;
import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.page.Page;
import dev.vitrina.recs.page.PageComposer;
import dev.vitrina.recs.page.PageLayout;
import dev.vitrina.recs.request.Pipelines;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RecResponse;
import dev.vitrina.recs.request.RequestPipeline;
import dev.vitrina.recs.request.RequestState;
import dev.vitrina.recs.request.geo.ItemLocations;
import dev.vitrina.serve.events.Event;
import dev.vitrina.serve.events.EventStore;
import dev.vitrina.serve.forecast.ForecastTable;
import dev.vitrina.serve.registry.Live;
import dev.vitrina.serve.registry.Loaded;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP service: recommendations, pages, similar items, events, health, metrics and the web
 * page, over live models that may be swapped at any time.
 *
 * <p>Each request takes every model it uses once from its {@link Live} and finishes on it. A {@link
 * Live} whose {@code current()} throws or returns null counts as not loaded: {@code /health} then
 * answers 503 and model routes answer 503.
 *
 * <pre>{@code
 * VitrinaServer s = VitrinaServer.builder(Live.fixed(loaded)).events(store).port(0).build().start();
 * }</pre>
 */
public final class VitrinaServer implements AutoCloseable {

  /** The role that serves requests outside any experiment. */
  public static final String PRODUCTION = "production";

  /** One declared route; {@code /openapi.json} documents exactly these. */
  public record Route(String method, String path) {}

  /**
   * An experiment on the request path.
   *
   * @param experiment the experiment (variants, weights, salt)
   * @param models the model per variant name; every variant of the experiment needs one
   */
  public record ExperimentSetup(Experiment experiment, Map<String, Live<Recommender>> models) {
    public ExperimentSetup {
      Objects.requireNonNull(experiment, "experiment");
      models = Map.copyOf(models);
      for (String v : experiment.variantNames()) {
        if (!models.containsKey(v)) {
          throw new IllegalArgumentException(
              "experiment '"
                  + experiment.name()
                  + "' has variant '"
                  + v
                  + "' without a model; give a model for each of "
                  + experiment.variantNames());
        }
      }
    }
  }

  private final Builder cfg;
  private final Metrics metrics = new Metrics();
  private final Map<String, AtomicReference<Cached>> cache = new ConcurrentHashMap<>();

  /** The query parameters each GET route accepts (others answer 400); the OpenAPI test reads it. */
  static final Map<String, Set<String>> QUERY_PARAMETERS =
      Map.of(
          "/v1/recommendations",
          Set.of("user", "k", "lat", "lon", "context", "trigger", "explain", "exclude"),
          "/v1/page",
          Set.of("user", "rows", "cols", "lat", "lon", "context"),
          "/v1/similar",
          Set.of("item", "k"),
          "/v1/items",
          Set.of("q", "limit"),
          "/v1/users",
          Set.of("limit"),
          "/v1/places",
          Set.of("limit"),
          "/v1/forecast",
          Set.of("store", "item", "from", "days"));

  private final LongAdder swaps = new LongAdder();
  private final List<Route> routes = new ArrayList<>();
  private Javalin app;
  private ExposureLog exposures;

  private record Cached(Recommender model, RequestPipeline pipeline, Cached previous) {}

  private final Map<String, Live<Recommender>> livesByRole;

  private VitrinaServer(Builder b) {
    this.cfg = b;
    this.livesByRole = roles();
  }

  /** A builder serving {@code production} outside experiments. */
  public static Builder builder(Live<Recommender> production) {
    return new Builder(production);
  }

  /** Configures a {@link VitrinaServer}. */
  public static final class Builder {
    private final Live<Recommender> production;
    private String host = "127.0.0.1";
    private int port = 0;
    private EventStore events;
    private ForecastTable forecasts;
    private ExperimentSetup experiment;
    private boolean asyncExposures = true;

    private Builder(Live<Recommender> production) {
      this.production = Objects.requireNonNull(production, "production");
    }

    /** The address to bind (default {@code 127.0.0.1}). */
    public Builder host(String h) {
      this.host = Objects.requireNonNull(h);
      return this;
    }

    /** The port (default 0: an ephemeral port, see {@link VitrinaServer#port()}). */
    public Builder port(int p) {
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("port must be in [0, 65535], got " + p);
      }
      this.port = p;
      return this;
    }

    /** Where events and exposures are committed; without one {@code POST /v1/events} is 503. */
    public Builder events(EventStore store) {
      this.events = store;
      return this;
    }

    /** Store x item forecasts for {@code GET /v1/forecast}; without them that route is 503. */
    public Builder forecasts(ForecastTable table) {
      this.forecasts = table;
      return this;
    }

    /** An experiment on the request path. */
    public Builder experiment(ExperimentSetup e) {
      this.experiment = e;
      return this;
    }

    /** Whether exposures are appended by a background writer (default) or within the request. */
    public Builder asyncExposures(boolean async) {
      this.asyncExposures = async;
      return this;
    }

    public VitrinaServer build() {
      return new VitrinaServer(this);
    }
  }

  /** Binds and starts serving; returns this. */
  public VitrinaServer start() {
    if (cfg.events != null && cfg.experiment != null && cfg.asyncExposures) {
      exposures = new ExposureLog(cfg.events, metrics);
    }
    app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.staticFiles.add("/dev/vitrina/serve/http/web", Location.CLASSPATH);
              route(c, "GET", "/health", this::health);
              route(c, "GET", "/metrics", this::metrics);
              route(c, "GET", "/openapi.json", this::openapi);
              route(c, "GET", "/v1/recommendations", this::recommendations);
              route(c, "GET", "/v1/page", this::page);
              route(c, "GET", "/v1/similar", this::similar);
              route(c, "GET", "/v1/items", this::items);
              route(c, "GET", "/v1/users", this::users);
              route(c, "GET", "/v1/places", this::places);
              route(c, "GET", "/v1/forecast", this::forecast);
              route(c, "POST", "/v1/events", this::postEvents);
            });
    app.start(cfg.host, cfg.port);
    return this;
  }

  private void route(io.javalin.config.JavalinConfig c, String method, String path, Handler h) {
    routes.add(new Route(method, path));
    Handler wrapped = ctx -> timed(path, ctx, h);
    if (method.equals("GET")) {
      c.routes.get(path, wrapped);
    } else {
      c.routes.post(path, wrapped);
    }
  }

  private void timed(String route, Context ctx, Handler h) {
    long t0 = System.nanoTime();
    try {
      h.handle(ctx);
    } catch (BadRequest e) {
      ctx.status(400).contentType("application/json").result(Json.write(e.body()));
    } catch (NotReady e) {
      ctx.status(503).contentType("application/json").result(Json.write(error(e.getMessage())));
    } catch (ParameterException e) {
      // the library names its parameter as the query does (context, trigger, k)
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("parameter", e.parameter());
      one.put("value", ctx.queryParam(e.parameter()));
      one.put("message", e.problem());
      ctx.status(400)
          .contentType("application/json")
          .result(Json.write(Map.of("errors", List.of(one))));
    } catch (IllegalArgumentException e) {
      ctx.status(400).contentType("application/json").result(Json.write(error(e.getMessage())));
    } catch (Exception e) {
      ctx.status(500)
          .contentType("application/json")
          .result(Json.write(error(e.getClass().getSimpleName() + ": " + e.getMessage())));
    }
    metrics.record(route, ctx.statusCode(), System.nanoTime() - t0);
  }

  private static Map<String, Object> error(String message) {
    return Map.of(
        "errors",
        List.of(Map.of("parameter", "", "value", "", "message", String.valueOf(message))));
  }

  private static final class NotReady extends RuntimeException {
    NotReady(String m) {
      super(m);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The routes served, in declaration order. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** Waits until every exposure queued so far has been appended (for tests). */
  public void flushExposures() throws InterruptedException {
    if (exposures != null) {
      exposures.flush();
    }
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    if (exposures != null) {
      exposures.close();
    }
  }

  // ---- models

  private Map<String, Live<Recommender>> roles() {
    Map<String, Live<Recommender>> m = new LinkedHashMap<>();
    m.put(PRODUCTION, cfg.production);
    if (cfg.experiment != null) {
      cfg.experiment.models().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> m.put(cfg.experiment.experiment().name() + "/" + e.getKey(), e.getValue()));
    }
    return m;
  }

  private static Loaded<Recommender> loadedOrNull(Live<Recommender> live) {
    try {
      return live.current();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Loaded<Recommender> require(String role, Live<Recommender> live) {
    Loaded<Recommender> l = loadedOrNull(live);
    if (l == null) {
      throw new NotReady("model '" + role + "' is not loaded yet; retry when /health is ready");
    }
    return l;
  }

  /**
   * The pipeline of the model instance, built once per instance (a swap builds a new one). The
   * cache holds the pipeline of the role's current model and of the one before it; a request that
   * took the model before a swap reuses the previous pipeline (or, when older still, gets one built
   * for it alone) and neither replaces the cached one nor counts as a swap.
   */
  private RequestPipeline pipeline(String role, Recommender m) {
    AtomicReference<Cached> ref = cache.computeIfAbsent(role, k -> new AtomicReference<>());
    Cached c = ref.get();
    if (c != null && c.model == m) {
      return c.pipeline;
    }
    if (c != null && c.previous != null && c.previous.model == m) {
      return c.previous.pipeline;
    }
    RequestPipeline fresh = Pipelines.standard(m);
    Loaded<Recommender> now = loadedOrNull(livesByRole.get(role));
    if (now == null || now.model() != m) {
      return fresh;
    }
    Cached next = new Cached(m, fresh, c == null ? null : new Cached(c.model, c.pipeline, null));
    if (ref.compareAndSet(c, next) && c != null) {
      swaps.increment();
    }
    return fresh;
  }

  /** The role, model and assignment of a request. */
  private record Served(String role, Loaded<Recommender> loaded, Assignment assignment) {}

  private Served serve(String user) {
    if (cfg.experiment != null && user != null) {
      Experiment e = cfg.experiment.experiment();
      Assignment a = e.assign(user);
      if (a.assigned()) {
        String role = e.name() + "/" + a.variant();
        Loaded<Recommender> l = require(role, cfg.experiment.models().get(a.variant()));
        expose(e.name(), a.variant(), user);
        return new Served(role, l, a);
      }
    }
    return new Served(PRODUCTION, require(PRODUCTION, cfg.production), null);
  }

  private void expose(String experiment, String variant, String user) {
    if (cfg.events == null) {
      return;
    }
    Instant now = Instant.now();
    String day = now.atZone(ZoneOffset.UTC).toLocalDate().toString();
    Event ev =
        new Event(
            "exposure:" + experiment + ":" + user + ":" + day,
            "exposure",
            user,
            null,
            now,
            experiment,
            variant,
            0);
    if (exposures != null) {
      exposures.offer(ev);
    } else {
      try {
        EventStore.AppendResult r = cfg.events.append(List.of(ev));
        metrics.exposuresWritten.add(r.written());
      } catch (IOException | RuntimeException ex) {
        metrics.exposuresFailed.increment();
      }
    }
  }

  private static void experimentFields(Map<String, Object> out, Served s) {
    if (s.assignment != null) {
      out.put("experiment", s.assignment.experiment());
      out.put("variant", s.assignment.variant());
    }
    out.put("modelVersion", s.loaded.version());
  }

  // ---- handlers

  private void health(Context ctx) {
    Map<String, Object> versions = new LinkedHashMap<>();
    boolean ready = true;
    for (Map.Entry<String, Live<Recommender>> e : livesByRole.entrySet()) {
      Loaded<Recommender> l = loadedOrNull(e.getValue());
      versions.put(e.getKey(), l == null ? null : l.version());
      ready &= l != null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", ready ? "ready" : "loading");
    out.put("models", versions);
    out.put("events", cfg.events == null ? null : cfg.events.describe());
    ctx.status(ready ? 200 : 503).json(out);
  }

  private void metrics(Context ctx) {
    Map<String, String> versions = new LinkedHashMap<>();
    livesByRole.forEach(
        (role, live) -> {
          Loaded<Recommender> l = loadedOrNull(live);
          if (l != null) {
            versions.put(role, l.version());
          }
        });
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.text(versions, swaps::sum));
  }

  private void openapi(Context ctx) throws IOException {
    try (InputStream in = VitrinaServer.class.getResourceAsStream("openapi.json")) {
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  private void recommendations(Context ctx) {
    Params p = new Params(ctx, QUERY_PARAMETERS.get("/v1/recommendations"));
    String user = p.string("user");
    int k = p.integer("k", 10, 1, 1000);
    Where where = where(ctx, p);
    String trigger = p.string("trigger");
    boolean explain = p.flag("explain");
    String ex = p.string("exclude");
    Set<String> exclude =
        ex == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(ex.split("\\s*,\\s*")));
    p.check();
    Served s = serve(user);
    Recommender m = s.loaded.model();
    if (trigger != null && m.items().find(trigger).isEmpty()) {
      p.problem("trigger", trigger, "is not an item of the model; use an item id from /v1/items");
      p.check();
    }
    RecRequest req =
        new RecRequest(user, k, exclude, where.point(), where.context(), trigger, null, explain);
    RecResponse r = pipeline(s.role, m).recommend(req);
    Map<String, Object> out = new LinkedHashMap<>(Json.mapper().convertValue(r, Map.class));
    experimentFields(out, s);
    ctx.json(out);
  }

  private void page(Context ctx) {
    Params p = new Params(ctx, QUERY_PARAMETERS.get("/v1/page"));
    String user = p.string("user");
    int rows = p.integer("rows", 10, 1, 100);
    int cols = p.integer("cols", 10, 1, 100);
    Where where = where(ctx, p);
    p.check();
    Served s = serve(user);
    PageLayout layout = new PageLayout(rows, cols, rows, cols, 3, 3, 1, 1);
    RequestState state =
        pipeline(s.role, s.loaded.model())
            .resolve(
                new RecRequest(
                    user, cols, Set.of(), where.point(), where.context(), null, null, false));
    Page page =
        PageComposer.standard().compose(state, layout, PageComposer.Policy.PAGE_GREEDY).page();
    Map<String, Object> out = new LinkedHashMap<>(Json.mapper().convertValue(page, Map.class));
    experimentFields(out, s);
    ctx.json(out);
  }

  /** Where the request is: a point ({@code lat}+{@code lon}), a named context, or nowhere. */
  private record Where(GeoPoint point, String context) {}

  private static Where where(Context ctx, Params p) {
    Double lat = p.decimal("lat", -90, 90);
    Double lon = p.decimal("lon", -180, 180);
    if ((ctx.queryParam("lat") == null) != (ctx.queryParam("lon") == null)) {
      p.problem(
          ctx.queryParam("lat") == null ? "lat" : "lon",
          null,
          "lat and lon go together; give both or neither");
    }
    String context = p.string("context");
    if (context != null && ctx.queryParam("lat") != null) {
      p.problem("context", context, "give either context or lat/lon, not both");
    }
    return new Where(lat == null || lon == null ? null : Pipelines.point(lat, lon), context);
  }

  private void forecast(Context ctx) {
    Params p = new Params(ctx, QUERY_PARAMETERS.get("/v1/forecast"));
    String store = p.required("store");
    String item = p.required("item");
    String fromText = p.string("from");
    ForecastTable t = cfg.forecasts;
    int days = p.integer("days", t == null ? 28 : t.horizon(), 1, t == null ? 366 : t.horizon());
    java.time.LocalDate from = null;
    if (fromText != null) {
      try {
        from = java.time.LocalDate.parse(fromText);
      } catch (java.time.format.DateTimeParseException e) {
        p.problem("from", fromText, "must be a date like 2026-05-01");
      }
    }
    p.check();
    if (t == null) {
      throw new NotReady(
          "no forecast model is loaded; start the server with --forecast-model DIR"
              + " --forecast-data DIR");
    }
    if (from == null) {
      from = t.origin();
    }
    long start = from.toEpochDay() - t.origin().toEpochDay();
    if (ctx.queryParam("days") == null && start >= 0 && start < t.horizon()) {
      days = (int) (t.horizon() - start); // default: to the end of the window
    }
    if (start < 0 || start >= t.horizon()) {
      p.problem(
          "from",
          fromText,
          "must be within the forecast window "
              + t.origin()
              + " .. "
              + t.origin().plusDays(t.horizon() - 1L));
    } else if (start + days > t.horizon()) {
      p.problem(
          "days",
          String.valueOf(days),
          "runs past the forecast window's last day "
              + t.origin().plusDays(t.horizon() - 1L)
              + "; at most "
              + (t.horizon() - start)
              + " from "
              + from);
    }
    p.check();
    Optional<double[]> series = t.forecast(store, item, from, days);
    if (series.isEmpty()) {
      p.problem(
          "item",
          store + "/" + item,
          "no series for this store and item in the forecast data; check both ids");
      p.check();
    }
    double[] v = series.get();
    List<Map<String, Object>> out = new ArrayList<>(v.length);
    for (int d = 0; d < v.length; d++) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("date", from.plusDays(d).toString());
      x.put("forecast", v[d]);
      out.add(x);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("store", store);
    body.put("item", item);
    body.put("model", t.model());
    body.put("origin", t.origin().toString());
    body.put("days", out);
    ctx.json(body);
  }

  private void similar(Context ctx) {
    Params p = new Params(ctx, QUERY_PARAMETERS.get("/v1/similar"));
    String item = p.required("item");
    int k = p.integer("k", 10, 1, 1000);
    p.check();
    Loaded<Recommender> l = require(PRODUCTION, cfg.production);
    Recommender m = l.model();
    if (m.items().find(item).isEmpty()) {
      p.problem("item", item, "is not an item of the model; use an item id from /v1/items");
      p.check();
    }
    Recommendations r = m.similarItems(item, k);
    ItemAttributes cat = pipeline(PRODUCTION, m).catalog();
    List<Map<String, Object>> items = new ArrayList<>();
    for (int j = 0; j < r.size(); j++) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rank", j + 1);
      x.put("item", m.items().id(r.items()[j]));
      x.put("title", cat.title(r.items()[j]).orElse(null));
      x.put("score", r.scores()[j]);
      items.add(x);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", m.name());
    out.put("item", item);
    out.put("k", k);
    out.put("items", items);
    out.put("modelVersion", l.version());
    ctx.json(out);
  }

  private void items(Context ctx) {
    Params p = new Params(ctx, QUERY_PARAMETERS.get("/v1/items"));
    String q = p.string("q");
    int limit = p.integer("limit", 50, 1, 10_000);
    p.check();
    Recommender m = require(PRODUCTION, cfg.production).model();
    ItemAttributes cat = pipeline(PRODUCTION, m).catalog();
    String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < m.items().size() && items.size() < limit; i++) {
      String id = m.items().id(i);
      String title = cat.title(i).orElse(null);
      if (needle != null
          && !id.toLowerCase(Locale.ROOT).contains(needle)
          && (title == null || !title.toLowerCase(Locale.ROOT).contains(needle))) {
        continue;
      }
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("item", id);
      x.put("title", title);
      x.put("category", cat.category(i).orElse(null));
      items.add(x);
    }
    ctx.json(Map.of("items", items));
  }

  private void users(Context ctx) {
    Params p = new Params(ctx, QUERY_PARAMETERS.get("/v1/users"));
    int limit = p.integer("limit", 50, 1, 10_000);
    p.check();
    Recommender m = require(PRODUCTION, cfg.production).model();
    int n = Math.min(limit, m.users().size());
    List<String> ids = new ArrayList<>(n);
    for (int u = 0; u < n; u++) {
      ids.add(m.users().id(u));
    }
    ctx.json(Map.of("users", ids, "total", m.users().size()));
  }

  private void places(Context ctx) {
    Params p = new Params(ctx, QUERY_PARAMETERS.get("/v1/places"));
    int limit = p.integer("limit", 10_000, 1, 1_000_000);
    p.check();
    Recommender m = require(PRODUCTION, cfg.production).model();
    ItemAttributes cat = pipeline(PRODUCTION, m).catalog();
    List<Map<String, Object>> out = new ArrayList<>();
    if (cat.column(ItemLocations.LOCATION).isPresent()) {
      for (int i = 0; i < cat.numItems() && out.size() < limit; i++) {
        final int item = i;
        cat.geoPoint(ItemLocations.LOCATION, i)
            .ifPresent(
                g -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("item", m.items().id(item));
                  x.put("title", cat.title(item).orElse(null));
                  x.put("lat", g.lat());
                  x.put("lon", g.lon());
                  out.add(x);
                });
      }
    }
    ctx.json(Map.of("places", out));
  }

  private void postEvents(Context ctx) throws IOException {
    List<Event> events = EventJson.parse(ctx.body());
    if (cfg.events == null) {
      throw new NotReady("no event store is configured; start the server with an event log");
    }
    EventStore.AppendResult r;
    try {
      r = cfg.events.append(events);
    } catch (IOException | RuntimeException e) {
      throw new NotReady(
          "the event log "
              + cfg.events.describe()
              + " failed to commit the batch ("
              + e.getMessage()
              + "); nothing is acknowledged, retry the batch (ids make it safe)");
    }
    metrics.eventsWritten.add(r.written());
    metrics.eventsDuplicate.add(r.duplicates());
    if (!events.isEmpty()) {
      // the lag of the newest committed event: commit time minus the time it happened
      Instant newest = events.get(0).time();
      for (Event e : events) {
        newest = e.time().isAfter(newest) ? e.time() : newest;
      }
      metrics.eventLagSeconds = java.time.Duration.between(newest, Instant.now()).toNanos() / 1e9;
    }
    ctx.status(202).json(Map.of("written", r.written(), "duplicates", r.duplicates()));
  }
}
