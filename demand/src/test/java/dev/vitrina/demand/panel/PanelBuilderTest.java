package dev.vitrina.demand.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.ids.IdIndex;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.sales.SalesTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelBuilderTest {

  private static final int MON = (int) LocalDate.of(2024, 1, 1).toEpochDay(); // a Monday

  private final IdIndex stores = IdIndex.of(List.of("S2", "S1", "S3"));
  private final IdIndex items = IdIndex.of(List.of("B", "A"));
  private final Dimensions dims =
      new Dimensions(
          stores,
          Map.of("city", new String[] {"Oslo", "Oslo", "Bergen"}),
          items,
          Map.of("category", new String[] {"food", "food"}),
          null,
          null,
          Map.of());

  // rows: (store, item, day offset, qty)
  private final int[][] rows = {
    {0, 0, 0, 2}, {1, 0, 1, 3}, {2, 0, 1, 5}, {0, 1, 3, 1}, {1, 0, 8, 4}, {2, 1, 9, 6}
  };

  private SalesTable sales() {
    int n = rows.length;
    int[] s = new int[n];
    int[] i = new int[n];
    int[] d = new int[n];
    float[] q = new float[n];
    for (int k = 0; k < n; k++) {
      s[k] = rows[k][0];
      i[k] = rows[k][1];
      d[k] = MON + rows[k][2];
      q[k] = rows[k][3];
    }
    return SalesTable.of(s, i, d, q, stores, items);
  }

  @Test
  void storeItemSeriesStartAtTheirFirstSaleAndRunToTheEnd() {
    Panel p = PanelBuilder.build(sales(), dims, PanelOptions.of(Level.STORE_ITEM, Freq.DAY));
    // Series sorted by (store id, item id): S1/B, S2/A, S2/B, S3/A, S3/B.
    assertThat(p.seriesCount()).isEqualTo(5);
    assertThat(p.key(0, "store")).isEqualTo("S1");
    assertThat(p.key(0, "item")).isEqualTo("B");
    assertThat(p.key(1, "store") + p.key(1, "item")).isEqualTo("S2A");
    assertThat(p.observedPeriods()).isEqualTo(10);
    // S1/B first sale day 1 -> 9 rows; S2/A day 3 -> 7; S2/B day 0 -> 10; S3/A day 9 -> 1; S3/B day
    // 1 -> 9
    assertThat(p.offsets()).containsExactly(0, 9, 16, 26, 27, 36);
    assertThat(p.values()[0]).isEqualTo(3f);
    assertThat(p.values()[7]).isEqualTo(4f);
    assertThat(p.growthFactor()).isEqualTo(36 / 6.0);
    assertThat(p.periodStart(p.periodOfRow(1, 9))).isEqualTo(LocalDate.of(2024, 1, 4));
    assertThat(p.seriesOfRow(0)).isEqualTo(0);
    assertThat(p.seriesOfRow(16)).isEqualTo(2);
    assertThat(p.seriesOfRow(26)).isEqualTo(3);
  }

  @Test
  void itemByCityAggregatesStoresOfTheCity() {
    Panel p =
        PanelBuilder.build(sales(), dims, PanelOptions.of(Level.parse("item,city"), Freq.DAY));
    // Series: A/Bergen (day 9), A/Oslo (day 3), B/Bergen (day 1), B/Oslo (day 0)
    assertThat(p.seriesCount()).isEqualTo(4);
    assertThat(p.key(3, "item") + "/" + p.key(3, "city")).isEqualTo("B/Oslo");
    int off = p.offsets()[3];
    assertThat(p.values()[off]).isEqualTo(2f); // S2 day 0
    assertThat(p.values()[off + 1]).isEqualTo(3f); // S1 day 1
    assertThat(p.values()[off + 8]).isEqualTo(4f);
    float total = 0;
    for (float v : p.values()) {
      total += v;
    }
    assertThat(total).isEqualTo(21f);
  }

  @Test
  void weeklyPanelsSumMondayToSunday() {
    Panel p =
        PanelBuilder.build(sales(), dims, PanelOptions.of(Level.parse("category"), Freq.WEEK));
    assertThat(p.seriesCount()).isEqualTo(1);
    assertThat(p.values()).containsExactly(11f, 10f);
    assertThat(p.periodStart(1)).isEqualTo(LocalDate.of(2024, 1, 8));
    assertThat(p.stats().lastPeriodComplete()).isFalse();
  }

  @Test
  void endDateCutsAndCountsLaterRowsAndExtendAddsUnknownFuture() {
    Panel p =
        PanelBuilder.build(
            sales(),
            dims,
            PanelOptions.of(Level.parse("category"), Freq.DAY)
                .withEnd(LocalDate.of(2024, 1, 4))
                .withExtend(3));
    assertThat(p.stats().rowsAfterEnd()).isEqualTo(2);
    assertThat(p.observedPeriods()).isEqualTo(4);
    assertThat(p.values()).hasSize(7);
    assertThat(p.values()[3]).isEqualTo(1f);
    assertThat(p.values()[4]).isNaN();
  }

  @Test
  void unknownLevelColumnListsTheAvailableOnes() {
    assertThatThrownBy(
            () ->
                PanelBuilder.build(
                    sales(), dims, PanelOptions.of(Level.parse("item,region"), Freq.DAY)))
        .hasMessageContaining("'region'")
        .hasMessageContaining("city")
        .hasMessageContaining("category");
  }

  @Test
  void unknownLevelColumnNamesTheLevelParameterNotACommandLineFlag() {
    assertThatThrownBy(
            () ->
                PanelBuilder.build(
                    sales(), dims, PanelOptions.of(Level.parse("item,region"), Freq.DAY)))
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("level"))
        .hasMessageStartingWith("level column 'region' is neither store, item,")
        .hasMessageNotContaining("--");
  }

  @Test
  void growthFactorCountsEachObservedCellOnceWhateverTheDuplicates() {
    // Two rows for S1/B on day 1 (summed), so 6 rows fall in 5 distinct cells of the 36-cell panel.
    int[] s = {1, 1, 0, 2};
    int[] i = {0, 0, 1, 1};
    int[] d = {MON + 1, MON + 1, MON + 3, MON + 9};
    float[] q = {3, 4, 1, 6};
    SalesTable dup = SalesTable.of(s, i, d, q, stores, items);
    Panel p = PanelBuilder.build(dup, dims, PanelOptions.of(Level.STORE_ITEM, Freq.DAY));
    // S1/B from day 1 (9 cells), S2/A from day 3 (7), S3/A from day 9 (1): 17 cells, 3 observed.
    assertThat(p.rows()).isEqualTo(17);
    assertThat(p.stats().inputRows()).isEqualTo(4);
    assertThat(p.stats().observedCells()).isEqualTo(3);
    assertThat(p.growthFactor()).isCloseTo(17 / 3.0, org.assertj.core.data.Offset.offset(1e-12));
    // Weekly: S1/B has days 1 (week 0), S2/A day 3 (week 0), S3/A day 9 (week 1) -> 3 cells.
    Panel w = PanelBuilder.build(dup, dims, PanelOptions.of(Level.STORE_ITEM, Freq.WEEK));
    assertThat(w.stats().observedCells()).isEqualTo(3);
    assertThat(w.growthFactor())
        .isCloseTo(w.rows() / 3.0, org.assertj.core.data.Offset.offset(1e-12));
  }
}
