package dev.vitrina.cli.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vitrina storage serve-local}: an S3 server on loopback for trying s3:// paths. */
@Command(
    name = "serve-local",
    mixinStandardHelpOptions = true,
    description = {
      "Run an S3 server on 127.0.0.1 that keeps objects as files under --dir (one folder per",
      "bucket), until stopped with Ctrl-C. It accepts any credentials and listens on loopback",
      "only. Point other commands at it with --s3-endpoint http://127.0.0.1:PORT."
    })
final class ServeLocalCommand implements Callable<Integer> {

  @Option(names = "--dir", required = true, description = "Folder that holds the buckets.")
  Path dir;

  @Option(
      names = "--port",
      defaultValue = "9000",
      description = "TCP port on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--bucket",
      defaultValue = "vitrina",
      split = ",",
      description = "Buckets to create if missing. Default: ${DEFAULT-VALUE}.")
  List<String> buckets;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--port must be 1 to 65535, got " + port);
    }
    try (LocalS3 s3 = new LocalS3(dir, port)) {
      for (String b : buckets) {
        s3.createBucket(b);
      }
      System.out.println(
          "S3 server on " + s3.endpoint() + ", objects under " + dir.toAbsolutePath());
      System.out.println("buckets: " + String.join(", ", buckets));
      System.out.println("in another shell (any key works with this server):");
      System.out.println("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local");
      System.out.println(
          "  ./vitrina storage cp data/ s3://"
              + buckets.get(0)
              + "/data/ --s3-endpoint "
              + s3.endpoint());
      System.out.println("Ctrl-C stops it.");
      Thread.currentThread().join();
    }
    return 0;
  }
}
