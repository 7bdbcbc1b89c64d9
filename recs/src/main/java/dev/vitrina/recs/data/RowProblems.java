package dev.vitrina.recs.data;

import dev.vitrina.core.table.BadRowPolicy;
import java.util.ArrayList;
import java.util.List;

/** Collects bad rows while reading and turns them into a report or an error. */
final class RowProblems {
  static final int SHOWN = 10;

  private final String source;
  private final BadRowPolicy policy;
  private final List<String> first = new ArrayList<>();
  private long rejected;
  private long read;

  RowProblems(String source, BadRowPolicy policy) {
    this.source = source;
    this.policy = policy;
  }

  void rowRead() {
    read++;
  }

  void reject(String problem) {
    rejected++;
    if (first.size() < SHOWN) {
      first.add(problem);
    }
  }

  ReadReport finish(long accepted) throws InteractionsFormatException {
    if (rejected > 0 && policy == BadRowPolicy.FAIL) {
      throw new InteractionsFormatException(
          source
              + ": "
              + rejected
              + " of "
              + read
              + " rows are malformed; first "
              + first.size()
              + ":\n  "
              + String.join("\n  ", first)
              + "\nfix the file or column options, or skip and report bad rows with"
              + " BadRowPolicy.SKIP_AND_REPORT (--skip-bad-rows)");
    }
    if (accepted == 0) {
      throw new InteractionsFormatException(
          source + ": no interactions read (" + read + " rows); check the file and the columns");
    }
    return new ReadReport(source, read, accepted, rejected, 0, first);
  }
}
