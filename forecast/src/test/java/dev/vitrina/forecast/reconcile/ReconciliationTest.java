package dev.vitrina.forecast.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.forecast.disagg.ShareMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  // stores S1,S2 in city A; S3 in city B (both state X); S4 in city C (state Y)
  static final Hierarchy H =
      Hierarchy.fromKeys(
          List.of("store", "city", "state", "total"),
          new String[][] {
            {"S1", "S2", "S3", "S4"},
            {"A", "A", "B", "C"},
            {"X", "X", "X", "Y"},
            {"T", "T", "T", "T"}
          });

  @Test
  void bottomUpSums() {
    double[] bottom = {1, 2, 3, 4, 5, 6, 7, 8}; // horizon 2
    double[][] all = Reconciliation.bottomUp(H, bottom, 2);
    assertThat(all[1]).containsExactly(4, 6, 5, 6, 7, 8);
    assertThat(all[2]).containsExactly(9, 12, 7, 8);
    assertThat(all[3]).containsExactly(16, 20);
  }

  @Test
  void topDownSplitsByHistoryAndIsCoherent() {
    // one-period history: stores 1,3,4,2; cities A=4,B=4,C=2; states X=8,Y=2
    float[][] history = {{1, 3, 4, 2}, {4, 4, 2}, {8, 2}};
    double[][] all =
        Reconciliation.topDown(
            H, 3, new double[] {100}, 1, history, 1, ShareMethod.PROPORTION_OF_AVERAGES);
    assertThat(all[2][0]).isCloseTo(80, within(1e-9));
    assertThat(all[1]).containsExactly(40, 40, 20);
    assertThat(all[0][0]).isCloseTo(10, within(1e-9));
    assertThat(all[0][1]).isCloseTo(30, within(1e-9));
    double[][] up = Reconciliation.bottomUp(H, all[0], 1);
    for (int l = 0; l < 4; l++) {
      for (int i = 0; i < up[l].length; i++) {
        assertThat(up[l][i]).isCloseTo(all[l][i], within(1e-9));
      }
    }
  }

  @Test
  void topDownFromAMiddleLevelSumsUpAbove() {
    float[][] history = {{1, 1, 1, 1}};
    double[][] all =
        Reconciliation.topDown(
            H, 1, new double[] {10, 5, 1}, 1, history, 1, ShareMethod.PROPORTION_OF_AVERAGES);
    assertThat(all[0]).containsExactly(5, 5, 5, 1);
    assertThat(all[2]).containsExactly(15, 1);
    assertThat(all[3]).containsExactly(16);
  }

  @Test
  void levelsMustNest() {
    assertThatThrownBy(
            () ->
                Hierarchy.fromKeys(
                    List.of("store", "city", "state"),
                    new String[][] {{"S1", "S2"}, {"A", "A"}, {"X", "Y"}}))
        .hasMessageContaining("city 'A' has two parents at level state: 'X' and 'Y'");
    assertThatThrownBy(
            () ->
                Hierarchy.fromKeys(
                    List.of("store", "city"), new String[][] {{"S1", "S1"}, {"A", "A"}}))
        .hasMessageContaining("bottom keys must be distinct");
  }
}
