package dev.vitrina.cli.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.cli.VitrinaCli;
import dev.vitrina.core.storage.s3.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code storage} commands and a real pipeline reading and writing s3:// on S3Proxy. */
class StorageCommandTest {

  @TempDir Path tmp;

  private S3TestServer server;
  private String endpoint;

  @BeforeEach
  void setUp() {
    server = S3TestServer.get();
    endpoint = server.useFor();
  }

  @Test
  void cpLsAndSyncCopyFoldersBothWays() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src.resolve("a"));
    Files.writeString(src.resolve("a/x.csv"), "1,2\n");
    Files.writeString(src.resolve("y.txt"), "hello");
    String b = server.newBucket("cli");
    VitrinaCli.Captured cp =
        VitrinaCli.capture(
            "storage",
            "cp",
            src.toString(),
            "s3://" + b + "/in/",
            "--parallel",
            "4",
            "--s3-endpoint",
            endpoint);
    assertThat(cp.code()).as(cp.err()).isZero();
    assertThat(cp.out()).contains("2 files, 9 B copied");
    assertThat(server.bytes(b, "in/a/x.csv")).isEqualTo("1,2\n".getBytes());
    VitrinaCli.Captured ls =
        VitrinaCli.capture("--s3-endpoint", endpoint, "storage", "ls", "s3://" + b + "/in");
    assertThat(ls.code()).as(ls.err()).isZero();
    assertThat(ls.out())
        .contains("a/x.csv")
        .contains("y.txt")
        .contains("2 files, 9 B in s3://" + b + "/in/");
    VitrinaCli.Captured sync =
        VitrinaCli.capture(
            "storage", "sync", src.toString(), "s3://" + b + "/in/", "--s3-endpoint", endpoint);
    assertThat(sync.out()).contains("0 files").contains("2 unchanged, skipped");
    Path back = tmp.resolve("back");
    VitrinaCli.Captured down =
        VitrinaCli.capture(
            "storage", "cp", "s3://" + b + "/in", back.toString(), "--s3-endpoint", endpoint);
    assertThat(down.code()).as(down.err()).isZero();
    assertThat(Files.readString(back.resolve("a/x.csv"))).isEqualTo("1,2\n");
  }

  @Test
  void aMissingBucketIsAnInputErrorNamingTheBucket() {
    VitrinaCli.Captured r =
        VitrinaCli.capture("storage", "ls", "s3://no-such-bucket-cli/x", "--s3-endpoint", endpoint);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bucket 'no-such-bucket-cli' does not exist at http://127.0.0.1:");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void aBadEndpointIsAUsageError() {
    VitrinaCli.Captured r = VitrinaCli.capture("storage", "ls", "x", "--s3-endpoint", "ftp://a b");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is not an S3 endpoint");
  }

  @Test
  void generateAndFeaturesReadAndWriteS3() throws Exception {
    String b = server.newBucket("pipe");
    VitrinaCli.Captured gen =
        VitrinaCli.capture(
            "--s3-endpoint",
            endpoint,
            "generate",
            "--preset",
            "tiny",
            "--seed",
            "4",
            "--out",
            "s3://" + b + "/tiny",
            "--json");
    assertThat(gen.code()).as(gen.err()).isZero();
    VitrinaCli.Captured feat =
        VitrinaCli.capture(
            "--s3-endpoint",
            endpoint,
            "features",
            "--data",
            "s3://" + b + "/tiny",
            "--out",
            "s3://" + b + "/features.parquet",
            "--json");
    assertThat(feat.code()).as(feat.err()).isZero();
    // the same run on local copies gives the same bytes
    Path local = tmp.resolve("tiny");
    assertThat(
            VitrinaCli.capture(
                    "generate",
                    "--preset",
                    "tiny",
                    "--seed",
                    "4",
                    "--out",
                    local.toString(),
                    "--json")
                .code())
        .isZero();
    Path out = tmp.resolve("features.parquet");
    assertThat(
            VitrinaCli.capture(
                    "features", "--data", local.toString(), "--out", out.toString(), "--json")
                .code())
        .isZero();
    assertThat(server.bytes(b, "features.parquet")).isEqualTo(Files.readAllBytes(out));
  }
}
