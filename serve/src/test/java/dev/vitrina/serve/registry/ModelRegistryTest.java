package dev.vitrina.serve.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.StoragePaths;
import dev.vitrina.core.storage.s3.S3TestServer;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.model.Recommender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

  @TempDir Path tmp;

  /** A popularity model where {@code top} is the most popular item of i0..i3. */
  static Path trained(Path dir, String top) throws IOException {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    long t = 1_700_000_000_000L;
    for (int u = 0; u < 4; u++) {
      b.add("u" + u, top, 1f, t++);
    }
    for (String i : List.of("i0", "i1", "i2", "i3")) {
      b.add("u9", i, 1f, t++);
    }
    Recommender m = RecsModels.trainer("popular", Map.of()).fit(b.build(), Progress.silent());
    m.save(dir);
    return dir;
  }

  @Test
  void pushPromoteRollbackAndListRoundTrip() throws IOException {
    ModelRegistry reg = new ModelRegistry(tmp.resolve("reg"));
    Path a = trained(tmp.resolve("a"), "i1");
    Path b = trained(tmp.resolve("b"), "i2");
    assertThat(reg.push("recs", "shop", a)).isEqualTo("v1");
    assertThat(reg.push("recs", "shop", b)).isEqualTo("v2");
    Path v1 = tmp.resolve("reg/recs/shop/v1");
    assertThat(v1.resolve("manifest.json")).exists();
    assertThat(Files.list(tmp.resolve("reg/recs/shop")).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("v1", "v2");

    reg.promote("recs", "shop", "v1", "production");
    assertThat(Files.readString(tmp.resolve("reg/recs/shop/production")).strip()).isEqualTo("v1");
    reg.promote("recs", "shop", "v2", "production");
    reg.promote("recs", "shop", "v1", "candidate");
    assertThat(reg.resolve("recs", "shop", "production")).isEqualTo("v2");

    List<ModelRegistry.Entry> list = reg.list();
    assertThat(list).hasSize(1);
    ModelRegistry.Entry e = list.get(0);
    assertThat(e.kind()).isEqualTo("recs");
    assertThat(e.name()).isEqualTo("shop");
    assertThat(e.roles()).isEqualTo(Map.of("production", "v2", "candidate", "v1"));
    assertThat(e.versions()).extracting(ModelRegistry.Version::version).containsExactly("v1", "v2");
    assertThat(e.versions().get(0).format()).isNotBlank();
    assertThat(e.versions().get(0).created()).endsWith("Z");
    assertThat(e.versions().get(1).roles()).containsExactly("production");

    assertThat(reg.rollback("recs", "shop", "production")).isEqualTo("v1");
    assertThat(reg.resolve("recs", "shop", "production")).isEqualTo("v1");
    assertThatThrownBy(() -> reg.rollback("recs", "shop", "production"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role 'production' of recs/shop has no earlier version")
        .hasMessageContaining("promote");
  }

  @Test
  void pushResolvesAnArtifactHome() throws IOException {
    Path home = tmp.resolve("home");
    trained(home, "i3");
    assertThat(home.resolve(ArtifactHome.POINTER)).exists();
    ModelRegistry reg = new ModelRegistry(tmp.resolve("reg"));
    assertThat(reg.push("recs", "m", home)).isEqualTo("v1");
    assertThat(tmp.resolve("reg/recs/m/v1/manifest.json")).exists();
  }

  @Test
  void pushRefusesATamperedOrIncompleteArtifactAndCopiesNothing() throws IOException {
    ModelRegistry reg = new ModelRegistry(tmp.resolve("reg"));
    Path a = ArtifactHome.resolve(trained(tmp.resolve("a"), "i1"));
    Path file = Files.list(a).filter(p -> !p.endsWith("manifest.json")).findFirst().orElseThrow();
    Files.writeString(file, "tampered", java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> reg.push("recs", "shop", a))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.getFileName().toString());
    Path b = ArtifactHome.resolve(trained(tmp.resolve("b"), "i1"));
    Files.delete(Files.list(b).filter(p -> !p.endsWith("manifest.json")).findFirst().orElseThrow());
    assertThatThrownBy(() -> reg.push("recs", "shop", b))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tmp.resolve("reg/recs/shop")).doesNotExist();
  }

  @Test
  void badInputNamesTheValueAndTheFix() throws IOException {
    ModelRegistry reg = new ModelRegistry(tmp.resolve("reg"));
    reg.push("recs", "shop", trained(tmp.resolve("a"), "i1"));
    assertThatThrownBy(() -> reg.promote("recs", "shop", "v7", "production"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 'v7' of recs/shop does not exist")
        .hasMessageContaining("[v1]");
    assertThatThrownBy(() -> reg.promote("recs", "shop", "v1", "Prod"))
        .hasMessageContaining("role 'Prod' is not valid");
    assertThatThrownBy(() -> reg.resolve("recs", "shop", "production"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no pointer for role 'production'");
    assertThatThrownBy(() -> reg.push("../x", "shop", tmp))
        .hasMessageContaining("model kind '../x' is not valid");
  }

  @Test
  void promoteReplacesThePointerAtomically() throws IOException {
    ModelRegistry reg = new ModelRegistry(tmp.resolve("reg"));
    reg.push("recs", "shop", trained(tmp.resolve("a"), "i1"));
    reg.push("recs", "shop", trained(tmp.resolve("b"), "i2"));
    for (int i = 0; i < 20; i++) {
      reg.promote("recs", "shop", i % 2 == 0 ? "v1" : "v2", "production");
    }
    try (var s = Files.list(tmp.resolve("reg/recs/shop"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("v1", "v2", "production", "production.history");
    }
    assertThat(reg.resolve("recs", "shop", "production")).isEqualTo("v2");
  }

  @Test
  void s3RoundTrip() throws IOException {
    S3TestServer server = S3TestServer.get();
    server.useFor();
    String bucket = server.newBucket("registry");
    ModelRegistry reg = new ModelRegistry(StoragePaths.resolve("s3://" + bucket + "/models"));
    assertThat(reg.push("recs", "shop", trained(tmp.resolve("a"), "i1"))).isEqualTo("v1");
    assertThat(reg.push("recs", "shop", trained(tmp.resolve("b"), "i2"))).isEqualTo("v2");
    reg.promote("recs", "shop", "v1", "production");
    reg.promote("recs", "shop", "v2", "production");
    assertThat(reg.resolve("recs", "shop", "production")).isEqualTo("v2");
    assertThat(reg.rollback("recs", "shop", "production")).isEqualTo("v1");
    assertThat(reg.list().get(0).roles()).isEqualTo(Map.of("production", "v1"));
    Recommender m = RecsModels.load(reg.directory("recs", "shop", "v2"));
    assertThat(m.name()).isEqualTo("popular");
  }
}
