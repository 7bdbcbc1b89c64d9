package dev.vitrina.core.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.artifact.Artifacts;
import dev.vitrina.core.artifact.InvalidArtifactException;
import dev.vitrina.core.io.csv.CsvOptions;
import dev.vitrina.core.io.csv.CsvWriter;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.core.storage.S3Errors;
import dev.vitrina.core.storage.StoragePaths;
import dev.vitrina.core.storage.Transfers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage paths, atomic writes, artifacts and transfers against S3Proxy on 127.0.0.1. */
class StorageS3Test {

  @TempDir Path tmp;

  private S3TestServer server;

  @BeforeEach
  void setUp() {
    server = S3TestServer.get();
    server.useFor();
  }

  private Path s3(String bucket, String key) {
    return StoragePaths.resolve("s3://" + bucket + "/" + key);
  }

  @Test
  void atomicWritesRoundTripAndNameTheObject() throws IOException {
    String b = server.newBucket("rt");
    Path p = s3(b, "reports/summary.txt");
    AtomicWrite.writeString(p, "first");
    AtomicWrite.writeString(p, "second");
    assertThat(Files.readString(p)).isEqualTo("second");
    assertThat(StoragePaths.display(p)).isEqualTo("s3://" + b + "/reports/summary.txt");
    assertThat(StoragePaths.display(p)).doesNotContain(S3TestServer.SECRET_KEY);
    try (CsvWriter w =
        CsvWriter.open(s3(b, "reports/t.csv"), CsvOptions.csv(), List.of("a", "b"))) {
      w.writeRow("1", "x,y");
    }
    assertThat(Files.readString(s3(b, "reports/t.csv"))).isEqualTo("a,b\n1,\"x,y\"\n");
    assertThat(server.bytes(b, "reports/t.csv"))
        .isEqualTo("a,b\n1,\"x,y\"\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Transfers.list(s3(b, "reports")))
        .extracting(Transfers.Entry::name)
        .containsExactly("summary.txt", "t.csv");
  }

  @Test
  void aFailedWriteLeavesTheOldObject() throws IOException {
    String b = server.newBucket("fail");
    Path p = s3(b, "x.txt");
    AtomicWrite.writeString(p, "old");
    assertThatThrownBy(
            () ->
                AtomicWrite.write(
                    p,
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(p)).isEqualTo("old");
    assertThat(Transfers.list(StoragePaths.resolve("s3://" + b + "/")))
        .extracting(Transfers.Entry::name)
        .containsExactly("x.txt");
  }

  @Test
  void artifactsKeepChecksumsOnS3AndAreVerifiedOnLoad() throws IOException {
    String b = server.newBucket("art");
    Path home = s3(b, "models/m");
    ArtifactHome.Published v1 =
        ArtifactHome.publish(
            home,
            "test",
            1,
            Map.of("k", 3),
            "fp",
            dir -> Files.writeString(dir.resolve("w.bin"), "weights"));
    ArtifactHome.publish(
        home,
        "test",
        1,
        Map.of("k", 4),
        "fp",
        dir -> Files.writeString(dir.resolve("w.bin"), "weights2"));
    Path resolved = ArtifactHome.resolve(StoragePaths.resolve("s3://" + b + "/models/m"));
    assertThat(StoragePaths.display(resolved)).endsWith("/models/m/v2");
    assertThat(Artifacts.load(resolved, "test", 1).parameters()).containsEntry("k", 4);
    assertThat(v1.version()).isEqualTo("v1");
    // a changed file is caught by its checksum
    AtomicWrite.writeString(s3(b, "models/m/v2/w.bin"), "tampered");
    assertThatThrownBy(() -> Artifacts.load(resolved, "test", 1))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("w.bin");
  }

  @Test
  void foldersCopyBothWaysAndListThousandsOfKeys() throws IOException {
    Path src = tmp.resolve("src");
    int n = 1050;
    for (int i = 0; i < n; i++) {
      Path f = src.resolve("part-" + (i % 3)).resolve("f" + i + ".txt");
      Files.createDirectories(f.getParent());
      Files.writeString(f, "row " + i + "\n");
    }
    String b = server.newBucket("many");
    Path dst = StoragePaths.resolve("s3://" + b + "/data/");
    Transfers.Options opts = new Transfers.Options(16, 2, Duration.ofMillis(10), false);
    Transfers.Summary up = Transfers.copy(src, dst, opts, Progress.silent());
    assertThat(up.files()).isEqualTo(n);
    List<Transfers.Entry> listed = Transfers.list(StoragePaths.resolve("s3://" + b + "/data"));
    assertThat(listed).hasSize(n);
    assertThat(listed).extracting(Transfers.Entry::name).contains("part-2/f1049.txt");
    Path back = tmp.resolve("back");
    Transfers.Summary down =
        Transfers.copy(
            StoragePaths.resolve("s3://" + b + "/data/part-1"), back, opts, Progress.silent());
    assertThat(down.files()).isEqualTo(n / 3);
    assertThat(Files.readString(back.resolve("f7.txt"))).isEqualTo("row 7\n");
    Transfers.Summary again =
        Transfers.copy(
            src.resolve("part-0"),
            StoragePaths.resolve("s3://" + b + "/data/part-0/"),
            new Transfers.Options(16, 2, Duration.ofMillis(10), true),
            Progress.silent());
    assertThat(again.files()).isZero();
    assertThat(again.skipped()).isEqualTo(n / 3);
  }

  @Test
  void retriesRecoverFromAFailingServerAndNothingHalfWrittenIsVisible() throws IOException {
    S3TestServer flaky = S3TestServer.flaky();
    String endpoint = flaky.endpoint();
    StoragePaths.useEndpoint(endpoint);
    try {
      Path src = tmp.resolve("src");
      Files.createDirectories(src);
      for (int i = 0; i < 30; i++) {
        Files.write(src.resolve("f" + i + ".bin"), new byte[20_000 + i]);
      }
      String b = flaky.newBucket("flaky");
      long before = flaky.failures();
      Transfers.Summary s =
          Transfers.copy(
              src,
              StoragePaths.resolve("s3://" + b + "/in/"),
              new Transfers.Options(4, 6, Duration.ofMillis(5), false),
              Progress.silent());
      assertThat(s.files()).isEqualTo(30);
      assertThat(flaky.failures()).isGreaterThan(before);
      for (int i = 0; i < 30; i++) {
        assertThat(flaky.bytes(b, "in/f" + i + ".bin")).hasSize(20_000 + i);
      }
      List<Transfers.Entry> all = Transfers.list(StoragePaths.resolve("s3://" + b + "/"));
      assertThat(all).hasSize(30);
      assertThat(all).allSatisfy(e -> assertThat(e.name()).doesNotContain(".tmp-"));
    } finally {
      server.useFor();
    }
  }

  @Test
  void aMissingBucketIsNamedWithTheSettingToFix() {
    Path p = s3("no-such-bucket-here", "sales.csv");
    assertThatThrownBy(
            () ->
                Transfers.copy(
                    p, tmp.resolve("x"), Transfers.Options.defaults(), Progress.silent()))
        .isInstanceOf(IOException.class);
    Throwable t =
        catchFailure(() -> Files.list(StoragePaths.resolve("s3://no-such-bucket-here/")).count());
    assertThat(S3Errors.kind(t)).isEqualTo(S3Errors.Kind.NO_SUCH_BUCKET);
    assertThat(S3Errors.describe(t, p))
        .contains("bucket 'no-such-bucket-here' does not exist at http://127.0.0.1:")
        .contains("--s3-endpoint");
  }

  @Test
  void badCredentialsAreNamedWithTheSettingToFix() throws IOException {
    String b = server.newBucket("creds");
    AtomicWrite.writeString(s3(b, "a.txt"), "a");
    System.setProperty("aws.accessKeyId", "wrong-key");
    System.setProperty("aws.secretAccessKey", "wrong-secret");
    try {
      // another spelling of the endpoint: a file system (and client) of its own
      StoragePaths.useEndpoint("localhost:" + server.endpoint().split(":")[1]);
      Path p = StoragePaths.resolve("s3://" + b + "/a.txt");
      Throwable t = catchFailure(() -> Files.readString(p));
      assertThat(S3Errors.kind(t)).isEqualTo(S3Errors.Kind.ACCESS);
      assertThat(S3Errors.describe(t, p))
          .contains("bucket '" + b + "'")
          .contains("AWS_ACCESS_KEY_ID")
          .doesNotContain("wrong-secret");
    } finally {
      server.useFor();
    }
  }

  private interface Failing {
    void run() throws Exception;
  }

  private static Throwable catchFailure(Failing f) {
    try {
      f.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("expected a failure");
  }
}
