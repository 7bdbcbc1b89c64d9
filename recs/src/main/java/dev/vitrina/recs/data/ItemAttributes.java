package dev.vitrina.recs.data;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Optional per-item attributes, indexed by dense item index: one category, any number of genres and
 * a title, plus any number of named, typed {@link AttributeColumn columns} (a price, an
 * availability flag, coordinates, a text) added with {@link #withColumn}. Categories and genres are
 * dictionary-encoded. Immutable.
 */
public final class ItemAttributes {

  /** The category code of an item without a category. */
  public static final int NO_CATEGORY = -1;

  private static final Set<String> BUILT_IN = Set.of("category", "genres", "title");

  private final int[] category;
  private final String[] categoryNames;
  private final int[] genreOffsets;
  private final int[] genreCodes;
  private final String[] genreNames;
  private final String[] titles;
  private final Map<String, AttributeColumn> columns;

  ItemAttributes(
      int[] category,
      String[] categoryNames,
      int[] genreOffsets,
      int[] genreCodes,
      String[] genreNames,
      String[] titles) {
    this(category, categoryNames, genreOffsets, genreCodes, genreNames, titles, Map.of());
  }

  private ItemAttributes(
      int[] category,
      String[] categoryNames,
      int[] genreOffsets,
      int[] genreCodes,
      String[] genreNames,
      String[] titles,
      Map<String, AttributeColumn> columns) {
    this.columns = columns;
    this.category = category;
    this.categoryNames = categoryNames;
    this.genreOffsets = genreOffsets;
    this.genreCodes = genreCodes;
    this.genreNames = genreNames;
    this.titles = titles;
  }

  /** Attributes for {@code numItems} items with nothing known. */
  public static ItemAttributes none(int numItems) {
    int[] cat = new int[numItems];
    Arrays.fill(cat, NO_CATEGORY);
    return new ItemAttributes(
        cat, new String[0], new int[numItems + 1], new int[0], new String[0], new String[numItems]);
  }

  /** The number of items covered. */
  public int numItems() {
    return category.length;
  }

  /** Whether any item has a category. */
  public boolean hasCategories() {
    return categoryNames.length > 0;
  }

  /** The category code of {@code item}, or {@link #NO_CATEGORY}. */
  public int categoryCode(int item) {
    return category[item];
  }

  /** The number of distinct categories. */
  public int numCategories() {
    return categoryNames.length;
  }

  /** The name of category {@code code}. */
  public String categoryName(int code) {
    return categoryNames[code];
  }

  /** The category code of {@code name}, or empty when no item has it. */
  public java.util.OptionalInt findCategory(String name) {
    for (int i = 0; i < categoryNames.length; i++) {
      if (categoryNames[i].equals(name)) {
        return java.util.OptionalInt.of(i);
      }
    }
    return java.util.OptionalInt.empty();
  }

  /** The category name of {@code item}, if any. */
  public Optional<String> category(int item) {
    int c = category[item];
    return c == NO_CATEGORY ? Optional.empty() : Optional.of(categoryNames[c]);
  }

  /** The genre codes of {@code item}. */
  public int[] genreCodes(int item) {
    return Arrays.copyOfRange(genreCodes, genreOffsets[item], genreOffsets[item + 1]);
  }

  /** The number of genres of {@code item}. */
  public int genreCount(int item) {
    return genreOffsets[item + 1] - genreOffsets[item];
  }

  /** The code of {@code item}'s {@code j}-th genre (0-based, below {@link #genreCount}). */
  public int genreCode(int item, int j) {
    return genreCodes[genreOffsets[item] + j];
  }

  /** The genre names of {@code item}. */
  public String[] genres(int item) {
    int[] codes = genreCodes(item);
    String[] out = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      out[i] = genreNames[codes[i]];
    }
    return out;
  }

  /** The names of all genres, by code. */
  public String[] genreNames() {
    return genreNames.clone();
  }

  /** The title of {@code item}, if known. */
  public Optional<String> title(int item) {
    return Optional.ofNullable(titles[item]);
  }

  /** Copies of the raw category codes, for algorithms. */
  public int[] categoryCodes() {
    return category.clone();
  }

  /** The names of all categories, by code. */
  public String[] categoryNames() {
    return categoryNames.clone();
  }

  /**
   * These attributes with {@code column} added after the existing columns.
   *
   * @throws IllegalArgumentException if the column does not cover exactly {@link #numItems()}
   *     items, or its name is taken by another column or by the built-in category, genres or title
   */
  public ItemAttributes withColumn(AttributeColumn column) {
    String name = column.name();
    if (BUILT_IN.contains(name)) {
      throw new ParameterException(
          name,
          "is a built-in item attribute (category, genres, title); give the column another name");
    }
    if (columns.containsKey(name)) {
      throw new ParameterException(
          name,
          "is already an item attribute column ("
              + columns.get(name).kind()
              + "); give each column its own name");
    }
    if (column.size() != numItems()) {
      throw new ParameterException(
          name,
          "covers "
              + column.size()
              + " items, but the item set has "
              + numItems()
              + "; give one value (or none) per item index");
    }
    Map<String, AttributeColumn> next = new LinkedHashMap<>(columns);
    next.put(name, column);
    return new ItemAttributes(
        category,
        categoryNames,
        genreOffsets,
        genreCodes,
        genreNames,
        titles,
        Collections.unmodifiableMap(next));
  }

  /** The names of the added columns, in the order they were added. */
  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /** The column named {@code name}, if there is one. */
  public Optional<AttributeColumn> column(String name) {
    return Optional.ofNullable(columns.get(name));
  }

  /**
   * The number in numeric column {@code name} for {@code item}, if it has one.
   *
   * @throws IllegalArgumentException if there is no such column or it is not numeric
   */
  public OptionalDouble number(String name, int item) {
    return typed(name, AttributeColumn.Numeric.class, AttributeColumn.Kind.NUMERIC).value(item);
  }

  /**
   * The yes/no value in boolean column {@code name} for {@code item}, if it has one.
   *
   * @throws IllegalArgumentException if there is no such column or it is not boolean
   */
  public Optional<Boolean> flag(String name, int item) {
    return typed(name, AttributeColumn.Flag.class, AttributeColumn.Kind.BOOLEAN).value(item);
  }

  /**
   * The point in geographic column {@code name} for {@code item}, if it has one.
   *
   * @throws IllegalArgumentException if there is no such column or it does not hold points
   */
  @SuppressWarnings("unchecked") // the kind is checked: a GEO_POINT column holds GeoPoints
  public Optional<GeoPoint> geoPoint(String name, int item) {
    return (Optional<GeoPoint>)
        typed(name, AttributeColumn.Values.class, AttributeColumn.Kind.GEO_POINT).value(item);
  }

  /**
   * The text in text column {@code name} for {@code item}, if it has one.
   *
   * @throws IllegalArgumentException if there is no such column or it is not a text column
   */
  @SuppressWarnings("unchecked") // the kind is checked: a TEXT column holds Strings
  public Optional<String> text(String name, int item) {
    return (Optional<String>)
        typed(name, AttributeColumn.Values.class, AttributeColumn.Kind.TEXT).value(item);
  }

  private <C extends AttributeColumn> C typed(
      String name, Class<C> type, AttributeColumn.Kind kind) {
    AttributeColumn c = columns.get(name);
    if (c == null) {
      throw new ParameterException(
          name,
          "is not an item attribute column; the columns are "
              + columns.keySet()
              + " (add one with withColumn)");
    }
    if (c.kind() != kind) {
      throw new ParameterException(
          name,
          "is a "
              + c.kind()
              + " item attribute column, not "
              + kind
              + "; read it with the accessor of its kind");
    }
    return type.cast(c);
  }
}
