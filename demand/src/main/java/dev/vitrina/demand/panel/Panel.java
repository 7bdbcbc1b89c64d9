package dev.vitrina.demand.panel;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A calendar-completed panel: series x periods in flat arrays. Series {@code s} occupies rows
 * {@code offsets[s] .. offsets[s+1]-1}; row {@code offsets[s] + k} is period {@code firstPeriod(s)
 * + k}, whose first day is {@link #periodStartDay(int)}. Values are the summed quantities, zero
 * where nothing sold, NaN in the future periods added by {@link PanelOptions#extendPeriods()}.
 *
 * <p>Memory: one float per cell plus one int per series; the arrays are shared, not copied, and
 * must not be modified.
 */
public final class Panel {
  private final PanelOptions options;
  private final int[] offsets;
  private final float[] values;
  private final int[] first;
  private final int originDay;
  private final int observedPeriods;
  private final int periods;
  private final List<String> keyColumns;
  private final String[][] keyDictionaries;
  private final int[][] keyCodes;
  private final int[] seriesItem;
  private final PanelStats stats;

  Panel(
      PanelOptions options,
      int[] offsets,
      float[] values,
      int[] first,
      int originDay,
      int observedPeriods,
      List<String> keyColumns,
      String[][] keyDictionaries,
      int[][] keyCodes,
      int[] seriesItem,
      PanelStats stats) {
    this.options = options;
    this.offsets = offsets;
    this.values = values;
    this.first = first;
    this.originDay = originDay;
    this.observedPeriods = observedPeriods;
    this.periods = observedPeriods + options.extendPeriods();
    this.keyColumns = List.copyOf(keyColumns);
    this.keyDictionaries = keyDictionaries;
    this.keyCodes = keyCodes;
    this.seriesItem = seriesItem;
    this.stats = stats;
  }

  /**
   * Counts from building the panel.
   *
   * @param inputRows sales rows inside the date range
   * @param observedCells distinct (series, period) cells those rows fall in: rows less the
   *     duplicates summed, and for weekly panels the days of a week counted once
   * @param rowsBeforeStart rows excluded because they are before {@link PanelOptions#start()}
   * @param rowsAfterEnd rows excluded because they are after {@link PanelOptions#end()}
   * @param lastPeriodComplete false when the last weekly period has fewer than 7 days of data
   */
  public record PanelStats(
      long inputRows,
      long observedCells,
      long rowsBeforeStart,
      long rowsAfterEnd,
      boolean lastPeriodComplete) {}

  public PanelOptions options() {
    return options;
  }

  public Level level() {
    return options.level();
  }

  public Freq freq() {
    return options.freq();
  }

  /** Number of series. */
  public int seriesCount() {
    return first.length;
  }

  /** Number of rows (cells). */
  public int rows() {
    return values.length;
  }

  /** Series offsets, length {@code seriesCount() + 1}. */
  public int[] offsets() {
    return offsets;
  }

  /** The values of all rows. */
  public float[] values() {
    return values;
  }

  /** The period index of series {@code s}'s first row. */
  public int firstPeriod(int s) {
    return first[s];
  }

  /** Periods with data (period indices {@code 0 .. observedPeriods-1}). */
  public int observedPeriods() {
    return observedPeriods;
  }

  /** All periods including the future ones. */
  public int periods() {
    return periods;
  }

  /** The epoch day on which period {@code p} starts. */
  public int periodStartDay(int p) {
    return originDay + p * options.freq().days();
  }

  /** The date on which period {@code p} starts. */
  public LocalDate periodStart(int p) {
    return LocalDate.ofEpochDay(periodStartDay(p));
  }

  /** The period index of row {@code row} of series {@code s}. */
  public int periodOfRow(int s, int row) {
    return first[s] + (row - offsets[s]);
  }

  /** The series holding {@code row} (binary search over the offsets). */
  public int seriesOfRow(int row) {
    int i = Arrays.binarySearch(offsets, row);
    if (i >= 0) {
      while (i + 1 < offsets.length && offsets[i + 1] == row) {
        i++;
      }
      return i;
    }
    return -i - 2;
  }

  /** The level's column names, in order. */
  public List<String> keyColumns() {
    return keyColumns;
  }

  /** The sorted distinct values of key column {@code c}. */
  public String[] keyDictionary(int c) {
    return keyDictionaries[c];
  }

  /** Codes into {@link #keyDictionary(int)} per series, for key column {@code c}. */
  public int[] keyCodes(int c) {
    return keyCodes[c];
  }

  /** The value of key column {@code c} for series {@code s}. */
  public String key(int s, int c) {
    return keyDictionaries[c][keyCodes[c][s]];
  }

  /** The value of key column {@code column} (e.g. "item") for series {@code s}. */
  public String key(int s, String column) {
    int c = keyColumns.indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException(
          "level " + level() + " has no column '" + column + "'; columns are " + keyColumns);
    }
    return key(s, c);
  }

  /** The item index (into the sales table's items) of each series, or null without an item key. */
  public int[] seriesItem() {
    return seriesItem;
  }

  /** Build statistics. */
  public PanelStats stats() {
    return stats;
  }

  /**
   * Panel cells per observed cell (a distinct series and period with at least one sales row): how
   * much calendar completion grew the data. At least 1 unless --start/--end cut series short.
   */
  public double growthFactor() {
    return stats.observedCells() == 0 ? 0 : rows() / (double) stats.observedCells();
  }
}
