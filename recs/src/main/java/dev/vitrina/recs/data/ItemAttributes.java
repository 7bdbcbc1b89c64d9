package dev.vitrina.recs.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * Optional per-item attributes, indexed by dense item index: one category, any number of genres and
 * a title. Categories and genres are dictionary-encoded. Immutable.
 */
public final class ItemAttributes {

  /** The category code of an item without a category. */
  public static final int NO_CATEGORY = -1;

  private final int[] category;
  private final String[] categoryNames;
  private final int[] genreOffsets;
  private final int[] genreCodes;
  private final String[] genreNames;
  private final String[] titles;

  ItemAttributes(
      int[] category,
      String[] categoryNames,
      int[] genreOffsets,
      int[] genreCodes,
      String[] genreNames,
      String[] titles) {
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
}
