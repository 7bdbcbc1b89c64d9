package dev.vitrina.experiments.data;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.table.Field;
import dev.vitrina.core.table.FieldKind;

/**
 * Column names of the input table. Defaults: {@code experiment, unit, variant, event, value, day}.
 * Each name is a library parameter ({@code unitColumn}, {@code variantColumn}, {@code
 * experimentColumn}, {@code eventColumn}, {@code valueColumn}, {@code dayColumn}): a required
 * column the file lacks is a {@link dev.vitrina.core.check.ParameterException} naming it.
 *
 * @param experiment experiment name column (optional in the file: without it every row belongs to
 *     the analyzed experiment)
 * @param unit the randomization unit id (user id) column, required
 * @param variant the variant name column, required
 * @param event the event type column; its presence makes a table per-event
 * @param value the numeric value of an event (e.g. revenue of a purchase), optional
 * @param day integer day since the experiment start, optional; {@code day < 0} is the pre-period
 *     used for CUPED covariates, and days enable daily sequential looks
 */
public record Columns(
    String experiment, String unit, String variant, String event, String value, String day) {

  /** The default names. */
  public static final Columns DEFAULT =
      new Columns("experiment", "unit", "variant", "event", "value", "day");

  /** Validates that names are non-blank. */
  public Columns {
    for (String s : new String[] {experiment, unit, variant, event, value, day}) {
      Checks.require(s != null && !s.isBlank(), "column names must not be blank");
    }
  }

  /** With another unit column name. */
  public Columns withUnit(String name) {
    return new Columns(experiment, name, variant, event, value, day);
  }

  /** With another variant column name. */
  public Columns withVariant(String name) {
    return new Columns(experiment, unit, name, event, value, day);
  }

  /** With another experiment column name. */
  public Columns withExperiment(String name) {
    return new Columns(name, unit, variant, event, value, day);
  }

  /** With another event column name. */
  public Columns withEvent(String name) {
    return new Columns(experiment, unit, variant, name, value, day);
  }

  /** With another value column name. */
  public Columns withValue(String name) {
    return new Columns(experiment, unit, variant, event, name, day);
  }

  /** With another day column name. */
  public Columns withDay(String name) {
    return new Columns(experiment, unit, variant, event, value, name);
  }

  /** The unit id: required. */
  Field unitField() {
    return Field.required("unitColumn", "unit id", unit, FieldKind.ID);
  }

  /** The variant: required. */
  Field variantField() {
    return Field.required("variantColumn", "variant", variant, FieldKind.ID);
  }

  /** The experiment name: optional column, empty values allowed. */
  Field experimentField() {
    return Field.optional("experimentColumn", "experiment", experiment, FieldKind.TEXT);
  }

  /** The event type of a per-event table: required. */
  Field eventField() {
    return Field.required("eventColumn", "event type", event, FieldKind.TEXT);
  }

  /** The value of an event: optional, empty means 0. */
  Field valueField() {
    return Field.optional("valueColumn", "value", value, FieldKind.DOUBLE);
  }

  /** The day of an event: optional column, but every row needs one when the column is there. */
  Field dayField(boolean present) {
    return new Field("dayColumn", "day", day, FieldKind.INT, present, null);
  }

  /** A numeric column of a per-unit table that a metric reads: empty means 0. */
  static Field metricField(String column) {
    return Field.optional("metrics", column, column, FieldKind.DOUBLE);
  }
}
