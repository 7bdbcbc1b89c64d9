package dev.vitrina.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.json.Json;
import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.serve.events.Event;
import dev.vitrina.serve.registry.Live;
import dev.vitrina.serve.registry.Loaded;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VitrinaServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Recommender MODEL = model(7);
  private final List<VitrinaServer> servers = new ArrayList<>();

  static Recommender model(long seed) {
    return TinyModels.model(seed);
  }

  static Loaded<Recommender> loaded(Recommender m, String version) {
    return TinyModels.loaded(m, version);
  }

  private VitrinaServer start(VitrinaServer.Builder b) {
    VitrinaServer s = b.build().start();
    servers.add(s);
    return s;
  }

  @AfterEach
  void close() {
    servers.forEach(VitrinaServer::close);
  }

  static HttpResponse<String> get(VitrinaServer s, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(VitrinaServer s, String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  private VitrinaServer plain() {
    return start(
        VitrinaServer.builder(Live.fixed(loaded(MODEL, "v1"))).events(new MemoryEventStore()));
  }

  @Test
  void recommendationsGoThroughThePipelineWithReasons() throws Exception {
    VitrinaServer s = plain();
    HttpResponse<String> r = get(s, "/v1/recommendations?user=u5&k=4&explain=true");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode j = json(r);
    assertThat(j.path("user").asText()).isEqualTo("u5");
    assertThat(j.path("items")).hasSize(4);
    assertThat(j.path("items").path(0).path("title").asText()).startsWith("Item ");
    assertThat(j.path("items").path(0).path("reasons")).isNotEmpty();
    assertThat(j.path("modelVersion").asText()).isEqualTo("v1");
    assertThat(j.has("variant")).isFalse();
  }

  @Test
  void unknownUsersGetTheColdStartListSaidSo() throws Exception {
    JsonNode j = json(get(plain(), "/v1/recommendations?user=nobody&k=3"));
    assertThat(j.path("source").asText()).isEqualTo("popular_fallback");
    assertThat(j.path("items").path(0).path("reasons").path(0).path("kind").asText())
        .isEqualTo("popular");
  }

  @Test
  void triggerFeedsAreServed() throws Exception {
    HttpResponse<String> r = get(plain(), "/v1/recommendations?k=3&trigger=i7&explain=true");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).path("items").size()).isBetween(1, 3);
    assertThat(json(r).path("items").path(0).path("reasons")).isNotEmpty();
  }

  @Test
  void pageSimilarItemsUsersPlaces() throws Exception {
    VitrinaServer s = plain();
    JsonNode page = json(get(s, "/v1/page?user=u5&rows=3&cols=4"));
    assertThat(page.path("rows").size()).isBetween(1, 3);
    assertThat(page.path("rows").path(0).path("items").size()).isBetween(1, 4);
    JsonNode sim = json(get(s, "/v1/similar?item=i4&k=3"));
    assertThat(sim.path("items").size()).isBetween(1, 3);
    assertThat(sim.path("items").path(0).path("item").asText()).isNotEqualTo("i4");
    JsonNode items = json(get(s, "/v1/items?q=item%2012&limit=5"));
    assertThat(items.path("items")).hasSize(1);
    assertThat(items.path("items").path(0).path("title").asText()).isEqualTo("Item 12");
    JsonNode users = json(get(s, "/v1/users?limit=3"));
    assertThat(users.path("users")).hasSize(3);
    assertThat(users.path("total").asInt()).isEqualTo(60);
    assertThat(json(get(s, "/v1/places")).path("places")).isEmpty();
    assertThat(get(s, "/").statusCode()).isEqualTo(200);
  }

  @Test
  void everyBadParameterIsListed() throws Exception {
    HttpResponse<String> r =
        get(plain(), "/v1/recommendations?user=u1&k=-1&lat=99&lon=x&explain=maybe&colour=red");
    assertThat(r.statusCode()).isEqualTo(400);
    Set<String> named = new HashSet<>();
    json(r).path("errors").forEach(e -> named.add(e.path("parameter").asText()));
    assertThat(named).containsExactlyInAnyOrder("k", "lat", "lon", "explain", "colour");
    HttpResponse<String> sim = get(servers.get(0), "/v1/similar?k=0");
    assertThat(sim.statusCode()).isEqualTo(400);
    named.clear();
    json(sim).path("errors").forEach(e -> named.add(e.path("parameter").asText()));
    assertThat(named).containsExactlyInAnyOrder("item", "k");
    HttpResponse<String> trig = get(servers.get(0), "/v1/recommendations?trigger=nope");
    assertThat(json(trig).path("errors").path(0).path("parameter").asText()).isEqualTo("trigger");
  }

  @Test
  void healthIs503UntilTheModelIsLoaded() throws Exception {
    AtomicReference<Loaded<Recommender>> ref = new AtomicReference<>();
    Live<Recommender> live =
        () -> {
          Loaded<Recommender> l = ref.get();
          if (l == null) {
            throw new IllegalStateException("not loaded");
          }
          return l;
        };
    VitrinaServer s = start(VitrinaServer.builder(live));
    assertThat(get(s, "/health").statusCode()).isEqualTo(503);
    assertThat(get(s, "/v1/recommendations?user=u1").statusCode()).isEqualTo(503);
    ref.set(loaded(MODEL, "v9"));
    HttpResponse<String> r = get(s, "/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).path("status").asText()).isEqualTo("ready");
    assertThat(json(r).path("models").path("production").asText()).isEqualTo("v9");
  }

  @Test
  void metricsCountRequestsInPrometheusText() throws Exception {
    VitrinaServer s = plain();
    get(s, "/v1/recommendations?user=u1&k=2");
    get(s, "/v1/recommendations?user=u1&k=2");
    get(s, "/v1/recommendations?k=zero");
    String text = get(s, "/metrics").body();
    for (String line : text.split("\n")) {
      assertThat(line).matches("(# (HELP|TYPE) .*|[a-z_]+(\\{[^}]*\\})? [0-9.eE+-]+)");
    }
    assertThat(text)
        .contains("vitrina_http_requests_total{route=\"/v1/recommendations\",status=\"200\"} 2")
        .contains("vitrina_http_requests_total{route=\"/v1/recommendations\",status=\"400\"} 1")
        .contains(
            "vitrina_http_request_duration_seconds_bucket{route=\"/v1/recommendations\",le=\"+Inf\"} 3")
        .contains("vitrina_http_request_duration_seconds_count{route=\"/v1/recommendations\"} 3")
        .contains("vitrina_model_info{role=\"production\",version=\"v1\"} 1");
  }

  @Test
  void anUnknownNamedPlaceIsA400NamingContext() throws Exception {
    VitrinaServer s = plain();
    HttpResponse<String> r = get(s, "/v1/page?user=u0&context=home");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode e = json(r).path("errors").get(0);
    assertThat(e.path("parameter").asText()).isEqualTo("context");
    assertThat(e.path("value").asText()).isEqualTo("home");
    assertThat(e.path("message").asText()).contains("'home' is not a location");
  }

  @Test
  void theOpenApiDocumentListsExactlyTheServedRoutes() throws Exception {
    VitrinaServer s = plain();
    JsonNode doc = json(get(s, "/openapi.json"));
    Set<String> documented = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> p = doc.path("paths").fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> e = p.next();
      e.getValue()
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + e.getKey()));
    }
    Set<String> served = new HashSet<>();
    s.routes().forEach(r -> served.add(r.method() + " " + r.path()));
    assertThat(documented).isEqualTo(served);
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    for (String route : VitrinaServer.QUERY_PARAMETERS.keySet()) {
      Set<String> params = new HashSet<>();
      doc.path("paths")
          .path(route)
          .path("get")
          .path("parameters")
          .forEach(q -> params.add(q.path("name").asText()));
      assertThat(params)
          .as("documented parameters of %s", route)
          .isEqualTo(VitrinaServer.QUERY_PARAMETERS.get(route));
    }
  }

  @Test
  void eventsAreCommittedOnceAndBadEventsNamed() throws Exception {
    MemoryEventStore store = new MemoryEventStore();
    VitrinaServer s = start(VitrinaServer.builder(Live.fixed(loaded(MODEL, "v1"))).events(store));
    String batch =
        "{\"events\":[{\"id\":\"e1\",\"type\":\"click\",\"user\":\"u1\",\"item\":\"i3\"},"
            + "{\"id\":\"e2\",\"type\":\"purchase\",\"user\":\"u1\",\"item\":\"i3\",\"value\":9.5,"
            + "\"time\":\"2026-01-31T12:00:00Z\"}]}";
    HttpResponse<String> r = post(s, "/v1/events", batch);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(json(r).path("written").asInt()).isEqualTo(2);
    // the newest event of the batch happened now (no time given), so the lag is small and >= 0
    String metricsText = get(s, "/metrics").body();
    assertThat(metricsText).contains("# TYPE vitrina_event_log_lag_seconds gauge");
    double lag =
        Double.parseDouble(
            metricsText
                .lines()
                .filter(l -> l.startsWith("vitrina_event_log_lag_seconds "))
                .findFirst()
                .orElseThrow()
                .split(" ")[1]);
    assertThat(lag).isBetween(0.0, 60.0);
    HttpResponse<String> again = post(s, "/v1/events", batch);
    assertThat(json(again).path("written").asInt()).isZero();
    assertThat(json(again).path("duplicates").asInt()).isEqualTo(2);
    assertThat(store.count()).isEqualTo(2);

    HttpResponse<String> bad =
        post(
            s,
            "/v1/events",
            "[{\"id\":\"e3\",\"type\":\"Click!\",\"user\":\"u1\"},{\"type\":\"click\"},"
                + "{\"id\":\"e5\",\"type\":\"click\",\"user\":\"u2\"}]");
    assertThat(bad.statusCode()).isEqualTo(400);
    Set<String> named = new HashSet<>();
    json(bad).path("errors").forEach(e -> named.add(e.path("parameter").asText()));
    assertThat(named).containsExactlyInAnyOrder("events[0].type", "events[1].id", "events[1].user");
    assertThat(store.count()).isEqualTo(2);

    store.failing = true;
    assertThat(post(s, "/v1/events", batch.replace("e1", "e9")).statusCode()).isEqualTo(503);
    assertThat(get(s, "/metrics").body()).contains("vitrina_events_written_total 2");
  }

  private VitrinaServer experiment(MemoryEventStore store, boolean async) {
    Experiment e = TinyModels.experiment();
    return start(
        VitrinaServer.builder(Live.fixed(loaded(MODEL, "v1")))
            .events(store)
            .asyncExposures(async)
            .experiment(
                new VitrinaServer.ExperimentSetup(
                    e,
                    Map.of(
                        "control", Live.fixed(loaded(MODEL, "v1")),
                        "treatment", Live.fixed(loaded(model(11), "v2"))))));
  }

  @Test
  void variantsAreStickySplitByWeightAndExposuresLogged() throws Exception {
    MemoryEventStore store = new MemoryEventStore();
    VitrinaServer s = experiment(store, true);
    JsonNode first = json(get(s, "/v1/recommendations?user=u3&k=2"));
    JsonNode second = json(get(s, "/v1/recommendations?user=u3&k=2"));
    assertThat(first.path("experiment").asText()).isEqualTo("ranker");
    assertThat(second.path("variant").asText()).isEqualTo(first.path("variant").asText());
    assertThat(first.path("modelVersion").asText())
        .isEqualTo(first.path("variant").asText().equals("treatment") ? "v2" : "v1");
    int treatment = 0;
    int n = 400;
    for (int u = 0; u < n; u++) {
      if (json(get(s, "/v1/page?user=user" + u + "&rows=1&cols=1"))
          .path("variant")
          .asText()
          .equals("treatment")) {
        treatment++;
      }
    }
    assertThat(treatment).isBetween(80, 160);
    s.flushExposures();
    List<Event> exposures = store.all().stream().filter(e -> e.type().equals("exposure")).toList();
    assertThat(exposures).hasSize(n + 1);
    assertThat(exposures.stream().filter(e -> "treatment".equals(e.variant())).count())
        .isEqualTo(treatment + (first.path("variant").asText().equals("treatment") ? 1 : 0));
    assertThat(exposures.get(0).experiment()).isEqualTo("ranker");
  }

  @Test
  void synchronousExposuresAreInTheStoreWhenTheResponseArrives() throws Exception {
    MemoryEventStore store = new MemoryEventStore();
    VitrinaServer s = experiment(store, false);
    get(s, "/v1/recommendations?user=u1");
    get(s, "/v1/recommendations?user=u1");
    assertThat(store.all()).hasSize(1);
    assertThat(store.all().get(0).user()).isEqualTo("u1");
  }

  @Test
  void aRequestThatTookTheModelBeforeASwapNeitherCountsNorEvictsTheNewPipeline() throws Exception {
    Loaded<Recommender> a = loaded(MODEL, "a");
    Loaded<Recommender> b = loaded(model(11), "b");
    AtomicReference<Loaded<Recommender>> ref = new AtomicReference<>(a);
    AtomicReference<Runnable> onTake = new AtomicReference<>();
    AtomicReference<String> between = new AtomicReference<>();
    Live<Recommender> live =
        () -> {
          Loaded<Recommender> l = ref.get();
          Runnable r = onTake.getAndSet(null);
          if (r != null) {
            r.run();
          }
          return l;
        };
    VitrinaServer s = start(VitrinaServer.builder(live));
    assertThat(json(get(s, "/v1/recommendations?user=u1&k=2")).path("modelVersion").asText())
        .isEqualTo("a");
    onTake.set(
        () -> {
          ref.set(b);
          try {
            between.set(
                json(get(s, "/v1/recommendations?user=u2&k=2")).path("modelVersion").asText());
          } catch (Exception e) {
            between.set(e.toString());
          }
        });
    assertThat(json(get(s, "/v1/recommendations?user=u3&k=2")).path("modelVersion").asText())
        .isEqualTo("a");
    assertThat(between.get()).isEqualTo("b");
    assertThat(json(get(s, "/v1/recommendations?user=u4&k=2")).path("modelVersion").asText())
        .isEqualTo("b");
    assertThat(get(s, "/metrics").body()).contains("vitrina_model_swaps_total 1\n");
  }

  @Test
  void noRequestFailsWhileTheModelIsSwappedUnderLoad() throws Exception {
    Loaded<Recommender> a = loaded(MODEL, "a");
    Loaded<Recommender> b = loaded(model(11), "b");
    AtomicReference<Loaded<Recommender>> ref = new AtomicReference<>(a);
    VitrinaServer s = start(VitrinaServer.builder(ref::get));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger ok = new AtomicInteger();
    List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int seed = t;
      clients.add(
          pool.submit(
              () -> {
                int i = 0;
                while (!stop.get()) {
                  try {
                    HttpResponse<String> r =
                        get(s, "/v1/recommendations?user=u" + ((seed * 7 + i++) % 70) + "&k=5");
                    if (r.statusCode() == 200) {
                      ok.incrementAndGet();
                    } else {
                      failures.add(r.statusCode() + " " + r.body());
                    }
                  } catch (Exception e) {
                    failures.add(e.toString());
                  }
                }
                return null;
              }));
    }
    for (int swap = 0; swap < 40; swap++) {
      ref.set(swap % 2 == 0 ? b : a);
      int target = ok.get() + 8;
      while (ok.get() < target && failures.isEmpty()) {
        Thread.onSpinWait();
      }
    }
    stop.set(true);
    for (Future<?> f : clients) {
      f.get();
    }
    pool.shutdown();
    assertThat(failures).isEmpty();
    assertThat(ok.get()).isGreaterThanOrEqualTo(320);
    assertThat(get(s, "/metrics").body()).doesNotContain("vitrina_model_swaps_total 0\n");
  }
}
