package dev.vitrina.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.storage.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {

  private static final String FORMAT = "vitrina.test";

  @TempDir Path tmp;

  /** An artifact with {@code a.bin = "abc"} and {@code sub/b.txt = "hello"}. */
  private Path saved() throws IOException {
    Path dir = tmp.resolve("model");
    Artifacts.save(
        dir,
        FORMAT,
        2,
        Map.of("k", 3, "list", java.util.List.of(1, 2)),
        "fp",
        d -> {
          Files.writeString(d.resolve("a.bin"), "abc");
          Files.createDirectories(d.resolve("sub"));
          Files.writeString(d.resolve("sub").resolve("b.txt"), "hello");
        });
    return dir;
  }

  private Path manifest(Path dir) {
    return dir.resolve(ArtifactManifest.FILE_NAME);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String s = Files.readString(file);
    assertThat(s).contains(from);
    Files.writeString(file, s.replace(from, to));
  }

  @Test
  void roundTripListsEveryFileWithItsChecksum() throws IOException {
    Path dir = saved();
    ArtifactManifest m = Artifacts.load(dir, FORMAT, 2);
    // SHA-256("abc") and SHA-256("hello")
    assertThat(m.files())
        .containsExactly(
            Map.entry("a.bin", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            Map.entry(
                "sub/b.txt", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"));
    assertThat(m.parameters()).containsEntry("k", 3).containsEntry("list", java.util.List.of(1, 2));
    assertThat(m.dataFingerprint()).isEqualTo("fp");
    assertThat(m.formatVersion()).isEqualTo(2);
  }

  @Test
  void aFileWhoseManifestEntryWasLostIsRejected() throws IOException {
    Path dir = saved();
    // drop the entry of sub/b.txt from the manifest
    String s = Files.readString(manifest(dir));
    Files.writeString(
        manifest(dir),
        s.replaceAll(",\\s*\"sub/b.txt\" : \"[0-9a-f]+\"", "")); // pretty printer: "name" : "sum"
    assertThat(Files.readString(manifest(dir))).doesNotContain("sub/b.txt");
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("sub/b.txt not listed in")
        .hasMessageContaining("retrain, or re-save");
  }

  @Test
  void anAddedFileIsRejected() throws IOException {
    Path dir = saved();
    Files.writeString(dir.resolve("extra.txt"), "x");
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds file extra.txt not listed in " + manifest(dir));
  }

  @Test
  void aListedButMissingFileIsRejected() throws IOException {
    Path dir = saved();
    Files.delete(dir.resolve("sub").resolve("b.txt"));
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("artifact " + dir + " is missing file sub/b.txt listed in")
        .hasMessageContaining("retrain, or re-save the model to " + dir)
        .satisfies(
            e ->
                assertThat(((InvalidArtifactException) e).file())
                    .isEqualTo(dir.resolve("sub/b.txt")));
  }

  @Test
  void aChecksumMismatchIsRejected() throws IOException {
    Path dir = saved();
    Files.writeString(dir.resolve("a.bin"), "abd");
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum mismatch for a.bin")
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("retrain, or re-save");
  }

  @Test
  void temporariesOfAnInterruptedWriteInsideTheArtifactAreIgnored() throws IOException {
    Path dir = saved();
    Files.writeString(dir.resolve(".a.bin.tmp-123-abc"), "partial");
    Files.createDirectories(dir.resolve("sub").resolve(".c.tmp-77-x1").resolve("deep"));
    Files.writeString(dir.resolve("sub").resolve(".c.tmp-77-x1").resolve("deep").resolve("f"), "");
    assertThat(Artifacts.load(dir, FORMAT, 2).files()).containsOnlyKeys("a.bin", "sub/b.txt");
    // a hidden file that is not a temporary name still counts
    Files.writeString(dir.resolve(".notes"), "x");
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("holds file .notes not listed");
  }

  @Test
  void saveDropsTemporariesItsBodyLeftBehind() throws IOException {
    Path dir = tmp.resolve("m");
    ArtifactManifest m =
        Artifacts.save(
            dir,
            FORMAT,
            1,
            Map.of(),
            "",
            d -> {
              Files.writeString(d.resolve("x"), "1");
              Files.writeString(d.resolve(".x.tmp-5-abc"), "junk");
            });
    assertThat(m.files()).containsOnlyKeys("x");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("x", "manifest.json");
    }
  }

  @Test
  void aTruncatedManifestNamesItsPathAndTheFix() throws IOException {
    Path dir = saved();
    String s = Files.readString(manifest(dir));
    Files.writeString(manifest(dir), s.substring(0, s.length() / 2));
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid artifact manifest " + manifest(dir))
        .hasMessageContaining("is not valid JSON (line ")
        .hasMessageContaining("retrain, or re-save the model to " + dir);
  }

  @Test
  void invalidManifestsNameTheProblem() throws IOException {
    Path dir = saved();
    Path mf = manifest(dir);
    String good = Files.readString(mf);

    Files.writeString(mf, "");
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("invalid artifact manifest " + mf + ": it is empty");

    Files.write(mf, new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'});
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("is not valid JSON");

    Files.writeString(mf, "[1, 2]");
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("it must hold a JSON object, found array");

    Files.writeString(mf, good.replace("\"files\"", "\"filez\""));
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("it has unknown field 'filez'");

    Files.writeString(mf, good.replaceAll("\"format\" : \"[^\"]*\",", ""));
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining(mf + ": it is missing field 'format'");

    Files.writeString(mf, good.replace("\"formatVersion\" : 2", "\"formatVersion\" : \"2\""));
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("field 'formatVersion' must be an integer >= 1, got string \"2\"");

    Files.writeString(mf, good.replace("\"formatVersion\" : 2", "\"formatVersion\" : 0"));
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("field 'formatVersion' must be an integer >= 1, got number 0");

    Files.writeString(mf, good.replace("\"a.bin\"", "\"../a.bin\""));
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("field 'files' lists '../a.bin', which is not a plain relative path");

    Files.writeString(mf, good.replace("\"ba7816bf", "\"zz7816bf"));
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 2))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("for 'a.bin', not a SHA-256");
  }

  @Test
  void anUnexpectedFormatOrVersionNamesTheManifest() throws IOException {
    Path dir = saved();
    assertThatThrownBy(() -> Artifacts.load(dir, "vitrina.other", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has format 'vitrina.test' (" + manifest(dir) + ")")
        .hasMessageContaining("this loader reads 'vitrina.other'");
    assertThatThrownBy(() -> Artifacts.load(dir, FORMAT, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has format 'vitrina.test' version 2 (" + manifest(dir) + ")")
        .hasMessageContaining("reads versions 1 to 1; upgrade vitrina");
  }

  @Test
  void aMissingDirectoryOrManifestIsInvalidInput() throws IOException {
    Path none = tmp.resolve("none");
    assertThatThrownBy(() -> Artifacts.load(none, FORMAT, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no artifact at " + none + ": the directory does not exist");
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    assertThatThrownBy(() -> Artifacts.load(empty, FORMAT, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a vitrina artifact: " + empty + " has no manifest.json");
  }

  @Test
  void anArtifactIsNeverReplacedNorAForeignDirectoryOverwritten() throws IOException {
    Path dir = saved();
    assertThatThrownBy(
            () ->
                Artifacts.save(
                    dir, FORMAT, 1, Map.of(), "", d -> Files.writeString(d.resolve("y"), "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("artifacts are immutable");
    assertThat(Artifacts.load(dir, FORMAT, 2).files()).containsOnlyKeys("a.bin", "sub/b.txt");
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("model");
    }

    Path data = Files.createDirectory(tmp.resolve("data"));
    Files.writeString(data.resolve("sales.csv"), "a,b\n", StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                Artifacts.save(
                    data, FORMAT, 1, Map.of(), "", d -> Files.writeString(d.resolve("y"), "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing to save an artifact to " + data);
    assertThat(data.resolve("sales.csv")).exists();
  }

  @Test
  void aSaveThatFailsLeavesNoTargetAndNoTemporary() throws IOException {
    Path dir = tmp.resolve("model");
    assertThatThrownBy(
            () ->
                Artifacts.save(
                    dir,
                    FORMAT,
                    2,
                    Map.of(),
                    "",
                    d -> {
                      Files.writeString(d.resolve("a.bin"), "new");
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    try (var s = Files.list(tmp)) {
      assertThat(s).isEmpty();
    }
    assertThat(AtomicWrite.isTempName(".model.tmp-1-a")).isTrue();
  }
}
