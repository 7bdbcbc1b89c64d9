package dev.vitrina.recs.data;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One named, typed attribute per item, indexed by dense item index, where any item may lack a
 * value: a number (price), a yes/no flag (availability), a geographic point (a shop's coordinates)
 * or a text. Immutable: the factories copy their arrays.
 */
public sealed interface AttributeColumn
    permits AttributeColumn.Numeric, AttributeColumn.Flag, AttributeColumn.Values {

  /** What a column holds. */
  enum Kind {
    /** A finite number; {@code NaN} in the input array means no value. */
    NUMERIC,
    /** Yes or no; {@code null} in the input array means no value. */
    BOOLEAN,
    /** A {@link GeoPoint}; {@code null} in the input array means no value. */
    GEO_POINT,
    /** A text; {@code null} in the input array means no value. */
    TEXT
  }

  /** The column's name, unique among an item set's columns. */
  String name();

  /** What the column holds. */
  Kind kind();

  /** The number of items covered. */
  int size();

  /** Whether {@code item} has a value. */
  boolean hasValue(int item);

  /**
   * A numeric column; {@code NaN} marks an item without a value.
   *
   * @throws IllegalArgumentException if the name is blank or a value is infinite
   */
  static Numeric numeric(String name, double[] values) {
    checkName(name);
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw new ParameterException(
            name,
            "has an infinite value for item index "
                + i
                + "; give a finite number, or NaN for no value");
      }
    }
    return new Numeric(name, values.clone());
  }

  /** A yes/no column; {@code null} marks an item without a value. */
  static Flag flags(String name, Boolean[] values) {
    checkName(name);
    byte[] v = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      v[i] = values[i] == null ? Flag.NONE : values[i] ? Flag.YES : Flag.NO;
    }
    return new Flag(name, v);
  }

  /** A column of geographic points; {@code null} marks an item without a value. */
  static Values<GeoPoint> geoPoints(String name, GeoPoint[] values) {
    checkName(name);
    return new Values<>(name, Kind.GEO_POINT, values.clone());
  }

  /** A text column; {@code null} marks an item without a value. */
  static Values<String> texts(String name, String[] values) {
    checkName(name);
    return new Values<>(name, Kind.TEXT, values.clone());
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new ParameterException(
          "name", "of an attribute column must not be blank, got '" + name + "'; name the column");
    }
  }

  /** Numbers per item. */
  final class Numeric implements AttributeColumn {
    private final String name;
    private final double[] values;

    private Numeric(String name, double[] values) {
      this.name = name;
      this.values = values;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Kind kind() {
      return Kind.NUMERIC;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean hasValue(int item) {
      return !Double.isNaN(values[item]);
    }

    /** The value of {@code item}, if it has one. */
    public OptionalDouble value(int item) {
      return hasValue(item) ? OptionalDouble.of(values[item]) : OptionalDouble.empty();
    }

    /** A copy of the values, {@code NaN} where an item has none. */
    public double[] values() {
      return values.clone();
    }
  }

  /** Yes/no per item. */
  final class Flag implements AttributeColumn {
    private static final byte NONE = -1;
    private static final byte NO = 0;
    private static final byte YES = 1;

    private final String name;
    private final byte[] values;

    private Flag(String name, byte[] values) {
      this.name = name;
      this.values = values;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Kind kind() {
      return Kind.BOOLEAN;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean hasValue(int item) {
      return values[item] != NONE;
    }

    /** The value of {@code item}, if it has one. */
    public Optional<Boolean> value(int item) {
      return hasValue(item) ? Optional.of(values[item] == YES) : Optional.empty();
    }
  }

  /** Points or texts per item ({@link Kind#GEO_POINT}, {@link Kind#TEXT}); null is no value. */
  final class Values<T> implements AttributeColumn {
    private final String name;
    private final Kind kind;
    private final T[] values;

    private Values(String name, Kind kind, T[] values) {
      this.name = name;
      this.kind = kind;
      this.values = values;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Kind kind() {
      return kind;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean hasValue(int item) {
      return values[item] != null;
    }

    /** The value of {@code item}, if it has one. */
    public Optional<T> value(int item) {
      return Optional.ofNullable(values[item]);
    }
  }
}
