package dev.vitrina.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactHomeTest {

  private static final String FORMAT = "vitrina.test";

  @TempDir Path tmp;

  private ArtifactHome.Published publish(Path home, String content) throws IOException {
    return ArtifactHome.publish(
        home, FORMAT, 1, Map.of(), "fp", d -> Files.writeString(d.resolve("x"), content));
  }

  private static String current(Path home) throws IOException {
    return Files.readString(ArtifactHome.resolve(home).resolve("x"));
  }

  @Test
  void eachPublishIsANewImmutableVersionBehindAnAtomicPointer() throws IOException {
    Path home = tmp.resolve("model");
    ArtifactHome.Published first = publish(home, "one");
    assertThat(first.version()).isEqualTo("v1");
    assertThat(current(home)).isEqualTo("one");
    Path v1 = ArtifactHome.resolve(home);

    ArtifactHome.Published second = publish(home, "two");
    assertThat(second.version()).isEqualTo("v2");
    assertThat(current(home)).isEqualTo("two");
    // a reader that resolved v1 before the second publish still finds it whole
    assertThat(Files.readString(v1.resolve("x"))).isEqualTo("one");
    assertThat(Artifacts.load(v1, FORMAT, 1).files()).containsOnlyKeys("x");
    assertThat(Files.readString(home.resolve(ArtifactHome.POINTER)).strip()).isEqualTo("v2");
  }

  @Test
  void oldVersionsBeyondKeepArePrunedButNeverTheCurrentOne() throws IOException {
    Path home = tmp.resolve("model");
    for (int i = 1; i <= ArtifactHome.KEEP + 2; i++) {
      publish(home, "c" + i);
    }
    List<String> expected = new ArrayList<>();
    for (int i = 3; i <= ArtifactHome.KEEP + 2; i++) {
      expected.add("v" + i);
    }
    assertThat(ArtifactHome.versions(home)).containsExactlyElementsOf(expected);
    assertThat(current(home)).isEqualTo("c" + (ArtifactHome.KEEP + 2));
  }

  @Test
  void aFailedPublishLeavesTheCurrentVersionInPlace() throws IOException {
    Path home = tmp.resolve("model");
    publish(home, "good");
    assertThatThrownBy(
            () ->
                ArtifactHome.publish(
                    home,
                    FORMAT,
                    1,
                    Map.of(),
                    "fp",
                    d -> {
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(current(home)).isEqualTo("good");
    assertThat(ArtifactHome.versions(home)).containsExactly("v1");
  }

  @Test
  void aPlainArtifactResolvesToItselfAndIsNeverTurnedIntoAHome() throws IOException {
    Path plain = tmp.resolve("plain");
    Artifacts.save(plain, FORMAT, 1, Map.of(), "", d -> Files.writeString(d.resolve("x"), "p"));
    assertThat(ArtifactHome.resolve(plain)).isEqualTo(plain);
    assertThatThrownBy(() -> publish(plain, "new"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never replaced in place");

    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("sales.csv"), "a\n");
    assertThatThrownBy(() -> publish(data, "new"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a model home");
    assertThat(data.resolve("sales.csv")).exists();
  }

  @Test
  void aPointerAtAMissingVersionNamesTheHomeAndItsVersions() throws IOException {
    Path home = tmp.resolve("model");
    publish(home, "one");
    Files.writeString(home.resolve(ArtifactHome.POINTER), "v7\n");
    assertThatThrownBy(() -> ArtifactHome.resolve(home))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("points at 'v7'")
        .hasMessageContaining("[v1]");
  }

  @Test
  void concurrentPublishersGetDistinctVersions() throws Exception {
    Path home = tmp.resolve("model");
    publish(home, "base");
    AtomicBoolean failed = new AtomicBoolean();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int id = t;
      threads[t] =
          new Thread(
              () -> {
                try {
                  publish(home, "t" + id);
                } catch (IOException | RuntimeException e) {
                  failed.set(true);
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failed).isFalse();
    // five publishes in all; the newest KEEP versions remain (plus the current one, should the
    // last pointer switch have named an older version), each complete
    assertThat(ArtifactHome.versions(home).size())
        .isBetween(ArtifactHome.KEEP, ArtifactHome.KEEP + 1);
    for (String v : ArtifactHome.versions(home)) {
      assertThat(Artifacts.load(home.resolve(v), FORMAT, 1).files()).containsOnlyKeys("x");
    }
    assertThat(current(home)).startsWith("t");
  }
}
