package dev.vitrina.recs.data;

import dev.vitrina.core.table.BadRowPolicy;
import java.util.List;

/**
 * What a reader did with a file: how many data rows it read and accepted, how many it rejected
 * (only possible under {@link BadRowPolicy#SKIP_AND_REPORT}), how many (user, item) pairs occur
 * more than once,, and the first problems with file, line and column.
 *
 * @param source the file or files read
 * @param rowsRead data rows read (header excluded)
 * @param rowsAccepted rows turned into interactions
 * @param rowsRejected rows rejected as malformed
 * @param duplicatePairs rows that repeat an earlier (user, item) pair (kept; models sum them)
 * @param problems the first problems found, e.g. {@code "u.data:17: column 3 (rating): 'x' is not a
 *     number"}
 */
public record ReadReport(
    String source,
    long rowsRead,
    long rowsAccepted,
    long rowsRejected,
    long duplicatePairs,
    List<String> problems) {

  public ReadReport {
    problems = List.copyOf(problems);
  }

  /** A one-line summary for logs. */
  public String summary() {
    return source
        + ": "
        + rowsRead
        + " rows read, "
        + rowsAccepted
        + " accepted, "
        + rowsRejected
        + " rejected, "
        + duplicatePairs
        + " rows repeat an earlier (user, item) pair (kept)";
  }
}
