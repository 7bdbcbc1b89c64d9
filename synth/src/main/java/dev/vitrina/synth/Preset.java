package dev.vitrina.synth;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The size of a generated marketplace.
 *
 * @param name the preset name
 * @param stores number of stores (at most 10, taken in a fixed order from three states)
 * @param items number of items
 * @param days number of calendar days
 * @param start the first calendar day
 * @param users number of synthetic users who leave interaction events
 * @param meanEventsPerUser mean number of interaction events per user
 */
public record Preset(
    String name,
    int stores,
    int items,
    int days,
    LocalDate start,
    int users,
    double meanEventsPerUser) {

  /** For tests: 3 stores in 2 states, 60 items, 180 days. Generates in well under a second. */
  public static final Preset TINY =
      new Preset("tiny", 3, 60, 180, LocalDate.of(2015, 1, 5), 300, 20);

  /** The default run: 10 stores, 500 items, two years. */
  public static final Preset DEMO =
      new Preset("demo", 10, 500, 730, LocalDate.of(2014, 1, 1), 5_000, 25);

  /**
   * The shape of the M5 competition: 10 stores in 3 states, 3,049 items in 3 categories and 7
   * departments (30,490 store x item series), 1,941 days from 2011-01-29.
   */
  public static final Preset M5 =
      new Preset("m5", 10, 3_049, 1_941, LocalDate.of(2011, 1, 29), 100_000, 30);

  public Preset {
    if (stores < 1 || stores > 10) {
      throw new IllegalArgumentException("stores must be in [1, 10], got " + stores);
    }
    if (items < 7) {
      throw new IllegalArgumentException("items must be >= 7 (one per department), got " + items);
    }
    if (days < 28) {
      throw new IllegalArgumentException("days must be >= 28, got " + days);
    }
    if (users < 0) {
      throw new IllegalArgumentException("users must be >= 0, got " + users);
    }
  }

  /** The preset called {@code name} (tiny, demo, m5). */
  public static Preset named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tiny" -> TINY;
      case "demo" -> DEMO;
      case "m5" -> M5;
      default ->
          throw new IllegalArgumentException(
              "unknown preset '"
                  + name
                  + "'; use one of "
                  + Arrays.toString(new String[] {"tiny", "demo", "m5"}));
    };
  }
}
