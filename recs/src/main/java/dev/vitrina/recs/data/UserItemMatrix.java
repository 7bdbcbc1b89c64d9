package dev.vitrina.recs.data;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse row (CSR) form: row {@code r} holds the columns
 * {@code indices[indptr[r] .. indptr[r+1])}, sorted ascending and unique, with values {@code
 * data[...]} at the same positions. Rows are users and columns items for a user-item matrix; its
 * {@link #transpose()} is the item-user matrix.
 *
 * <p>Memory: {@code 4 * (rows + 1) + 8 * nnz} bytes. The arrays are exposed without copying for
 * algorithms ({@link #indptr()}, {@link #indices()}, {@link #data()}); callers must not modify
 * them.
 */
public final class UserItemMatrix {

  private final int rows;
  private final int cols;
  private final int[] indptr;
  private final int[] indices;
  private final float[] data;

  private UserItemMatrix(int rows, int cols, int[] indptr, int[] indices, float[] data) {
    this.rows = rows;
    this.cols = cols;
    this.indptr = indptr;
    this.indices = indices;
    this.data = data;
  }

  /**
   * Wraps CSR arrays after checking them: {@code indptr} has {@code rows + 1} non-decreasing
   * entries from 0 to {@code nnz}, and each row's columns are strictly increasing in {@code [0,
   * cols)}.
   */
  public static UserItemMatrix of(int rows, int cols, int[] indptr, int[] indices, float[] data) {
    if (indptr.length != rows + 1 || indptr[0] != 0 || indptr[rows] != indices.length) {
      throw new IllegalArgumentException(
          "CSR indptr must have rows+1="
              + (rows + 1)
              + " entries from 0 to nnz="
              + indices.length
              + ", got length "
              + indptr.length);
    }
    if (data.length != indices.length) {
      throw new IllegalArgumentException(
          "CSR data has " + data.length + " values for " + indices.length + " indices");
    }
    for (int r = 0; r < rows; r++) {
      if (indptr[r + 1] < indptr[r]) {
        throw new IllegalArgumentException("CSR indptr decreases at row " + r);
      }
      for (int p = indptr[r]; p < indptr[r + 1]; p++) {
        int c = indices[p];
        if (c < 0 || c >= cols || (p > indptr[r] && indices[p - 1] >= c)) {
          throw new IllegalArgumentException(
              "CSR row " + r + " has column " + c + " out of order or out of [0, " + cols + ")");
        }
      }
    }
    return new UserItemMatrix(rows, cols, indptr, indices, data);
  }

  /**
   * Builds a matrix from coordinate triples; duplicates are summed and then transformed.
   *
   * <p>Time {@code O(nnz + rows + cols)} plus a sort of each row; memory {@code O(nnz)}.
   */
  public static UserItemMatrix fromCoordinates(
      int rows, int cols, int[] r, int[] c, float[] v, ValueTransform transform) {
    int n = r.length;
    int[] counts = new int[rows + 1];
    for (int i = 0; i < n; i++) {
      counts[r[i] + 1]++;
    }
    for (int i = 0; i < rows; i++) {
      counts[i + 1] += counts[i];
    }
    int[] pos = Arrays.copyOf(counts, rows);
    int[] tmpC = new int[n];
    float[] tmpV = new float[n];
    for (int i = 0; i < n; i++) {
      int p = pos[r[i]]++;
      tmpC[p] = c[i];
      tmpV[p] = v == null ? 1f : v[i];
    }
    int[] indptr = new int[rows + 1];
    int[] indices = new int[n];
    float[] data = new float[n];
    int out = 0;
    long[] packed = new long[0];
    for (int row = 0; row < rows; row++) {
      int from = counts[row];
      int to = counts[row + 1];
      int len = to - from;
      if (packed.length < len) {
        packed = new long[Math.max(len, packed.length * 2)];
      }
      // sort (column, original position) pairs so equal columns stay in input order
      for (int i = 0; i < len; i++) {
        packed[i] = ((long) tmpC[from + i] << 32) | i;
      }
      Arrays.sort(packed, 0, len);
      int last = -1;
      for (int i = 0; i < len; i++) {
        int col = (int) (packed[i] >>> 32);
        float val = tmpV[from + (int) packed[i]];
        if (col == last) {
          data[out - 1] += val;
        } else {
          indices[out] = col;
          data[out] = val;
          out++;
          last = col;
        }
      }
      indptr[row + 1] = out;
    }
    int[] idx = Arrays.copyOf(indices, out);
    float[] dat = Arrays.copyOf(data, out);
    for (int i = 0; i < out; i++) {
      dat[i] = transform.apply(dat[i]);
    }
    return new UserItemMatrix(rows, cols, indptr, idx, dat);
  }

  /** The number of rows (users). */
  public int rows() {
    return rows;
  }

  /** The number of columns (items). */
  public int cols() {
    return cols;
  }

  /** The number of stored entries. */
  public int nnz() {
    return indices.length;
  }

  /** The row pointer array ({@code rows + 1} entries); do not modify. */
  public int[] indptr() {
    return indptr;
  }

  /** The column index array; do not modify. */
  public int[] indices() {
    return indices;
  }

  /** The value array; do not modify. */
  public float[] data() {
    return data;
  }

  /** The number of entries in row {@code r}. */
  public int rowNnz(int r) {
    return indptr[r + 1] - indptr[r];
  }

  /** A copy of row {@code r}'s sorted column indices. */
  public int[] row(int r) {
    return Arrays.copyOfRange(indices, indptr[r], indptr[r + 1]);
  }

  /** Whether entry {@code (r, c)} is stored; {@code O(log rowNnz)}. */
  public boolean contains(int r, int c) {
    return Arrays.binarySearch(indices, indptr[r], indptr[r + 1], c) >= 0;
  }

  /** The number of entries in each column. */
  public int[] columnCounts() {
    int[] counts = new int[cols];
    for (int c : indices) {
      counts[c]++;
    }
    return counts;
  }

  /** The transpose (item-user matrix), in {@code O(nnz + rows + cols)}. */
  public UserItemMatrix transpose() {
    int[] tptr = new int[cols + 1];
    for (int c : indices) {
      tptr[c + 1]++;
    }
    for (int i = 0; i < cols; i++) {
      tptr[i + 1] += tptr[i];
    }
    int[] pos = Arrays.copyOf(tptr, cols);
    int[] tind = new int[indices.length];
    float[] tdat = new float[indices.length];
    for (int r = 0; r < rows; r++) {
      for (int p = indptr[r]; p < indptr[r + 1]; p++) {
        int q = pos[indices[p]]++;
        tind[q] = r;
        tdat[q] = data[p];
      }
    }
    return new UserItemMatrix(cols, rows, tptr, tind, tdat);
  }

  /** A copy with every value replaced by {@code f(value)}. */
  public UserItemMatrix mapValues(java.util.function.DoubleUnaryOperator f) {
    float[] d = new float[data.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) f.applyAsDouble(data[i]);
    }
    return new UserItemMatrix(rows, cols, indptr, indices, d);
  }

  /** A copy with values replaced by {@code values} (same sparsity pattern). */
  public UserItemMatrix withValues(float[] values) {
    if (values.length != data.length) {
      throw new IllegalArgumentException(
          "values has " + values.length + " entries, the matrix has " + data.length);
    }
    return new UserItemMatrix(rows, cols, indptr, indices, values.clone());
  }
}
