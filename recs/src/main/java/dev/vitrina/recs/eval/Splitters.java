package dev.vitrina.recs.eval;

import dev.vitrina.recs.data.Interactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Train/test splitters. All are deterministic (seeded where random), linear in the rows, and keep
 * the parent's id indexes. Rows are never lost: every row lands in exactly one side.
 */
public final class Splitters {

  private Splitters() {}

  /**
   * Random holdout stratified by user (the Microsoft Recommenders {@code python_stratified_split}
   * protocol): each user's rows are shuffled with the seed and the first {@code round(ratio * n)}
   * go to train, the rest to test. A user with one row keeps it in train when {@code ratio >= 0.5}.
   */
  public static Split randomByUser(Interactions data, double trainRatio, long seed) {
    checkRatio(trainRatio);
    Interactions.RowsByUser byUser = data.rowsByUser();
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] train = new int[data.size()];
    int[] test = new int[data.size()];
    int nTrain = 0;
    int nTest = 0;
    for (int u = 0; u < data.numUsers(); u++) {
      int from = byUser.offsets()[u];
      int n = byUser.count(u);
      int[] rows = Arrays.copyOfRange(byUser.rows(), from, from + n);
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
      }
      int cut = (int) Math.round(trainRatio * n);
      for (int i = 0; i < n; i++) {
        if (i < cut) {
          train[nTrain++] = rows[i];
        } else {
          test[nTest++] = rows[i];
        }
      }
    }
    return make(
        data,
        train,
        nTrain,
        test,
        nTest,
        String.format(Locale.ROOT, "random-by-user:%s seed=%d", trainRatio, seed));
  }

  /**
   * Per-user last-N (leave-one-out for {@code n = 1}): each user's {@code n} latest rows go to test
   * when the user has more than {@code n} rows; users with {@code n} rows or fewer stay in train.
   * Needs timestamps (ties keep input order).
   */
  public static Split lastN(Interactions data, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("last-n needs n >= 1, got " + n + "; e.g. last-n:1");
    }
    requireTime(data, "last-n");
    Interactions.RowsByUser byUser = data.rowsByUser();
    int[] train = new int[data.size()];
    int[] test = new int[data.size()];
    int nTrain = 0;
    int nTest = 0;
    for (int u = 0; u < data.numUsers(); u++) {
      int from = byUser.offsets()[u];
      int c = byUser.count(u);
      int cut = c > n ? c - n : c;
      for (int i = 0; i < c; i++) {
        int r = byUser.rows()[from + i];
        if (i < cut) {
          train[nTrain++] = r;
        } else {
          test[nTest++] = r;
        }
      }
    }
    return make(data, train, nTrain, test, nTest, "last-n:" + n);
  }

  /**
   * Global time split: rows before the {@code trainFraction} quantile of timestamps go to train,
   * the rest to test (users and items new in the test period are cold).
   */
  public static Split globalTime(Interactions data, double trainFraction) {
    checkRatio(trainFraction);
    requireTime(data, "time");
    long[] t = new long[data.size()];
    for (int r = 0; r < t.length; r++) {
      t[r] = data.timestamp(r);
    }
    long[] sorted = t.clone();
    Arrays.sort(sorted);
    long cutoff =
        sorted[Math.min(sorted.length - 1, (int) Math.floor(trainFraction * sorted.length))];
    return globalTimeAt(data, cutoff, "time:" + trainFraction);
  }

  /** Global time split at {@code cutoffMillis}: rows strictly before it train, the rest test. */
  public static Split globalTimeAt(Interactions data, long cutoffMillis, String description) {
    requireTime(data, "time");
    int[] train = new int[data.size()];
    int[] test = new int[data.size()];
    int nTrain = 0;
    int nTest = 0;
    for (int r = 0; r < data.size(); r++) {
      if (data.timestamp(r) < cutoffMillis) {
        train[nTrain++] = r;
      } else {
        test[nTest++] = r;
      }
    }
    return make(
        data,
        train,
        nTrain,
        test,
        nTest,
        description + " cutoff=" + java.time.Instant.ofEpochMilli(cutoffMillis));
  }

  /**
   * K-fold cross-validation stratified by user: each user's rows are shuffled with the seed and
   * dealt round-robin into {@code k} folds; split {@code f} tests on fold {@code f}.
   */
  public static List<Split> kFold(Interactions data, int k, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("kfold needs k >= 2, got " + k + "; e.g. kfold:5");
    }
    Interactions.RowsByUser byUser = data.rowsByUser();
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] fold = new int[data.size()];
    for (int u = 0; u < data.numUsers(); u++) {
      int from = byUser.offsets()[u];
      int n = byUser.count(u);
      int[] rows = Arrays.copyOfRange(byUser.rows(), from, from + n);
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
      }
      for (int i = 0; i < n; i++) {
        fold[rows[i]] = i % k;
      }
    }
    List<Split> out = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      int[] train = new int[data.size()];
      int[] test = new int[data.size()];
      int nTrain = 0;
      int nTest = 0;
      for (int r = 0; r < data.size(); r++) {
        if (fold[r] == f) {
          test[nTest++] = r;
        } else {
          train[nTrain++] = r;
        }
      }
      out.add(
          make(data, train, nTrain, test, nTest, "kfold:" + k + " fold=" + f + " seed=" + seed));
    }
    return out;
  }

  /**
   * Splits by a spec: {@code random-by-user:0.75}, {@code last-n:1}, {@code time:0.8} or {@code
   * kfold:5} (all folds). The seed is used by the random splits.
   *
   * @throws IllegalArgumentException for a bad spec, or when a split leaves its training or test
   *     side empty (data too small for the spec); the message states the minimum the spec needs
   *     (e.g. the interactions per user) and what the data has
   */
  public static List<Split> bySpec(Interactions data, String spec, long seed) {
    String[] parts = spec.split(":", 2);
    String kind = parts[0].trim().toLowerCase(Locale.ROOT);
    String arg = parts.length > 1 ? parts[1].trim() : "";
    List<Split> splits = splitBySpec(data, spec, kind, arg, seed);
    for (Split s : splits) {
      requireBothSides(data, s, spec.trim(), kind, arg);
    }
    return splits;
  }

  private static List<Split> splitBySpec(
      Interactions data, String spec, String kind, String arg, long seed) {
    try {
      return switch (kind) {
        case "random-by-user" ->
            List.of(randomByUser(data, arg.isEmpty() ? 0.75 : Double.parseDouble(arg), seed));
        case "last-n", "leave-one-out" ->
            List.of(lastN(data, arg.isEmpty() ? 1 : Integer.parseInt(arg)));
        case "time" -> List.of(globalTime(data, arg.isEmpty() ? 0.8 : Double.parseDouble(arg)));
        case "kfold" -> kFold(data, arg.isEmpty() ? 5 : Integer.parseInt(arg), seed);
        default -> throw new IllegalArgumentException("unknown split '" + kind + "'");
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "split '" + spec + "' has a bad number '" + arg + "'; " + SPEC_HELP);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("unknown split")) {
        throw new IllegalArgumentException(e.getMessage() + " in '" + spec + "'; " + SPEC_HELP);
      }
      throw e;
    }
  }

  /**
   * The fewest rows a user needs for {@link #randomByUser} at {@code ratio} to put rows on both
   * sides ({@code 1 <= round(ratio n) <= n - 1}), or -1 when no size up to 10,000 does.
   */
  static int minRowsForBothSides(double ratio) {
    for (int n = 2; n <= 10_000; n++) {
      long cut = Math.round(ratio * n);
      if (cut >= 1 && cut <= n - 1) {
        return n;
      }
    }
    return -1;
  }

  private static void requireBothSides(
      Interactions data, Split s, String spec, String kind, String arg) {
    boolean noTrain = s.train().size() == 0;
    boolean noTest = s.test().size() == 0;
    if (!noTrain && !noTest) {
      return;
    }
    Interactions.RowsByUser byUser = data.rowsByUser();
    int maxRows = 0;
    int users = 0;
    for (int u = 0; u < data.numUsers(); u++) {
      int c = byUser.count(u);
      maxRows = Math.max(maxRows, c);
      users += c > 0 ? 1 : 0;
    }
    String found;
    if (kind.equals("time") && data.hasTimestamps() && data.size() > 0) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int r = 0; r < data.size(); r++) {
        min = Math.min(min, data.timestamp(r));
        max = Math.max(max, data.timestamp(r));
      }
      found =
          String.format(
              Locale.ROOT,
              "this data has %,d rows with timestamps from %s to %s",
              data.size(),
              java.time.Instant.ofEpochMilli(min),
              java.time.Instant.ofEpochMilli(max));
    } else {
      found =
          String.format(
              Locale.ROOT,
              "this data has %,d rows from %,d users, at most %,d rows per user",
              data.size(),
              users,
              maxRows);
    }
    String side = noTrain ? "training" : "test";
    String need =
        switch (kind) {
          case "random-by-user" -> {
            double ratio = arg.isEmpty() ? 0.75 : Double.parseDouble(arg);
            int min = minRowsForBothSides(ratio);
            yield "it needs at least one user with "
                + (min < 0 ? "more" : "at least " + min)
                + " interactions, so that both the training and the test side get rows";
          }
          case "last-n", "leave-one-out" -> {
            int n = arg.isEmpty() ? 1 : Integer.parseInt(arg);
            yield "it needs at least one user with more than "
                + n
                + " interactions (a user's last "
                + n
                + " go to test only when older ones stay in training)";
          }
          case "kfold" -> {
            int k = arg.isEmpty() ? 5 : Integer.parseInt(arg);
            yield "it needs at least one user with at least "
                + k
                + " interactions, so that every one of the "
                + k
                + " folds gets test rows";
          }
          default ->
              "it needs rows both before and after the cutoff; the rows' timestamps fall on one"
                  + " side of it";
        };
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "split '%s' (%s) leaves the %s side empty: %s; %s. Use data with more interactions per"
                + " user, or another split (%s)",
            spec,
            s.description(),
            side,
            need,
            found,
            SPEC_HELP));
  }

  /** The accepted split specs. */
  public static final String SPEC_HELP = "use random-by-user:0.75, last-n:1, time:0.8 or kfold:5";

  private static void checkRatio(double r) {
    if (!(r > 0 && r < 1)) {
      throw new IllegalArgumentException(
          "the train fraction must be in (0, 1), got " + r + "; e.g. random-by-user:0.75");
    }
  }

  private static void requireTime(Interactions data, String split) {
    if (!data.hasTimestamps()) {
      throw new IllegalArgumentException(
          "the "
              + split
              + " split needs timestamps and this data has none; use random-by-user:0.75"
              + " or read a timestamp column");
    }
  }

  private static Split make(
      Interactions data, int[] train, int nTrain, int[] test, int nTest, String description) {
    return new Split(
        data.select(Arrays.copyOf(train, nTrain)),
        data.select(Arrays.copyOf(test, nTest)),
        description);
  }
}
