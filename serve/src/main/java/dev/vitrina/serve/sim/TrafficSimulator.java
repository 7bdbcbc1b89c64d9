package dev.vitrina.serve.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Simulated traffic against a running service: each user asks {@code GET /v1/recommendations} once,
 * the response names the user's A/B variant, and the user clicks the first item with probability
 * {@code clickRate} in the control variant and {@code clickRate * (1 + lift)} in every other
 * variant. Clicks are posted to {@code POST /v1/events} in batches with stable ids, so rerunning
 * with the same seed writes nothing twice. Whether a user clicks depends only on the seed, the user
 * id and the variant, never on thread timing.
 */
public final class TrafficSimulator {

  /**
   * The simulation's settings.
   *
   * @param baseUrl the service, e.g. {@code http://127.0.0.1:8080}
   * @param users the user ids to simulate, each visiting once
   * @param k items asked per request
   * @param clickRate the control variant's click probability, in (0, 1)
   * @param lift the relative lift of the other variants, e.g. 0.2 for +20%
   * @param controlVariant the name of the control variant
   * @param threads concurrent clients
   * @param seed the seed of the click draws
   */
  public record Spec(
      URI baseUrl,
      List<String> users,
      int k,
      double clickRate,
      double lift,
      String controlVariant,
      int threads,
      long seed) {
    public Spec {
      Objects.requireNonNull(baseUrl, "baseUrl");
      users = List.copyOf(users);
      if (users.isEmpty()) {
        throw new IllegalArgumentException("users: simulate at least one user");
      }
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1; got " + k);
      }
      if (!(clickRate > 0 && clickRate < 1) || !(clickRate * (1 + lift) < 1)) {
        throw new IllegalArgumentException(
            "clickRate must be in (0, 1) and clickRate * (1 + lift) below 1; got clickRate "
                + clickRate
                + ", lift "
                + lift);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1; got " + threads);
      }
    }
  }

  /**
   * What happened, per variant.
   *
   * @param experiment the experiment the service reported
   * @param users users per variant
   * @param clicks clicking users per variant
   * @param written click events the service newly committed
   * @param duplicates click events it already had
   */
  public record Result(
      String experiment,
      Map<String, Integer> users,
      Map<String, Integer> clicks,
      long written,
      long duplicates) {}

  private static final int BATCH = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Spec spec;
  private final HttpClient http;

  public TrafficSimulator(Spec spec) {
    this.spec = spec;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  private record Visit(String user, String variant, String experiment, String item) {}

  /** Runs the simulation; fails on the first request the service does not answer with 2xx. */
  public Result run() throws IOException, InterruptedException {
    List<Visit> visits = new ArrayList<>(spec.users().size());
    ExecutorService pool = Executors.newFixedThreadPool(spec.threads());
    try {
      List<Future<Visit>> futures = new ArrayList<>(spec.users().size());
      for (String u : spec.users()) {
        futures.add(pool.submit(() -> visit(u)));
      }
      for (Future<Visit> f : futures) {
        visits.add(get(f));
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Integer> users = new TreeMap<>();
    Map<String, Integer> clicks = new TreeMap<>();
    String experiment = null;
    List<ObjectNode> events = new ArrayList<>();
    Instant now = Instant.now();
    for (Visit v : visits) {
      experiment = v.experiment();
      users.merge(v.variant(), 1, Integer::sum);
      clicks.putIfAbsent(v.variant(), 0);
      if (v.item() != null && clicks(v)) {
        clicks.merge(v.variant(), 1, Integer::sum);
        ObjectNode e = JSON.createObjectNode();
        e.put("id", "sim-" + spec.seed() + "-" + v.user() + "-click");
        e.put("type", "click");
        e.put("user", v.user());
        e.put("item", v.item());
        e.put("time", now.toString());
        e.put("experiment", v.experiment());
        e.put("variant", v.variant());
        e.put("value", 1.0);
        events.add(e);
      }
    }
    long written = 0;
    long duplicates = 0;
    for (int from = 0; from < events.size(); from += BATCH) {
      ArrayNode batch = JSON.createArrayNode();
      batch.addAll(events.subList(from, Math.min(events.size(), from + BATCH)));
      JsonNode ack = post("/v1/events", JSON.writeValueAsString(batch));
      written += ack.path("written").asLong();
      duplicates += ack.path("duplicates").asLong();
    }
    return new Result(experiment, users, clicks, written, duplicates);
  }

  private boolean clicks(Visit v) {
    double p =
        v.variant().equals(spec.controlVariant())
            ? spec.clickRate()
            : spec.clickRate() * (1 + spec.lift());
    SplittableRandom r =
        new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L ^ v.user().hashCode());
    return r.nextDouble() < p;
  }

  private Visit visit(String user) throws IOException, InterruptedException {
    JsonNode r =
        get(
            "/v1/recommendations?user="
                + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&k="
                + spec.k());
    String variant = r.path("variant").asText(null);
    if (variant == null) {
      throw new IOException(
          "the service at "
              + spec.baseUrl()
              + " runs no A/B experiment (its response has no \"variant\"); start it with"
              + " --experiment FILE");
    }
    JsonNode items = r.path("items");
    String item = null;
    if (items.size() > 0) {
      JsonNode first = items.get(0);
      item = first.has("item") ? first.path("item").asText() : first.path("id").asText();
    }
    return new Visit(user, variant, r.path("experiment").asText(null), item);
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(spec.baseUrl().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .build();
    return check(path, http.send(req, HttpResponse.BodyHandlers.ofString()));
  }

  private JsonNode post(String path, String body) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(spec.baseUrl().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return check(path, http.send(req, HttpResponse.BodyHandlers.ofString()));
  }

  /**
   * The first {@code n} user ids of the model the service at {@code base} serves ({@code GET
   * /v1/users}), to simulate.
   *
   * @throws IOException when the service does not answer or serves no users
   */
  public static List<String> modelUsers(URI base, int n) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String path = "/v1/users?limit=" + n;
    HttpResponse<String> r;
    try {
      r =
          client.send(
              HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IOException(base + ": no answer (" + e + "); start it with 'vitrina serve'", e);
    }
    List<String> ids = new ArrayList<>();
    check(path, r).path("users").forEach(u -> ids.add(u.asText()));
    if (ids.isEmpty()) {
      throw new IOException(base + ": the served model has no users to simulate");
    }
    return ids;
  }

  private static JsonNode check(String path, HttpResponse<String> r) throws IOException {
    if (r.statusCode() / 100 != 2) {
      throw new IOException(
          "the service answered " + r.statusCode() + " to " + path + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static <T> T get(Future<T> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof InterruptedException ie) {
        throw ie;
      }
      throw new IOException("a simulated visit failed: " + c, c);
    }
  }
}
