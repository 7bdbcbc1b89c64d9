package dev.vitrina.serve.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The log of one experiment as the per-event table {@code abtest analyze} reads ({@code
 * experiment,unit,variant,event,value,day}).
 *
 * <ul>
 *   <li>Exposures (type {@code exposure}) of the experiment give a row each, with their own
 *       variant, so a user logged in two variants is found as a mixed unit.
 *   <li>Every other event of a user exposed in the experiment gives a row with the variant of the
 *       user's first exposure; an event that names another experiment is left out, one that names
 *       none counts for every experiment its user is exposed in.
 *   <li>{@code day} counts whole days (UTC, 24 h) since the experiment's first exposure. Events of
 *       a user before the user's first exposure are the pre-period: their day is negative (at most
 *       -1), so CUPED can use them and the effect does not count them.
 * </ul>
 */
public final class AnalysisTable {

  private static final long DAY = 86_400;

  private AnalysisTable() {}

  /** The experiments with exposures in the log, in name order. */
  public static List<String> experiments(SqlEventStore store) throws IOException {
    List<String> out = new ArrayList<>();
    store.query(
        "SELECT DISTINCT experiment FROM events WHERE type = 'exposure' AND experiment IS NOT"
            + " NULL ORDER BY experiment",
        r -> out.add(r.getString(1)));
    return out;
  }

  /**
   * Writes the table of {@code experiment} to {@code csv} (replacing it) and returns the number of
   * rows written.
   */
  public static long write(SqlEventStore store, String experiment, Path csv) throws IOException {
    Map<String, LocalDateTime> start = new HashMap<>();
    store.query(
        "SELECT min(ts) FROM events WHERE type = 'exposure' AND experiment = ?",
        r -> {
          if (r.getObject(1) != null) {
            start.put(experiment, r.getObject(1, LocalDateTime.class));
          }
        },
        experiment);
    LocalDateTime t0 = start.get(experiment);
    long[] rows = {0};
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("experiment,unit,variant,event,value,day\n");
      if (t0 == null) {
        return 0;
      }
      store.query(
          "SELECT user_id, variant, ts FROM events WHERE type = 'exposure' AND experiment = ?"
              + " ORDER BY ts, seq",
          r -> {
            String variant = r.getString(2);
            LocalDateTime ts = r.getObject(3, LocalDateTime.class);
            row(
                w,
                experiment,
                r.getString(1),
                variant == null ? "" : variant,
                "exposure",
                1,
                days(t0, ts));
            rows[0]++;
          },
          experiment);
      store.query(
          "WITH firsts AS (SELECT user_id, variant, ts AS first_ts FROM (SELECT user_id, variant,"
              + " ts, row_number() OVER (PARTITION BY user_id ORDER BY ts, seq) AS rn FROM events"
              + " WHERE type = 'exposure' AND experiment = ?) x WHERE rn = 1)"
              + " SELECT e.user_id, f.variant, e.type, e.value, e.ts, f.first_ts FROM events e"
              + " JOIN firsts f ON e.user_id = f.user_id"
              + " WHERE e.type <> 'exposure' AND (e.experiment IS NULL OR e.experiment = ?)"
              + " ORDER BY e.ts, e.seq",
          r -> {
            String variant = r.getString(2);
            LocalDateTime ts = r.getObject(5, LocalDateTime.class);
            LocalDateTime first = r.getObject(6, LocalDateTime.class);
            long day = days(t0, ts);
            if (ts.isBefore(first)) {
              day = Math.min(-1, day);
            }
            row(
                w,
                experiment,
                r.getString(1),
                variant == null ? "" : variant,
                r.getString(3),
                r.getDouble(4),
                day);
            rows[0]++;
          },
          experiment,
          experiment);
    }
    return rows[0];
  }

  private static long days(LocalDateTime start, LocalDateTime ts) {
    return Math.floorDiv(Duration.between(start, ts).toSeconds(), DAY);
  }

  private static void row(
      BufferedWriter w,
      String experiment,
      String unit,
      String variant,
      String type,
      double value,
      long day)
      throws IOException {
    w.write(quote(experiment));
    w.write(',');
    w.write(quote(unit));
    w.write(',');
    w.write(quote(variant));
    w.write(',');
    w.write(quote(type));
    w.write(',');
    w.write(Double.toString(value));
    w.write(',');
    w.write(Long.toString(day));
    w.write('\n');
  }

  private static String quote(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
