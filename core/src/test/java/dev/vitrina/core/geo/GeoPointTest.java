package dev.vitrina.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.check.ParameterException;
import org.junit.jupiter.api.Test;

class GeoPointTest {

  @Test
  void oneDegreeOfLatitudeIsAbout111Km() {
    // 2 * pi * 6371.0088 / 360 = 111.195 km
    assertThat(new GeoPoint(0, 0).distanceKm(new GeoPoint(1, 0))).isCloseTo(111.195, within(1e-3));
    assertThat(new GeoPoint(1.3, 103.8).distanceKm(new GeoPoint(1.3, 103.8))).isZero();
  }

  @Test
  void outOfRangeCoordinatesNameTheParameter() {
    assertThatThrownBy(() -> new GeoPoint(91, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("91")
        .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("lat"));
    assertThatThrownBy(() -> new GeoPoint(0, -180.5))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("-180.5")
        .satisfies(e -> assertThat(((ParameterException) e).parameter()).isEqualTo("lon"));
    assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("lat ");
  }
}
