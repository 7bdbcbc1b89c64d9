package dev.vitrina.core.io.csv;

import java.util.List;

/**
 * A view of the current record of a {@link CsvReader}, reused for every record: read what you need
 * before the next {@link CsvReader#next()}. Numeric accessors parse the raw bytes without creating
 * Strings.
 */
public final class CsvRow {

  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final CsvReader r;

  CsvRow(CsvReader reader) {
    this.r = reader;
  }

  /**
   * The 1-based physical line where this record starts (quoted line breaks and skipped lines
   * count).
   */
  public long lineNumber() {
    return r.recordLine;
  }

  /** Number of fields in this record. */
  public int fieldCount() {
    return r.fieldCount;
  }

  /** Field {@code i} (0-based) as a String, quotes removed and doubled quotes undone. */
  public String field(int i) {
    check(i);
    return r.decode(i);
  }

  /** The field of a header column; see {@link CsvReader#columnIndex}. */
  public String field(String column) {
    return field(r.columnIndex(column));
  }

  /** Whether field {@code i} is empty. */
  public boolean isEmpty(int i) {
    check(i);
    return r.ends[i] == r.starts[i];
  }

  /** The header of the file; empty without one. */
  public List<String> header() {
    return r.header();
  }

  /** See {@link CsvReader#columnIndex}. */
  public int columnIndex(String name) {
    return r.columnIndex(name);
  }

  /**
   * Field {@code i} as an int (optional sign, digits, surrounding spaces allowed).
   *
   * @throws CsvException naming the file, line and column for anything else
   */
  public int intField(int i) {
    long v = longField(i);
    if (v != (int) v) {
      throw bad(i, "an int (out of range)");
    }
    return (int) v;
  }

  /**
   * Field {@code i} as a long (optional sign, digits, surrounding spaces allowed).
   *
   * @throws CsvException naming the file, line and column for anything else
   */
  public long longField(int i) {
    check(i);
    byte[] b = r.buf;
    int p = r.starts[i];
    int e = r.ends[i];
    while (p < e && b[p] == ' ') {
      p++;
    }
    while (e > p && b[e - 1] == ' ') {
      e--;
    }
    boolean neg = false;
    if (p < e && (b[p] == '-' || b[p] == '+')) {
      neg = b[p] == '-';
      p++;
    }
    if (p >= e || e - p > 19) {
      throw bad(i, "an integer");
    }
    long v = 0;
    for (; p < e; p++) {
      int digit = b[p] - '0';
      if (digit < 0 || digit > 9) {
        throw bad(i, "an integer");
      }
      long next = v * 10 - digit; // accumulate negatively to reach Long.MIN_VALUE
      if (v < Long.MIN_VALUE / 10 || next > v) {
        throw bad(i, "a long (out of range)");
      }
      v = next;
    }
    if (!neg) {
      if (v == Long.MIN_VALUE) {
        throw bad(i, "a long (out of range)");
      }
      v = -v;
    }
    return v;
  }

  /**
   * Field {@code i} as a double: NaN when empty; plain decimals are parsed from the bytes (exactly
   * rounded), anything else ({@code 1e-3}, {@code Infinity}) through {@link Double#parseDouble}.
   *
   * @throws CsvException naming the file, line and column when it is not a number
   */
  public double doubleField(int i) {
    check(i);
    byte[] b = r.buf;
    int p = r.starts[i];
    int e = r.ends[i];
    if (p == e) {
      return Double.NaN;
    }
    int q = p;
    boolean neg = false;
    if (b[q] == '-' || b[q] == '+') {
      neg = b[q] == '-';
      q++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    boolean simple = q < e;
    for (; q < e; q++) {
      byte c = b[q];
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        if (++digits > 15) {
          simple = false;
          break;
        }
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        simple = false;
        break;
      }
    }
    if (simple && digits > 0) {
      double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
      return neg ? -v : v;
    }
    String s = field(i).trim();
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException ex) {
      throw bad(i, "a number");
    }
  }

  private void check(int i) {
    if (i < 0 || i >= r.fieldCount) {
      throw new CsvException(
          r.source(),
          r.recordLine,
          "has "
              + r.fieldCount
              + " fields, field "
              + i
              + (i >= 0 && i < r.header().size() ? " ('" + r.header().get(i) + "')" : "")
              + " was requested; check the delimiter ('"
              + r.options().delimiter()
              + "') and quoting of this line");
    }
  }

  private CsvException bad(int i, String what) {
    String col = i < r.header().size() ? " ('" + r.header().get(i) + "')" : "";
    return new CsvException(
        r.source(), r.recordLine, "field " + i + col + " = '" + r.decode(i) + "' is not " + what);
  }

  /** The fields, comma-joined in brackets, for debugging. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("line ").append(lineNumber()).append(" [");
    for (int i = 0; i < fieldCount(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(r.decode(i));
    }
    return sb.append(']').toString();
  }
}
