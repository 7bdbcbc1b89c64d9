package dev.vitrina.recs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserItemMatrixTest {

  @Test
  void coordinatesAreSortedSummedAndTransformed() {
    int[] r = {1, 0, 1, 1};
    int[] c = {2, 1, 0, 2};
    float[] v = {1, 4, 2, 3};
    UserItemMatrix m = UserItemMatrix.fromCoordinates(2, 3, r, c, v, ValueTransform.RAW);
    assertThat(m.indptr()).containsExactly(0, 1, 3);
    assertThat(m.indices()).containsExactly(1, 0, 2);
    assertThat(m.data()).containsExactly(4f, 2f, 4f);
    UserItemMatrix log = UserItemMatrix.fromCoordinates(2, 3, r, c, v, ValueTransform.LOG1P);
    assertThat(log.data()[2]).isEqualTo((float) Math.log1p(4));
    UserItemMatrix t = m.transpose();
    assertThat(t.rows()).isEqualTo(3);
    assertThat(t.indptr()).containsExactly(0, 1, 2, 3);
    assertThat(t.indices()).containsExactly(1, 0, 1);
    assertThat(t.transpose().indices()).containsExactly(m.indices());
    assertThat(m.columnCounts()).containsExactly(1, 1, 1);
    assertThat(m.contains(1, 2)).isTrue();
    assertThat(m.contains(0, 2)).isFalse();
  }

  @Test
  void invalidCsrIsRejected() {
    assertThatThrownBy(
            () -> UserItemMatrix.of(1, 3, new int[] {0, 2}, new int[] {2, 1}, new float[2]))
        .hasMessageContaining("out of order");
  }
}
