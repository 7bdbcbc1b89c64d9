package dev.vitrina.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.json.Json;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.serve.registry.ModelRegistry;
import dev.vitrina.serve.registry.RegistryWatcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot swap end to end: a server whose production model is a {@link RegistryWatcher} on a real
 * {@link ModelRegistry}, four clients requesting recommendations and pages while the production
 * pointer flips between two versions and then names a corrupted one.
 */
class HotSwapUnderLoadTest {

  private static final int CLIENTS = 4;
  private static final int REQUESTS_PER_CLIENT = 1_500;
  private static final int FLIPS = 6;
  private static final long GUARD_MS = 60_000;

  @TempDir Path tmp;

  private final List<String> heard = new CopyOnWriteArrayList<>();

  private final RegistryWatcher.Listener listener =
      new RegistryWatcher.Listener() {
        @Override
        public void swapped(String from, String to) {
          heard.add("swapped " + from + "->" + to);
        }

        @Override
        public void refused(String version, String reason) {
          heard.add("refused " + version);
        }
      };

  private static Path saved(Recommender m, Path dir) throws IOException {
    m.save(dir);
    return dir;
  }

  @Test
  void noRequestFailsWhileTheRegistryFlipsAndABrokenVersionIsRefused() throws Exception {
    ModelRegistry reg = new ModelRegistry(tmp.resolve("registry"));
    assertThat(reg.push("recs", "shop", saved(TinyModels.model(7), tmp.resolve("a"))))
        .isEqualTo("v1");
    assertThat(reg.push("recs", "shop", saved(TinyModels.model(11), tmp.resolve("b"))))
        .isEqualTo("v2");
    reg.promote("recs", "shop", "v1", "production");
    HttpClient http = HttpClient.newHttpClient();
    try (RegistryWatcher<Recommender> watcher =
            RegistryWatcher.start(
                reg,
                "recs",
                "shop",
                "production",
                RecsModels::load,
                Duration.ofMillis(20),
                listener);
        VitrinaServer server = VitrinaServer.builder(watcher).build().start()) {
      String base = "http://127.0.0.1:" + server.port();
      AtomicInteger ok = new AtomicInteger();
      List<String> failures = new CopyOnWriteArrayList<>();
      Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> clients = new ArrayList<>();
      for (int t = 0; t < CLIENTS; t++) {
        int seed = t;
        clients.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    String user = "u" + ((seed * 17 + i) % 70);
                    String path =
                        i % 2 == 0
                            ? "/v1/recommendations?user=" + user + "&k=5&explain=true"
                            : "/v1/page?user=" + user + "&rows=3&cols=4";
                    try {
                      HttpResponse<String> r = get(http, base + path);
                      if (r.statusCode() == 200) {
                        versionsSeen.add(
                            Json.mapper().readTree(r.body()).path("modelVersion").asText());
                        ok.incrementAndGet();
                      } else {
                        failures.add(path + " -> " + r.statusCode() + " " + r.body());
                      }
                    } catch (Exception e) {
                      failures.add(path + " -> " + e);
                    }
                  }
                  return null;
                }));
      }
      BooleanSupplier clientsDone = () -> clients.stream().allMatch(Future::isDone);
      for (int flip = 0; flip < FLIPS; flip++) {
        String to = flip % 2 == 0 ? "v2" : "v1";
        reg.promote("recs", "shop", to, "production");
        await(() -> watcher.current().version().equals(to), "the watcher serving " + to);
        int target = ok.get() + 50;
        await(() -> ok.get() >= target || clientsDone.getAsBoolean(), "50 more answers");
      }
      String lastGood = watcher.current().version();

      String broken = reg.push("recs", "shop", saved(TinyModels.model(13), tmp.resolve("c")));
      Path dir = ArtifactHome.resolve(reg.directory("recs", "shop", broken));
      Path data = firstDataFile(dir);
      Files.writeString(data, "x", StandardOpenOption.APPEND);
      reg.promote("recs", "shop", broken, "production");
      await(
          () -> watcher.lastRefusal() != null && watcher.lastRefusal().startsWith(broken + ": "),
          "the refusal of " + broken);
      int target = ok.get() + 50;
      await(() -> ok.get() >= target || clientsDone.getAsBoolean(), "50 more answers");

      for (Future<?> f : clients) {
        f.get();
      }
      pool.shutdown();
      System.out.printf(
          "hot swap: %d answers, %d swaps by the watcher, versions seen %s, refused: %s%n",
          ok.get(), watcher.swapCount(), versionsSeen, watcher.lastRefusal());

      assertThat(failures).isEmpty();
      assertThat(ok.get()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
      assertThat(watcher.swapCount()).isEqualTo(FLIPS);
      assertThat(watcher.lastRefusal()).contains(data.getFileName().toString());
      assertThat(heard)
          .contains("refused " + broken)
          .doesNotContain("swapped " + lastGood + "->" + broken);
      assertThat(versionsSeen).contains("v1", "v2").doesNotContain(broken);
      assertThat(watcher.current().version()).isEqualTo(lastGood);

      JsonNode health = Json.mapper().readTree(get(http, base + "/health").body());
      assertThat(health.path("models").path("production").asText()).isEqualTo(lastGood);
      HttpResponse<String> rec = get(http, base + "/v1/recommendations?user=u1&k=3");
      assertThat(rec.statusCode()).isEqualTo(200);
      assertThat(Json.mapper().readTree(rec.body()).path("modelVersion").asText())
          .isEqualTo(lastGood);
      String metrics = get(http, base + "/metrics").body();
      Matcher m = Pattern.compile("(?m)^vitrina_model_swaps_total (\\d+)").matcher(metrics);
      assertThat(m.find()).as("vitrina_model_swaps_total in\n%s", metrics).isTrue();
      long served = Long.parseLong(m.group(1));
      assertThat(served).isPositive().isLessThanOrEqualTo(watcher.swapCount());
      assertThat(metrics)
          .contains("vitrina_model_info{role=\"production\",version=\"" + lastGood + "\"} 1");
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until {@code condition} holds; the deadline only keeps a broken test from hanging. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + GUARD_MS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(2);
    }
  }

  private static Path firstDataFile(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> !p.endsWith("manifest.json") && Files.isRegularFile(p))
          .sorted()
          .findFirst()
          .orElseThrow();
    }
  }
}
