package dev.vitrina.parquet;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random columns of every type, for round-trip and interop tests. */
final class TestData {

  private TestData() {}

  static final String[] WORDS = {
    "",
    "a",
    "milk",
    "Käse",
    "日本語",
    "emoji 🛒",
    "tab\there",
    "quote\"d",
    "comma,x",
    "long-" + "x".repeat(300)
  };

  /** The schema of {@link #columns}: every type, nullable or not. */
  static List<ColumnSpec> schema(boolean nullable) {
    return List.of(
        new ColumnSpec("i32", ColumnType.INT32, nullable),
        new ColumnSpec("i64", ColumnType.INT64, nullable),
        new ColumnSpec("f32", ColumnType.FLOAT, nullable),
        new ColumnSpec("f64", ColumnType.DOUBLE, nullable),
        new ColumnSpec("flag", ColumnType.BOOLEAN, nullable),
        new ColumnSpec("name", ColumnType.STRING, nullable),
        new ColumnSpec("day", ColumnType.DATE, nullable),
        new ColumnSpec("ts", ColumnType.TIMESTAMP_MILLIS, nullable));
  }

  /** Random columns of {@code n} rows (arrays {@code extra} longer), ~10% nulls when nullable. */
  static ColumnData[] columns(long seed, int n, int extra, boolean nullable) {
    SplittableRandom r = new SplittableRandom(seed);
    int len = n + extra;
    int[] i32 = new int[len];
    long[] i64 = new long[len];
    float[] f32 = new float[len];
    double[] f64 = new double[len];
    boolean[] flag = new boolean[len];
    String[] names = new String[n];
    int[] day = new int[len];
    long[] ts = new long[len];
    BitSet n1 = new BitSet();
    BitSet n2 = new BitSet();
    BitSet n5 = new BitSet();
    BitSet n7 = new BitSet();
    BitSet n8 = new BitSet();
    for (int i = 0; i < n; i++) {
      i32[i] = r.nextInt(5) == 0 ? r.nextInt() : r.nextInt(-100, 100);
      i64[i] = r.nextLong();
      f32[i] = (float) r.nextGaussian();
      f64[i] = r.nextDouble(-1e6, 1e6);
      flag[i] = r.nextBoolean();
      names[i] = WORDS[r.nextInt(WORDS.length)] + (r.nextInt(4) == 0 ? "#" + r.nextInt(50) : "");
      day[i] = r.nextInt(-3000, 30000);
      ts[i] = r.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
      if (nullable) {
        if (r.nextInt(10) == 0) {
          n1.set(i);
        }
        if (r.nextInt(10) == 0) {
          n2.set(i);
        }
        if (r.nextInt(10) == 0) {
          f32[i] = Float.NaN;
        }
        if (r.nextInt(10) == 0) {
          f64[i] = Double.NaN;
        }
        if (r.nextInt(10) == 0) {
          n5.set(i);
        }
        if (r.nextInt(10) == 0) {
          names[i] = null;
        }
        if (r.nextInt(10) == 0) {
          n7.set(i);
        }
        if (r.nextInt(10) == 0) {
          n8.set(i);
        }
      }
    }
    StringColumn s = StringColumn.of(names);
    int[] codes = java.util.Arrays.copyOf(s.codes(), len);
    return new ColumnData[] {
      new IntColumn(i32, n, nullable ? n1 : null),
      new LongColumn(i64, n, nullable ? n2 : null),
      new FloatColumn(f32, n),
      new DoubleColumn(f64, n),
      new BooleanColumn(flag, n, nullable ? n5 : null),
      new StringColumn(codes, n, s.dictionary()),
      new IntColumn(day, n, nullable ? n7 : null),
      new LongColumn(ts, n, nullable ? n8 : null)
    };
  }

  /** Rows {@code from..to} of a column, as a new column. */
  static ColumnData slice(ColumnData c, int from, int to) {
    int n = to - from;
    return switch (c) {
      case IntColumn x ->
          new IntColumn(
              java.util.Arrays.copyOfRange(x.values(), from, to),
              n,
              x.nulls() == null ? null : x.nulls().get(from, to));
      case LongColumn x ->
          new LongColumn(
              java.util.Arrays.copyOfRange(x.values(), from, to),
              n,
              x.nulls() == null ? null : x.nulls().get(from, to));
      case FloatColumn x -> new FloatColumn(java.util.Arrays.copyOfRange(x.values(), from, to), n);
      case DoubleColumn x ->
          new DoubleColumn(java.util.Arrays.copyOfRange(x.values(), from, to), n);
      case BooleanColumn x ->
          new BooleanColumn(
              java.util.Arrays.copyOfRange(x.values(), from, to),
              n,
              x.nulls() == null ? null : x.nulls().get(from, to));
      case StringColumn x ->
          new StringColumn(java.util.Arrays.copyOfRange(x.codes(), from, to), n, x.dictionary());
    };
  }
}
