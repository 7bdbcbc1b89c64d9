package dev.vitrina.recs.request.geo;

import dev.vitrina.core.check.ParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How an item's weight falls with its distance {@code d} (km) from the user: {@code c + (1 - c)
 * f(d)}, where {@code f} is {@code exp(-d / scale)} ({@link Shape#EXPONENTIAL}) or {@code (1 + d /
 * scale)^-exponent} ({@link Shape#POWER}) and {@code c} in [0, 1) is a floor: the weight never
 * falls below it, so a far item keeps a share {@code c} of its relevance. The weight is 1 at
 * distance 0 and decreases with distance. The shape, scale and floor are fitted on a validation
 * split (see {@link #grid()} and {@code docs/formulations.md}), not hand-set.
 *
 * @param shape the family
 * @param scaleKm the distance scale in km, {@code > 0}
 * @param exponent the power law's exponent, {@code > 0} (1 for the exponential, where it is unused)
 * @param floor the weight far away, in [0, 1) (0: no floor)
 */
public record DistanceDecay(Shape shape, double scaleKm, double exponent, double floor) {

  /** The decay families. */
  public enum Shape {
    /** {@code exp(-d / scale)}. */
    EXPONENTIAL,
    /** {@code (1 + d / scale)^-exponent}. */
    POWER
  }

  /**
   * The decay fitted for iALS on Foursquare Singapore (validation split carved from the given
   * training data, users located at the venues of their history; docs/formulations.md,
   * "Location-aware ranking"): a power law {@code (1 + d / 0.1 km)^-0.5}.
   */
  public static final DistanceDecay DEFAULT = new DistanceDecay(Shape.POWER, 0.1, 0.5);

  /** A decay without a floor ({@code floor} 0). */
  public DistanceDecay(Shape shape, double scaleKm, double exponent) {
    this(shape, scaleKm, exponent, 0);
  }

  public DistanceDecay {
    Objects.requireNonNull(shape, "shape");
    if (!(scaleKm > 0) || Double.isInfinite(scaleKm)) {
      throw new ParameterException(
          "decay_scale_km", "must be a finite number > 0, got " + scaleKm + "; e.g. 1 km");
    }
    if (!(exponent > 0) || Double.isInfinite(exponent)) {
      throw new ParameterException(
          "decay_exponent", "must be a finite number > 0, got " + exponent + "; e.g. 1");
    }
    if (!(floor >= 0 && floor < 1)) {
      throw new ParameterException(
          "decay_floor", "must be in [0, 1), got " + floor + "; e.g. 0 for no floor, or 0.5");
    }
  }

  /** This decay with the weight never below {@code floor}, in [0, 1). */
  public DistanceDecay withFloor(double floor) {
    return new DistanceDecay(shape, scaleKm, exponent, floor);
  }

  /** An exponential decay with scale {@code scaleKm}. */
  public static DistanceDecay exponential(double scaleKm) {
    return new DistanceDecay(Shape.EXPONENTIAL, scaleKm, 1);
  }

  /** A power-law decay {@code (1 + d / scaleKm)^-exponent}. */
  public static DistanceDecay power(double scaleKm, double exponent) {
    return new DistanceDecay(Shape.POWER, scaleKm, exponent);
  }

  /** The weight at distance {@code km} (>= 0), in (0, 1] and at least {@link #floor()}. */
  public double factor(double km) {
    double f =
        shape == Shape.EXPONENTIAL
            ? Math.exp(-km / scaleKm)
            : Math.pow(1 + km / scaleKm, -exponent);
    return floor == 0 ? f : floor + (1 - floor) * f;
  }

  /**
   * The grid searched when fitting: exponential decays with scales 0.1, 0.25, 0.5, 1, 2, 4, 8, 16
   * km, and power laws with the same scales and exponents 0.5, 1, 2 (32 decays).
   */
  public static List<DistanceDecay> grid() {
    double[] scales = {0.1, 0.25, 0.5, 1, 2, 4, 8, 16};
    List<DistanceDecay> out = new ArrayList<>();
    for (double s : scales) {
      out.add(exponential(s));
    }
    for (double a : new double[] {0.5, 1, 2}) {
      for (double s : scales) {
        out.add(power(s, a));
      }
    }
    return out;
  }

  /**
   * {@link #grid()} with each decay at each of {@code floors} (each in [0, 1)): {@code 32 x
   * floors.length} decays, floor-major.
   */
  public static List<DistanceDecay> grid(double... floors) {
    if (floors.length == 0) {
      throw new ParameterException(
          "decay_floors", "must list at least one floor in [0, 1), got none; e.g. 0, 0.5");
    }
    List<DistanceDecay> out = new ArrayList<>();
    for (double c : floors) {
      for (DistanceDecay d : grid()) {
        out.add(d.withFloor(c));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    String f =
        shape == Shape.EXPONENTIAL
            ? String.format(Locale.ROOT, "exp(-d/%gkm)", scaleKm)
            : String.format(Locale.ROOT, "(1+d/%gkm)^-%g", scaleKm, exponent);
    return floor == 0 ? f : String.format(Locale.ROOT, "%g+%g*%s", floor, 1 - floor, f);
  }
}
