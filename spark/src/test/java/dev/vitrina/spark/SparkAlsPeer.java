package dev.vitrina.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Spark MLlib's implicit ALS as a benchmark peer of vitrina's iALS (a benchmark command, not a
 * test; run by {@code scripts/bench-spark-als.sh}). It reads the interaction files of the bench
 * module's {@code AlsPeer} (little endian: int32 users, int32 items, int64 n, n user indexes, n
 * item indexes) and writes top-10 lists in its layout (int32 users, int32 k = 10, users x 10 item
 * indexes, -1 where shorter), so both sides train on the same rows and are scored by the same code.
 *
 * <p>{@code quality TRAIN RECS FACTORS ITERATIONS REG ALPHA THREADS}: fits on TRAIN, writes the
 * top-10 of every user without their training items to RECS. {@code speed DATA ITERATIONS THREADS
 * FACTORS}: fits with 1 and with ITERATIONS iterations in {@code local[THREADS]} and prints the
 * seconds of each fit and the seconds per iteration, {@code (t(N) - t(1)) / (N - 1)}.
 */
public final class SparkAlsPeer {

  private SparkAlsPeer() {}

  record Pairs(int users, int items, int[] user, int[] item) {}

  public static void main(String[] args) throws Exception {
    if (args.length == 8 && args[0].equals("quality")) {
      quality(args);
    } else if (args.length == 5 && args[0].equals("speed")) {
      speed(args);
    } else {
      System.err.println(
          "usage: SparkAlsPeer quality TRAIN RECS FACTORS ITERATIONS REG ALPHA THREADS"
              + " | SparkAlsPeer speed DATA ITERATIONS THREADS FACTORS");
      System.exit(2);
    }
  }

