package dev.vitrina.recs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ItemAttributesTest {

  /** Items a (category x, genres g1 g2, title "A"), b (category y), c (nothing). */
  private static ItemAttributes builtIns() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    b.itemCategory("a", "x").itemGenres("a", List.of("g1", "g2")).itemTitle("a", "A");
    b.itemCategory("b", "y").declareItem("c");
    b.add("u", "a", 1);
    return b.build().itemAttributes();
  }

  @Test
  void typedColumnsHoldValuesAndGapsPerItem() {
    ItemAttributes attrs =
        builtIns()
            .withColumn(AttributeColumn.numeric("price", new double[] {9.5, Double.NaN, 0}))
            .withColumn(AttributeColumn.flags("available", new Boolean[] {true, false, null}))
            .withColumn(
                AttributeColumn.geoPoints(
                    "shop", new GeoPoint[] {null, new GeoPoint(59.91, 10.75), null}))
            .withColumn(AttributeColumn.texts("brand", new String[] {"Acme", null, ""}));

    assertThat(attrs.columnNames()).containsExactly("price", "available", "shop", "brand");
    assertThat(attrs.number("price", 0)).isEqualTo(OptionalDouble.of(9.5));
    assertThat(attrs.number("price", 1)).isEmpty();
    assertThat(attrs.number("price", 2)).isEqualTo(OptionalDouble.of(0));
    assertThat(attrs.flag("available", 0)).contains(true);
    assertThat(attrs.flag("available", 1)).contains(false);
    assertThat(attrs.flag("available", 2)).isEmpty();
    assertThat(attrs.geoPoint("shop", 1)).contains(new GeoPoint(59.91, 10.75));
    assertThat(attrs.geoPoint("shop", 0)).isEmpty();
    assertThat(attrs.text("brand", 0)).contains("Acme");
    assertThat(attrs.text("brand", 1)).isEmpty();
    assertThat(attrs.text("brand", 2)).contains("");
    assertThat(attrs.column("price").orElseThrow().kind()).isEqualTo(AttributeColumn.Kind.NUMERIC);
    assertThat(attrs.column("price").orElseThrow().hasValue(1)).isFalse();
    assertThat(attrs.column("weight")).isEmpty();
  }

  @Test
  void addingColumnsKeepsCategoryGenresAndTitle() {
    ItemAttributes plain = builtIns();
    ItemAttributes attrs =
        plain.withColumn(AttributeColumn.numeric("price", new double[] {1, 2, 3}));

    assertThat(attrs.numItems()).isEqualTo(3);
    assertThat(attrs.category(0)).contains("x");
    assertThat(attrs.category(1)).contains("y");
    assertThat(attrs.categoryCode(2)).isEqualTo(ItemAttributes.NO_CATEGORY);
    assertThat(attrs.numCategories()).isEqualTo(2);
    assertThat(attrs.findCategory("y")).hasValue(attrs.categoryCode(1));
    assertThat(attrs.genres(0)).containsExactly("g1", "g2");
    assertThat(attrs.genres(1)).isEmpty();
    assertThat(attrs.title(0)).contains("A");
    assertThat(attrs.title(2)).isEmpty();
    assertThat(attrs.categoryCodes()).containsExactly(plain.categoryCodes());
    // the original is unchanged
    assertThat(plain.columnNames()).isEmpty();
    assertThat(ItemAttributes.none(4).columnNames()).isEmpty();
  }

  @Test
  void columnsCopyTheirInput() {
    double[] prices = {1, 2, 3};
    ItemAttributes attrs = builtIns().withColumn(AttributeColumn.numeric("price", prices));
    prices[0] = 100;
    assertThat(attrs.number("price", 0)).isEqualTo(OptionalDouble.of(1));
    double[] copy = ((AttributeColumn.Numeric) attrs.column("price").orElseThrow()).values();
    copy[1] = 100;
    assertThat(attrs.number("price", 1)).isEqualTo(OptionalDouble.of(2));
  }

  @Test
  void badColumnsAreRejectedNamingTheColumnAndTheFix() {
    ItemAttributes attrs =
        builtIns().withColumn(AttributeColumn.numeric("price", new double[] {1, 2, 3}));

    assertThatThrownBy(
            () -> attrs.withColumn(AttributeColumn.numeric("weight", new double[] {1, 2})))
        .isInstanceOf(ParameterException.class)
        .hasMessage(
            "weight covers 2 items, but the item set has 3; give one value (or none) per item"
                + " index");
    assertThatThrownBy(
            () -> attrs.withColumn(AttributeColumn.texts("price", new String[] {"a", "b", "c"})))
        .hasMessage(
            "price is already an item attribute column (NUMERIC); give each column its own name");
    assertThatThrownBy(
            () -> attrs.withColumn(AttributeColumn.texts("title", new String[] {"a", "b", "c"})))
        .hasMessageContaining("title is a built-in item attribute");
    assertThatThrownBy(
            () -> AttributeColumn.numeric("price", new double[] {1, Double.POSITIVE_INFINITY}))
        .hasMessage(
            "price has an infinite value for item index 1; give a finite number, or NaN for no"
                + " value");
    assertThatThrownBy(() -> AttributeColumn.texts(" ", new String[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be blank");
  }

  @Test
  void readingAColumnAsTheWrongKindOrAnUnknownColumnFails() {
    ItemAttributes attrs =
        builtIns().withColumn(AttributeColumn.numeric("price", new double[] {1, 2, 3}));

    assertThatThrownBy(() -> attrs.text("price", 0))
        .isInstanceOf(ParameterException.class)
        .hasMessage(
            "price is a NUMERIC item attribute column, not TEXT; read it with the accessor of its"
                + " kind");
    ItemAttributes withShop =
        attrs.withColumn(AttributeColumn.geoPoints("shop", new GeoPoint[] {null, null, null}));
    assertThatThrownBy(() -> withShop.text("shop", 0))
        .as("points and texts share a column class; the kind still decides")
        .hasMessageStartingWith("shop is a GEO_POINT item attribute column, not TEXT");
    assertThatThrownBy(() -> attrs.flag("stock", 0))
        .hasMessage(
            "stock is not an item attribute column; the columns are [price] (add one with"
                + " withColumn)");
  }
}
