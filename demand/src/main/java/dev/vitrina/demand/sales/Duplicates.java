package dev.vitrina.demand.sales;

import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.core.validate.ValidationReport;
import dev.vitrina.demand.internal.PairIndex;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Finds repeated (store, item, date) rows in linear time: each store x item pair gets a bitmap over
 * its own date span (first to last date of the pair), so memory is one bit per cell of the
 * calendar-completed panel.
 */
final class Duplicates {

  private Duplicates() {}

  /** Checks for duplicates and returns the pair index it built (for reuse). */
  static PairIndex check(
      Path file,
      int[] store,
      int[] item,
      int[] day,
      long[] row,
      IdIndex stores,
      IdIndex items,
      SalesReadOptions o,
      ValidationReport.Builder report,
      SalesColumns c) {
    int n = store.length;
    PairIndex pairs = PairIndex.build(store, item, items.size());
    if (n == 0) {
      return pairs;
    }
    int np = pairs.size();
    int[] pair = pairs.pairOfRow();
    int[] min = new int[np];
    int[] max = new int[np];
    java.util.Arrays.fill(min, Integer.MAX_VALUE);
    java.util.Arrays.fill(max, Integer.MIN_VALUE);
    for (int i = 0; i < n; i++) {
      int p = pair[i];
      min[p] = Math.min(min[p], day[i]);
      max[p] = Math.max(max[p], day[i]);
    }
    long[] base = new long[np + 1];
    for (int p = 0; p < np; p++) {
      base[p + 1] = base[p] + (max[p] - min[p] + 1L);
    }
    long bits = base[np];
    if (bits > (1L << 37)) {
      throw new IllegalArgumentException(
          file
              + ": the calendar-completed sales span "
              + bits
              + " cells, too many to check for duplicates in memory; split the file by store");
    }
    long[] words = new long[(int) ((bits + 63) >>> 6)];
    for (int i = 0; i < n; i++) {
      int p = pair[i];
      long bit = base[p] + (day[i] - min[p]);
      int w = (int) (bit >>> 6);
      long mask = 1L << (bit & 63);
      if ((words[w] & mask) != 0) {
        String key =
            stores.id(store[i]) + ", " + items.id(item[i]) + ", " + LocalDate.ofEpochDay(day[i]);
        long r = row == null ? i + 1 : row[i];
        if (o.onDuplicate() == SalesReadOptions.OnDuplicate.FAIL) {
          throw new IllegalArgumentException(
              file
                  + ", row "
                  + r
                  + ": duplicate (store, item, date) ("
                  + key
                  + ") repeats an earlier row; remove it, or read with"
                  + " SalesReadOptions.onDuplicate SUM to add the quantities");
        }
        report.duplicate(r, c.store() + "," + c.item() + "," + c.date(), key);
      } else {
        words[w] |= mask;
      }
    }
    return pairs;
  }
}
