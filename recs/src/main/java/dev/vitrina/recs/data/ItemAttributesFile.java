package dev.vitrina.recs.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.storage.AtomicWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link ItemAttributes} as one JSON file inside a model artifact, so that a
 * loaded model still knows its catalogue (titles, categories, genres, coordinates) at request time.
 * Items are listed by dense index; values an item lacks are null.
 */
public final class ItemAttributesFile {

  private ItemAttributesFile() {}

  /** Writes {@code a} to {@code file} (atomically). */
  public static void write(Path file, ItemAttributes a) throws IOException {
    int n = a.numItems();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", n);
    List<String> cat = new ArrayList<>(n);
    List<List<String>> genres = new ArrayList<>(n);
    List<String> titles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      cat.add(a.category(i).orElse(null));
      genres.add(List.of(a.genres(i)));
      titles.add(a.title(i).orElse(null));
    }
    out.put("category", cat);
    out.put("genres", genres);
    out.put("title", titles);
    List<Map<String, Object>> cols = new ArrayList<>();
    for (String name : a.columnNames()) {
      AttributeColumn c = a.column(name).orElseThrow();
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", name);
      col.put("kind", c.kind().name());
      List<Object> v = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        v.add(
            switch (c) {
              case AttributeColumn.Numeric x ->
                  x.value(i).isPresent() ? x.value(i).getAsDouble() : null;
              case AttributeColumn.Flag x -> x.value(i).orElse(null);
              case AttributeColumn.Values<?> x ->
                  x.value(i)
                      .map(o -> o instanceof GeoPoint p ? List.of(p.lat(), p.lon()) : o)
                      .orElse(null);
            });
      }
      col.put("values", v);
      cols.add(col);
    }
    out.put("columns", cols);
    AtomicWrite.writeString(file, Json.write(out));
  }

  /**
   * Reads attributes written by {@link #write} for {@code numItems} items.
   *
   * @throws IllegalArgumentException when the file covers another number of items
   */
  public static ItemAttributes read(Path file, int numItems) throws IOException {
    JsonNode root = Json.mapper().readTree(Files.readString(file));
    int n = root.path("items").asInt(-1);
    if (n != numItems) {
      throw new IllegalArgumentException(
          file + " describes " + n + " items but the model has " + numItems + "; save it again");
    }
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = Integer.toString(i);
      b.declareItem(ids[i]);
    }
    for (int i = 0; i < n; i++) {
      JsonNode c = root.path("category").path(i);
      if (c.isTextual()) {
        b.itemCategory(ids[i], c.asText());
      }
      JsonNode g = root.path("genres").path(i);
      if (g.isArray() && !g.isEmpty()) {
        List<String> names = new ArrayList<>();
        g.forEach(x -> names.add(x.asText()));
        b.itemGenres(ids[i], names);
      }
      JsonNode t = root.path("title").path(i);
      if (t.isTextual()) {
        b.itemTitle(ids[i], t.asText());
      }
    }
    ItemAttributes a = b.build().itemAttributes();
    for (JsonNode col : root.path("columns")) {
      String name = col.path("name").asText();
      JsonNode v = col.path("values");
      AttributeColumn.Kind kind = AttributeColumn.Kind.valueOf(col.path("kind").asText());
      a =
          a.withColumn(
              switch (kind) {
                case NUMERIC -> {
                  double[] d = new double[n];
                  Arrays.fill(d, Double.NaN);
                  for (int i = 0; i < n; i++) {
                    if (v.path(i).isNumber()) {
                      d[i] = v.path(i).asDouble();
                    }
                  }
                  yield AttributeColumn.numeric(name, d);
                }
                case BOOLEAN -> {
                  Boolean[] f = new Boolean[n];
                  for (int i = 0; i < n; i++) {
                    f[i] = v.path(i).isBoolean() ? v.path(i).asBoolean() : null;
                  }
                  yield AttributeColumn.flags(name, f);
                }
                case GEO_POINT -> {
                  GeoPoint[] p = new GeoPoint[n];
                  for (int i = 0; i < n; i++) {
                    JsonNode x = v.path(i);
                    p[i] =
                        x.isArray()
                            ? new GeoPoint(x.path(0).asDouble(), x.path(1).asDouble())
                            : null;
                  }
                  yield AttributeColumn.geoPoints(name, p);
                }
                case TEXT -> {
                  String[] s = new String[n];
                  for (int i = 0; i < n; i++) {
                    s[i] = v.path(i).isTextual() ? v.path(i).asText() : null;
                  }
                  yield AttributeColumn.texts(name, s);
                }
              });
    }
    return a;
  }
}
