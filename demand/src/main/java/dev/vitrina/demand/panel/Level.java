package dev.vitrina.demand.panel;

import dev.vitrina.core.check.ParameterException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * An aggregation level: an ordered, non-empty list of column names, each {@code store}, {@code
 * item}, or an attribute of stores (e.g. {@code city}, {@code state}) or items (e.g. {@code
 * category}, {@code department}) from the dimension tables. {@code store,item} is the finest.
 */
public record Level(List<String> columns) {

  /** Store x item, the finest level. */
  public static final Level STORE_ITEM = new Level(List.of("store", "item"));

  public Level {
    if (columns == null || columns.isEmpty()) {
      throw new ParameterException(
          "level", "needs at least one column; use e.g. store,item or item,city");
    }
    if (new LinkedHashSet<>(columns).size() != columns.size()) {
      throw new ParameterException("level", "repeats a column: " + String.join(",", columns));
    }
    columns = List.copyOf(columns);
  }

  /** Parses {@code store,item}, {@code item,city}, ... */
  public static Level parse(String spec) {
    List<String> cols = new ArrayList<>();
    for (String p : spec.split(",")) {
      String c = p.trim().toLowerCase(Locale.ROOT);
      if (c.isEmpty()) {
        throw new ParameterException(
            "level", "has an empty column in '" + spec + "'; use e.g. item,city");
      }
      cols.add(c);
    }
    return new Level(cols);
  }

  @Override
  public String toString() {
    return String.join(",", columns);
  }
}
