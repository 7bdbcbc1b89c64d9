package dev.vitrina.bench.recs;

import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.als.IalsConfig;
import dev.vitrina.recs.als.IalsModel;
import dev.vitrina.recs.als.IalsTrainer;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.MovieLensReader;
import dev.vitrina.recs.eval.RankingMetrics;
import dev.vitrina.recs.eval.Split;
import dev.vitrina.recs.eval.Splitters;
import dev.vitrina.recs.model.BatchRecommendations;
import dev.vitrina.recs.model.RecommendOptions;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bridge to the {@code implicit} peer (bench/python/implicit_als.py): writes interactions in a
 * small binary layout both sides read, and scores the peer's top-10 lists with vitrina's own nDCG.
 *
 * <p>Layout of an interactions file (little endian): int32 users, int32 items, int64 n, then n
 * int32 user indexes and n int32 item indexes. A recommendations file: int32 users, int32 k, then
 * users x k int32 item indexes, -1 where a list is shorter.
 *
 * <p>Commands: {@code synthetic OUT [--users .. --items .. --mean-per-user .. --seed ..]} writes
 * the AlsBench interactions; {@code quality ML100K_DIR WORK_DIR PYTHON SCRIPT FACTORS ITERATIONS
 * REG ALPHA THREADS [PEER_NAME]} splits MovieLens 100K 75/25 by user (seed 42), trains vitrina iALS
 * and the peer on the same training rows with the same parameters, and prints nDCG@10 of both on
 * the test rows.
 */
public final class AlsPeer {

  private AlsPeer() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("synthetic")) {
      Map<String, String> a = new LinkedHashMap<>();
      for (int i = 2; i + 1 < args.length; i += 2) {
        a.put(args[i].substring(2), args[i + 1]);
      }
      AlsBench.Shape shape =
          new AlsBench.Shape(
              Integer.parseInt(a.getOrDefault("users", "138493")),
              Integer.parseInt(a.getOrDefault("items", "20000")),
              Double.parseDouble(a.getOrDefault("mean-per-user", "72")),
              Long.parseLong(a.getOrDefault("seed", "42")));
      Interactions data = AlsBench.generate(shape);
      writeInteractions(data, Path.of(args[1]));
      System.err.printf(Locale.ROOT, "wrote %,d interactions to %s%n", data.size(), args[1]);
      return;
    }
    if ((args.length == 10 || args.length == 11) && args[0].equals("quality")) {
      quality(args);
      return;
    }
    System.err.println(
        "usage: AlsPeer synthetic OUT [--users N ...] | AlsPeer quality ML100K_DIR WORK_DIR PYTHON"
            + " SCRIPT FACTORS ITERATIONS REG ALPHA THREADS [PEER_NAME]");
    System.exit(2);
  }

  static void quality(String[] args) throws Exception {
    Path data = Path.of(args[1]);
    Path work = Path.of(args[2]);
    String python = args[3];
    String script = args[4];
    int factors = Integer.parseInt(args[5]);
    int iterations = Integer.parseInt(args[6]);
    double reg = Double.parseDouble(args[7]);
    double alpha = Double.parseDouble(args[8]);
    int threads = Integer.parseInt(args[9]);
    Files.createDirectories(work);
    Interactions all = MovieLensReader.read(data);
    Split split = Splitters.randomByUser(all, 0.75, 42);
    Path trainFile = work.resolve("ml100k-train.bin");
    Path recsFile = work.resolve("ml100k-implicit-recs.bin");
    writeInteractions(split.train(), trainFile);
    IalsConfig config =
        IalsConfig.defaults()
            .withFactors(factors)
            .withIterations(iterations)
            .withCgSteps(3)
            .withRegularization(reg)
            .withAlpha(alpha)
            .withSeed(42)
            .withThreads(threads);
    IalsModel model = new IalsTrainer(config).fit(split.train(), Progress.silent());
    BatchRecommendations recs = model.recommendAll(10, RecommendOptions.defaults());
    int[] mine = new int[all.numUsers() * 10];
    Arrays.fill(mine, -1);
    for (int u = 0; u < all.numUsers(); u++) {
      for (int j = 0; j < recs.count(u); j++) {
        mine[u * 10 + j] = recs.item(u, j);
      }
    }
    List<String> cmd =
        List.of(
            python,
            script,
            "quality",
            trainFile.toString(),
            recsFile.toString(),
            Integer.toString(factors),
            Integer.toString(iterations),
            Double.toString(reg),
            Double.toString(alpha),
            Integer.toString(threads));
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("implicit peer failed: " + String.join(" ", cmd));
    }
    int[] theirs = readRecs(recsFile, all.numUsers());
    int[][] truth = truth(split.test(), all.numUsers());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("data", "MovieLens 100K, random-by-user 0.75, seed 42");
    out.put("factors", factors);
    out.put("iterations", iterations);
    out.put("regularization", reg);
    out.put("alpha", alpha);
    out.put("cg_steps", 3);
    out.put("test_users", Arrays.stream(truth).filter(t -> t.length > 0).count());
    out.put("ndcg10_vitrina", meanNdcg(mine, truth));
    out.put("ndcg10_" + (args.length == 11 ? args[10] : "implicit"), meanNdcg(theirs, truth));
    System.out.println(Json.write(out));
  }

  static int[][] truth(Interactions test, int users) {
    List<List<Integer>> lists = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      lists.add(new ArrayList<>());
    }
    for (int r = 0; r < test.size(); r++) {
      lists.get(test.userIndex(r)).add(test.itemIndex(r));
    }
    int[][] t = new int[users][];
    for (int u = 0; u < users; u++) {
      t[u] = lists.get(u).stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }
    return t;
  }

  static double meanNdcg(int[] recs, int[][] truth) {
    double sum = 0;
    int n = 0;
    for (int u = 0; u < truth.length; u++) {
      if (truth[u].length == 0) {
        continue;
      }
      int len = 0;
      while (len < 10 && recs[u * 10 + len] >= 0) {
        len++;
      }
      sum += RankingMetrics.ndcg(recs, u * 10, len, truth[u], 10);
      n++;
    }
    return sum / n;
  }

  static void writeInteractions(Interactions d, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 20))) {
      ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      b.putInt(d.numUsers()).putInt(d.numItems()).putLong(d.size());
      out.write(b.array());
      ByteBuffer chunk = ByteBuffer.allocate(4 << 16).order(ByteOrder.LITTLE_ENDIAN);
      for (int pass = 0; pass < 2; pass++) {
        for (int r = 0; r < d.size(); r++) {
          chunk.putInt(pass == 0 ? d.userIndex(r) : d.itemIndex(r));
          if (!chunk.hasRemaining()) {
            out.write(chunk.array(), 0, chunk.position());
            chunk.clear();
          }
        }
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
      }
    }
  }

  static int[] readRecs(Path file, int users) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int n = b.getInt();
    int k = b.getInt();
    if (n != users || k != 10) {
      throw new IOException(
          file + ": expected " + users + " users x 10, got " + n + " x " + k + "; rerun the peer");
    }
    int[] r = new int[n * k];
    b.asIntBuffer().get(r);
    return r;
  }
}
