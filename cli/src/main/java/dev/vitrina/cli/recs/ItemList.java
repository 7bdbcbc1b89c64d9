package dev.vitrina.cli.recs;

import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.Recommender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats a ranked list for the query commands. */
final class ItemList {

  private ItemList() {}

  static List<Map<String, Object>> of(Recommendations r, Recommender m) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int j = 0; j < r.size(); j++) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rank", j + 1);
      x.put("item", m.items().id(r.items()[j]));
      x.put("score", r.scores()[j]);
      items.add(x);
    }
    return items;
  }

  static String text(String who, Recommendations r, Recommender m) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s, model %s (%s): %d items%n",
            who,
            m.name(),
            r.source().name().toLowerCase(Locale.ROOT),
            r.size()));
    for (int j = 0; j < r.size(); j++) {
      sb.append(
          String.format(
              Locale.ROOT, "%3d  %-20s %.5f%n", j + 1, m.items().id(r.items()[j]), r.scores()[j]));
    }
    return sb.toString().stripTrailing();
  }
}
