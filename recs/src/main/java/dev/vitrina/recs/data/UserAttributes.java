package dev.vitrina.recs.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Optional per-user attributes as named string columns, indexed by dense user index (e.g. age,
 * occupation, home coordinates). Immutable.
 */
public final class UserAttributes {

  private final String[] columns;
  private final String[][] values;

  UserAttributes(String[] columns, String[][] values) {
    this.columns = columns;
    this.values = values;
  }

  /** No attributes. */
  public static UserAttributes none() {
    return new UserAttributes(new String[0], new String[0][]);
  }

  /** The attribute names. */
  public List<String> columns() {
    return List.of(columns);
  }

  /** The value of attribute {@code column} for {@code user}, if present. */
  public Optional<String> get(int user, String column) {
    int c = Arrays.asList(columns).indexOf(column);
    if (c < 0 || user >= values[c].length) {
      return Optional.empty();
    }
    return Optional.ofNullable(values[c][user]);
  }
}
