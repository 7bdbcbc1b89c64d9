package dev.vitrina.core.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader did with its input: rows read, kept, rejected (by reason), merged duplicates, and
 * the first offending rows with file, row and column. Nothing is dropped without being counted
 * here.
 *
 * @param file the input file
 * @param rowsRead rows read from the file
 * @param rowsKept rows kept (after rejects; duplicates merged into one still count as kept rows)
 * @param rejectedByReason rejected rows per reason
 * @param duplicatesMerged rows whose key repeated an earlier row and were summed into it
 * @param issues the first issues found (at most {@link Builder#MAX_ISSUES}), by row
 */
public record ValidationReport(
    String file,
    long rowsRead,
    long rowsKept,
    Map<String, Long> rejectedByReason,
    long duplicatesMerged,
    List<Issue> issues) {

  /**
   * One offending row.
   *
   * @param row 1-based data row number (for CSV, the physical line number)
   * @param column the column name
   * @param value the offending value as text
   * @param reason what is wrong and how to fix it
   */
  public record Issue(long row, String column, String value, String reason) {
    @Override
    public String toString() {
      return "row " + row + ", column '" + column + "': " + reason + " (value: " + value + ")";
    }
  }

  /** Total rejected rows. */
  public long rowsRejected() {
    return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A multi-line human summary. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(file)
        .append(": read ")
        .append(rowsRead)
        .append(", kept ")
        .append(rowsKept)
        .append(", rejected ")
        .append(rowsRejected());
    if (duplicatesMerged > 0) {
      sb.append(", duplicates summed ").append(duplicatesMerged);
    }
    rejectedByReason.forEach((r, n) -> sb.append("\n  rejected ").append(n).append(": ").append(r));
    for (Issue i : issues) {
      sb.append("\n  ").append(file).append(", ").append(i);
    }
    return sb.toString();
  }

  /**
   * Fails when no row was kept: a file that is empty, has only a header, or whose every row was
   * rejected is invalid input, never an empty success.
   *
   * @param fix how to get rows through (e.g. which option names the columns), appended to the
   *     message
   * @return this report, when it kept at least one row
   * @throws NoRowsException naming the file, the rows read and the main rejection reasons with the
   *     first offending rows
   */
  public ValidationReport requireRows(String fix) {
    if (rowsKept > 0) {
      return this;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(file).append(": no usable rows");
    if (rowsRead == 0) {
      sb.append(" (the file has no data rows)");
    } else {
      sb.append(": all ").append(rowsRead).append(" rows read were rejected");
      rejectedByReason.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(3)
          .forEach(e -> sb.append("\n  ").append(e.getValue()).append(" x ").append(e.getKey()));
      issues.stream().limit(3).forEach(i -> sb.append("\n  first: ").append(i));
    }
    if (fix != null && !fix.isEmpty()) {
      sb.append("\n").append(fix);
    }
    throw new NoRowsException(sb.toString());
  }

  /** Collects counts and issues while reading. Not thread-safe. */
  public static final class Builder {
    /** How many issues are kept verbatim. */
    public static final int MAX_ISSUES = 20;

    private final String file;
    private long read;
    private long duplicates;
    private final Map<String, Long> rejected = new LinkedHashMap<>();
    private final List<Issue> issues = new ArrayList<>();

    /** A builder for {@code file}. */
    public Builder(String file) {
      this.file = file;
    }

    /** Counts {@code n} rows read. */
    public Builder read(long n) {
      read += n;
      return this;
    }

    /** Records a rejected row. {@code reasonKind} groups the count; the issue keeps details. */
    public Builder reject(String reasonKind, long row, String column, String value, String reason) {
      rejected.merge(reasonKind, 1L, Long::sum);
      if (issues.size() < MAX_ISSUES) {
        issues.add(new Issue(row, column, value, reason));
      }
      return this;
    }

    /** Counts a duplicate merged into an earlier row. */
    public Builder duplicate(long row, String column, String value) {
      duplicates++;
      if (issues.size() < MAX_ISSUES) {
        issues.add(new Issue(row, column, value, "duplicate key, summed into the earlier row"));
      }
      return this;
    }

    /** Rows rejected so far. */
    public long rejectedCount() {
      return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The issues so far. */
    public List<Issue> issues() {
      return Collections.unmodifiableList(issues);
    }

    /** The report. */
    public ValidationReport build() {
      return new ValidationReport(
          file,
          read,
          read - rejectedCount(),
          Collections.unmodifiableMap(new LinkedHashMap<>(rejected)),
          duplicates,
          issues.stream().sorted(java.util.Comparator.comparingLong(Issue::row)).toList());
    }
  }
}
