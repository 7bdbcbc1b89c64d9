package dev.vitrina.cli.storage;

import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.core.storage.StoragePaths;
import dev.vitrina.core.storage.Transfers;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vitrina storage bench}: times folder transfers to and from an S3 server on loopback, one
 * file after another against {@code --parallel} at once.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark: upload and download many small files and a few large ones to and from a local",
      "S3 server (S3Proxy, filesystem backend, on 127.0.0.1), sequentially and in parallel.",
      "Writes the files under --dir; removes them at the end."
    })
final class TransferBenchCommand implements Callable<Integer> {

  @Option(names = "--dir", required = true, description = "Scratch folder (needs ~3x the data).")
  Path dir;

  @Option(
      names = "--small-files",
      defaultValue = "1000",
      description = "Default: ${DEFAULT-VALUE}.")
  int smallFiles;

  @Option(
      names = "--small-bytes",
      defaultValue = "100000",
      description = "Default: ${DEFAULT-VALUE}.")
  int smallBytes;

  @Option(names = "--large-files", defaultValue = "10", description = "Default: ${DEFAULT-VALUE}.")
  int largeFiles;

  @Option(
      names = "--large-bytes",
      defaultValue = "100000000",
      description = "Default: ${DEFAULT-VALUE}.")
  int largeBytes;

  @Option(names = "--parallel", defaultValue = "16", description = "Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--json", description = "Print the results as one JSON object.")
  boolean json;

  record Row(
      String files,
      String direction,
      int parallel,
      long count,
      long bytes,
      double seconds,
      double mbPerSecond) {}

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(dir);
    Path work = Files.createTempDirectory(dir, "bench-");
    List<Row> rows = new ArrayList<>();
    if (System.getProperty("aws.accessKeyId") == null
        && System.getenv("AWS_ACCESS_KEY_ID") == null) {
      System.setProperty("aws.accessKeyId", "local");
      System.setProperty("aws.secretAccessKey", "local");
    }
    try (LocalS3 s3 = new LocalS3(work.resolve("server"), 0)) {
      StoragePaths.useEndpoint(s3.endpoint());
      s3.createBucket("bench");
      Path small = write(work.resolve("small"), smallFiles, smallBytes, seed);
      Path large = write(work.resolve("large"), largeFiles, largeBytes, seed + 1);
      int run = 0;
      for (String name : List.of("small", "large")) {
        Path src = name.equals("small") ? small : large;
        for (int p : new int[] {1, parallel}) {
          run++;
          Path remote = StoragePaths.resolve("s3://bench/run" + run + "/");
          Transfers.Options o = new Transfers.Options(p, 4, Duration.ofMillis(200), false);
          Transfers.Summary up = Transfers.copy(src, remote, o, Progress.silent());
          rows.add(row(name, "upload", p, up));
          Path back = work.resolve("back" + run);
          Transfers.Summary down = Transfers.copy(remote, back, o, Progress.silent());
          rows.add(row(name, "download", p, down));
          AtomicWrite.deleteRecursively(back);
        }
      }
    } finally {
      AtomicWrite.deleteRecursively(work);
    }
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    if (json) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("rows", rows);
      r.put("load_average", load);
      r.put("cores", Runtime.getRuntime().availableProcessors());
      System.out.println(Json.write(r));
      return 0;
    }
    System.out.println(
        "| files | direction | in flight | files | MB | seconds | MB/s | speed-up |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      Row base = r.parallel() == 1 ? r : rows.get(i - 2);
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %d | %.0f | %.2f | %.1f | %.1fx |%n",
          r.files(),
          r.direction(),
          r.parallel(),
          r.count(),
          r.bytes() / 1e6,
          r.seconds(),
          r.mbPerSecond(),
          base.seconds() / r.seconds());
    }
    System.out.printf(
        Locale.ROOT,
        "load average %.2f on %d cores%n",
        load,
        Runtime.getRuntime().availableProcessors());
    return 0;
  }

  private static Row row(String files, String direction, int parallel, Transfers.Summary s) {
    return new Row(
        files, direction, parallel, s.files(), s.bytes(), s.seconds(), s.megabytesPerSecond());
  }

  private static Path write(Path folder, int count, int bytes, long seed) throws Exception {
    Files.createDirectories(folder);
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] buf = new byte[Math.min(bytes, 1 << 20)];
    for (int i = 0; i < count; i++) {
      try (OutputStream out =
          Files.newOutputStream(folder.resolve(String.format("f%05d.bin", i)))) {
        long left = bytes;
        while (left > 0) {
          for (int k = 0; k < buf.length; k += 8) {
            long v = rnd.nextLong();
            for (int j = 0; j < 8 && k + j < buf.length; j++) {
              buf[k + j] = (byte) (v >>> (8 * j));
            }
          }
          int n = (int) Math.min(left, buf.length);
          out.write(buf, 0, n);
          left -= n;
        }
      }
    }
    return folder;
  }
}
