package dev.vitrina.recs.request.geo;

import dev.vitrina.core.check.ParameterException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * Estimated time of arrival: {@code preparation + distance / speed(hour)}, in minutes, where the
 * hour is the request's local hour of day in {@code zone} and the preparation time is the item's
 * own ({@link ItemLocations#PREP_MINUTES}) or {@code defaultPrepMinutes}.
 *
 * <p>{@link #defaults()}: 15 minutes of preparation; couriers at 25 km/h, 15 km/h in the rush hours
 * 07:00-09:59 and 17:00-19:59, 30 km/h at night 22:00-05:59; hours in UTC. These are round figures
 * for urban two-wheeled delivery, not fitted values: give the real ones with {@link #of}.
 *
 * @param defaultPrepMinutes preparation time of an item without its own, {@code >= 0}
 * @param speedKmh courier speed for each local hour 0..23, each {@code > 0}
 * @param zone the time zone whose hour of day picks the speed
 */
public record EtaModel(double defaultPrepMinutes, double[] speedKmh, ZoneId zone) {

  /** The default preparation time in minutes. */
  public static final double DEFAULT_PREP_MINUTES = 15;

  public EtaModel {
    if (!(defaultPrepMinutes >= 0) || Double.isInfinite(defaultPrepMinutes)) {
      throw new ParameterException(
          "prep_minutes",
          "must be a finite number >= 0, got " + defaultPrepMinutes + "; e.g. 15 minutes");
    }
    Objects.requireNonNull(speedKmh, "speedKmh");
    Objects.requireNonNull(zone, "zone");
    if (speedKmh.length != 24) {
      throw new ParameterException(
          "speed_kmh",
          "needs one speed per hour of day (24 values), got "
              + speedKmh.length
              + "; e.g. 25 km/h for every hour");
    }
    for (int h = 0; h < 24; h++) {
      if (!(speedKmh[h] > 0) || Double.isInfinite(speedKmh[h])) {
        throw new ParameterException(
            "speed_kmh",
            "must be a finite number > 0 for every hour, got "
                + speedKmh[h]
                + " for hour "
                + h
                + "; e.g. 25 km/h");
      }
    }
    speedKmh = speedKmh.clone();
  }

  /** The defaults described above. */
  public static EtaModel defaults() {
    double[] s = new double[24];
    for (int h = 0; h < 24; h++) {
      s[h] = (h >= 22 || h < 6) ? 30 : (h >= 7 && h < 10) || (h >= 17 && h < 20) ? 15 : 25;
    }
    return new EtaModel(DEFAULT_PREP_MINUTES, s, ZoneOffset.UTC);
  }

  /** A model with one speed for every hour. */
  public static EtaModel of(double defaultPrepMinutes, double speedKmh, ZoneId zone) {
    double[] s = new double[24];
    Arrays.fill(s, speedKmh);
    return new EtaModel(defaultPrepMinutes, s, zone);
  }

  /** This model with times of day read in {@code z}. */
  public EtaModel inZone(ZoneId z) {
    return new EtaModel(defaultPrepMinutes, speedKmh, z);
  }

  /** The speed in km/h at local hour {@code hour} (0..23). */
  public double speedAt(int hour) {
    return speedKmh[hour];
  }

  /** A copy of the speeds by hour. */
  @Override
  public double[] speedKmh() {
    return speedKmh.clone();
  }

  /**
   * Minutes until an item {@code km} away, with preparation time {@code prepMinutes} (NaN: the
   * default), arrives when ordered at {@code when}.
   */
  public double minutes(double km, double prepMinutes, Instant when) {
    int hour = when.atZone(zone).getHour();
    double prep = Double.isNaN(prepMinutes) ? defaultPrepMinutes : prepMinutes;
    return prep + 60.0 * km / speedKmh[hour];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EtaModel e
        && e.defaultPrepMinutes == defaultPrepMinutes
        && Arrays.equals(e.speedKmh, speedKmh)
        && e.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(defaultPrepMinutes, Arrays.hashCode(speedKmh), zone);
  }

  @Override
  public String toString() {
    return "EtaModel[prep="
        + defaultPrepMinutes
        + " min, speedKmh="
        + Arrays.toString(speedKmh)
        + ", zone="
        + zone
        + "]";
  }
}
