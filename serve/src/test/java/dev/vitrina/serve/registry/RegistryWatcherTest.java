package dev.vitrina.serve.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryWatcherTest {

  @TempDir Path tmp;

  private final List<String> events = new ArrayList<>();

  private final RegistryWatcher.Listener listener =
      new RegistryWatcher.Listener() {
        @Override
        public synchronized void swapped(String from, String to) {
          events.add("swapped " + from + "->" + to);
        }

        @Override
        public synchronized void refused(String version, String reason) {
          events.add("refused " + version);
        }
      };

  private ModelRegistry registryWithTwoVersions() throws IOException {
    ModelRegistry reg = new ModelRegistry(tmp.resolve("reg"));
    reg.push("recs", "shop", ModelRegistryTest.trained(tmp.resolve("a"), "i1"));
    reg.push("recs", "shop", ModelRegistryTest.trained(tmp.resolve("b"), "i2"));
    return reg;
  }

  private RegistryWatcher<Recommender> watch(ModelRegistry reg) throws IOException {
    return RegistryWatcher.start(
        reg, "recs", "shop", "production", RecsModels::load, Duration.ZERO, listener);
  }

  @Test
  void startFailsClearlyWithoutAPointer() throws IOException {
    ModelRegistry reg = registryWithTwoVersions();
    assertThatThrownBy(() -> watch(reg))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no pointer for role 'production' of recs/shop");
  }

  @Test
  void swapsWhenThePointerChanges() throws IOException {
    ModelRegistry reg = registryWithTwoVersions();
    reg.promote("recs", "shop", "v1", "production");
    try (RegistryWatcher<Recommender> w = watch(reg)) {
      Loaded<Recommender> before = w.current();
      assertThat(before.version()).isEqualTo("v1");
      assertThat(w.checkNow()).isFalse();
      reg.promote("recs", "shop", "v2", "production");
      assertThat(w.checkNow()).isTrue();
      assertThat(w.current().version()).isEqualTo("v2");
      assertThat(w.current().directory()).isEqualTo(reg.directory("recs", "shop", "v2"));
      assertThat(before.version()).isEqualTo("v1");
      assertThat(w.swapCount()).isEqualTo(1);
      assertThat(w.lastRefusal()).isNull();
      assertThat(events).containsExactly("swapped v1->v2");
    }
  }

  @Test
  void refusesATamperedOrIncompleteVersionAndKeepsServingTheOldOne() throws IOException {
    ModelRegistry reg = registryWithTwoVersions();
    reg.push("recs", "shop", ModelRegistryTest.trained(tmp.resolve("c"), "i3"));
    reg.promote("recs", "shop", "v1", "production");
    Path v2 = ArtifactHome.resolve(reg.directory("recs", "shop", "v2"));
    Path file = firstDataFile(v2);
    Files.writeString(file, "x", StandardOpenOption.APPEND);
    Path v3 = ArtifactHome.resolve(reg.directory("recs", "shop", "v3"));
    Files.delete(firstDataFile(v3));
    try (RegistryWatcher<Recommender> w = watch(reg)) {
      reg.promote("recs", "shop", "v2", "production");
      assertThat(w.checkNow()).isFalse();
      assertThat(w.current().version()).isEqualTo("v1");
      assertThat(w.lastRefusal()).startsWith("v2: ").contains(file.getFileName().toString());
      reg.promote("recs", "shop", "v3", "production");
      assertThat(w.checkNow()).isFalse();
      assertThat(w.current().version()).isEqualTo("v1");
      assertThat(w.lastRefusal()).startsWith("v3: ");
      assertThat(w.swapCount()).isZero();
      assertThat(events).containsExactly("refused v2", "refused v3");
      reg.rollback("recs", "shop", "production");
      reg.rollback("recs", "shop", "production");
      assertThat(w.checkNow()).isFalse();
      assertThat(w.current().version()).isEqualTo("v1");
    }
  }

  private static Path firstDataFile(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> !p.endsWith("manifest.json") && Files.isRegularFile(p))
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void concurrentRequestsAlwaysSeeACompleteModelWhileThePointerFlips() throws Exception {
    ModelRegistry reg = registryWithTwoVersions();
    reg.promote("recs", "shop", "v1", "production");
    Map<String, List<String>> expected = new ConcurrentHashMap<>();
    for (String v : List.of("v1", "v2")) {
      expected.put(v, top(RecsModels.load(reg.directory("recs", "shop", v))));
    }
    assertThat(expected.get("v1")).isNotEqualTo(expected.get("v2"));
    try (RegistryWatcher<Recommender> w = watch(reg)) {
      int threads = 4;
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong errors = new AtomicLong();
      AtomicLong requests = new AtomicLong();
      ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
      CountDownLatch started = new CountDownLatch(threads);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread th =
            new Thread(
                () -> {
                  started.countDown();
                  while (!stop.get()) {
                    try {
                      Loaded<Recommender> l = w.current();
                      if (!top(l.model()).equals(expected.get(l.version()))) {
                        errors.incrementAndGet();
                      }
                      seen.put(l.version(), true);
                      requests.incrementAndGet();
                    } catch (RuntimeException e) {
                      errors.incrementAndGet();
                    }
                  }
                });
        th.start();
        workers.add(th);
      }
      started.await();
      for (int i = 0; i < 40; i++) {
        reg.promote("recs", "shop", i % 2 == 0 ? "v2" : "v1", "production");
        assertThat(w.checkNow()).isTrue();
      }
      stop.set(true);
      for (Thread th : workers) {
        th.join();
      }
      assertThat(errors.get()).isZero();
      assertThat(requests.get()).isPositive();
      assertThat(w.swapCount()).isEqualTo(40);
      assertThat(w.current().version()).isEqualTo("v1");
    }
  }

  private static List<String> top(Recommender m) {
    return m.recommend("u0", 3, RecommendOptions.defaults()).ids(m.items());
  }
}
