package dev.vitrina.cli.recs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.cli.VitrinaCli;
import dev.vitrina.cli.VitrinaCli.Captured;
import dev.vitrina.core.artifact.ArtifactHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged model artifact is bad input: exit code 2, a message naming the file, no stack trace.
 */
class ModelArtifactErrorsTest {

  @TempDir static Path tmp;

  static Path csv;

  @BeforeAll
  static void data() throws Exception {
    csv = Files.writeString(tmp.resolve("small.csv"), "user_id,item_id\nu1,a\nu1,b\nu2,a\n");
  }

  private static Path train(String name) {
    Path model = tmp.resolve(name);
    Captured t =
        VitrinaCli.capture(
            "recs",
            "train",
            "--data",
            csv.toString(),
            "--model",
            "popular",
            "--out",
            model.toString(),
            "--json");
    assertThat(t.code()).as(t.err()).isZero();
    return model;
  }

  private static Captured recommend(Path model) {
    return VitrinaCli.capture("recs", "recommend", "--model", model.toString(), "--user", "u1");
  }

  @Test
  void aTruncatedManifestExitsWithTwo() throws Exception {
    Path model = train("truncated");
    Path manifest = ArtifactHome.resolve(model).resolve("manifest.json");
    String s = Files.readString(manifest);
    Files.writeString(manifest, s.substring(0, s.length() / 3));
    Captured r = recommend(model);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains("invalid artifact manifest " + manifest)
        .contains("not valid JSON")
        .doesNotContain("\tat ");
  }

  @Test
  void aFileMissingFromTheManifestExitsWithTwo() throws Exception {
    Path model = train("unlisted");
    Files.writeString(ArtifactHome.resolve(model).resolve("stray.bin"), "x");
    Captured r = recommend(model);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("stray.bin not listed in").doesNotContain("\tat ");
  }

  @Test
  void aCorruptFileExitsWithTwo() throws Exception {
    Path model = train("corrupt");
    Files.writeString(ArtifactHome.resolve(model).resolve("items.ids"), "garbage");
    Captured r = recommend(model);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("checksum mismatch for items.ids").doesNotContain("\tat ");
  }
}