  static Pairs read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(head, 0);
      head.flip();
      int users = head.getInt();
      int items = head.getInt();
      int n = Math.toIntExact(head.getLong());
      int[] u = new int[n];
      int[] it = new int[n];
      ByteBuffer body =
          ch.map(FileChannel.MapMode.READ_ONLY, 16, 8L * n).order(ByteOrder.LITTLE_ENDIAN);
      body.asIntBuffer().get(u);
      body.position(4 * n);
      body.slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(it);
      return new Pairs(users, items, u, it);
    }
  }

  static SparkSession session(int threads) {
    return SparkSession.builder()
        .master("local[" + threads + "]")
        .appName("vitrina-als-peer")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", Integer.toString(2 * threads))
        .getOrCreate();
  }

  /** The pairs as a cached (user, item, rating = 1) frame, built on the executors. */
  static Dataset<Row> frame(SparkSession spark, Pairs p, int partitions) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<int[]> u = jsc.broadcast(p.user());
    Broadcast<int[]> it = jsc.broadcast(p.item());
    Dataset<Row> df =
        spark
            .range(0, p.user().length, 1, partitions)
            .map(
                (MapFunction<Long, Tuple2<Integer, Integer>>)
                    i -> new Tuple2<>(u.value()[i.intValue()], it.value()[i.intValue()]),
                Encoders.tuple(Encoders.INT(), Encoders.INT()))
            .toDF("user", "item")
            .withColumn("rating", org.apache.spark.sql.functions.lit(1.0f));
    df = df.persist(StorageLevel.MEMORY_ONLY());
    df.count();
    return df;
  }

  static ALS als(int factors, int iterations, double reg, double alpha, int blocks) {
    return new ALS()
        .setImplicitPrefs(true)
        .setRank(factors)
        .setMaxIter(iterations)
        .setRegParam(reg)
        .setAlpha(alpha)
        .setSeed(42)
        .setNumBlocks(blocks)
        .setUserCol("user")
        .setItemCol("item")
        .setRatingCol("rating")
        .setIntermediateStorageLevel("MEMORY_ONLY")
        .setFinalStorageLevel("MEMORY_ONLY");
  }

  static void quality(String[] a) throws IOException {
    Pairs train = read(Path.of(a[1]));
    int factors = Integer.parseInt(a[3]);
    int iterations = Integer.parseInt(a[4]);
    double reg = Double.parseDouble(a[5]);
    double alpha = Double.parseDouble(a[6]);
    int threads = Integer.parseInt(a[7]);
    SparkSession spark = session(threads);
    try {
      Dataset<Row> df = frame(spark, train, 2 * threads);
      ALSModel m = als(factors, iterations, reg, alpha, 2 * threads).fit(df);
      float[][] uf = factorsOf(m.userFactors(), train.users(), factors);
      float[][] vf = factorsOf(m.itemFactors(), train.items(), factors);
      BitSet[] seen = new BitSet[train.users()];
      for (int x = 0; x < train.users(); x++) {
        seen[x] = new BitSet(train.items());
      }
      for (int r = 0; r < train.user().length; r++) {
        seen[train.user()[r]].set(train.item()[r]);
      }
      ByteBuffer out = ByteBuffer.allocate(8 + 40 * train.users()).order(ByteOrder.LITTLE_ENDIAN);
      out.putInt(train.users()).putInt(10);
      for (int x = 0; x < train.users(); x++) {
        int[] top = top10(uf[x], vf, seen[x]);
        for (int j = 0; j < 10; j++) {
          out.putInt(top[j]);
        }
      }
      Files.write(Path.of(a[2]), out.array());
    } finally {
      spark.stop();
    }
  }

  /** Factor rows by id; a user or item MLlib never saw keeps a zero row. */
  static float[][] factorsOf(Dataset<Row> f, int n, int rank) {
    float[][] out = new float[n][rank];
    List<Row> rows = f.collectAsList();
    for (Row r : rows) {
      List<Float> v = r.getList(1);
      float[] row = out[r.getInt(0)];
      for (int d = 0; d < rank; d++) {
        row[d] = v.get(d);
      }
    }
    return out;
  }

  /** The 10 best unseen items by dot product, ties by lower index; -1 pads a short list. */
  static int[] top10(float[] u, float[][] items, BitSet seen) {
    int[] best = new int[10];
    double[] score = new double[10];
    Arrays.fill(best, -1);
    Arrays.fill(score, Double.NEGATIVE_INFINITY);
    boolean zero = true;
    for (float x : u) {
      zero &= x == 0f;
    }
    if (zero) {
      return best; // no factors: no list (scored as a miss)
    }
    for (int i = 0; i < items.length; i++) {
      if (seen.get(i)) {
        continue;
      }
      double s = 0;
      for (int d = 0; d < u.length; d++) {
        s += (double) u[d] * items[i][d];
      }
      if (s > score[9]) {
        int j = 9;
        while (j > 0 && s > score[j - 1]) {
          score[j] = score[j - 1];
          best[j] = best[j - 1];
          j--;
        }
        score[j] = s;
        best[j] = i;
      }
    }
    return best;
  }

  static void speed(String[] a) throws IOException {
    Pairs data = read(Path.of(a[1]));
    int iterations = Integer.parseInt(a[2]);
    int threads = Integer.parseInt(a[3]);
    int factors = Integer.parseInt(a[4]);
    SparkSession spark = session(threads);
    try {
      long t0 = System.nanoTime();
      Dataset<Row> df = frame(spark, data, 2 * threads);
      double load = (System.nanoTime() - t0) / 1e9;
      double one = fitSeconds(df, factors, 1, threads);
      double many = fitSeconds(df, factors, iterations, threads);
      System.out.printf(
          Locale.ROOT,
          "spark-mllib %s: %,d pairs, %d factors, local[%d]: frame %.1f s; fit 1 iteration %.1f s,"
              + " %d iterations %.1f s; %.3f s/iteration%n",
          org.apache.spark.package$.MODULE$.SPARK_VERSION(),
          data.user().length,
          factors,
          threads,
          load,
          one,
          iterations,
          many,
          (many - one) / (iterations - 1));
    } finally {
      spark.stop();
    }
  }

  static double fitSeconds(Dataset<Row> df, int factors, int iterations, int threads) {
    long t = System.nanoTime();
    ALSModel m = als(factors, iterations, 0.01, 1.0, 2 * threads).fit(df);
    m.userFactors().count(); // the factors are materialised
    m.itemFactors().count();
    return (System.nanoTime() - t) / 1e9;
  }
}
