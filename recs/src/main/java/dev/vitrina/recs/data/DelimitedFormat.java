package dev.vitrina.recs.data;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.TimestampUnit;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * How to read interactions from a file: which columns hold what, the feedback kind and the bad-row
 * policy (any format), and for delimited text (CSV, TSV, MovieLens-style) the delimiter, header and
 * charset. Columns are named by header name, or by 1-based position ({@code "1"}, {@code "2"}, ...)
 * when the file has no header. Start from {@link #csv()} or {@link #tsv()} and change fields with
 * the {@code with...} methods; {@link InteractionsReader} reads with it. A missing column is
 * reported against the parameter that names it ({@code userColumn}, {@code itemColumn}, {@code
 * valueColumn}, {@code timestampColumn}, {@code eventColumn}).
 *
 * @param delimiter the field separator (a string, so {@code "::"} works for MovieLens 1M)
 * @param header whether the first line names the columns
 * @param userColumn the user id column
 * @param itemColumn the item id column
 * @param valueColumn the value column (rating, count or weight), or null: every row counts 1
 * @param timestampColumn the timestamp column, or null
 * @param timestampUnit how timestamps are written
 * @param eventColumn an event-type column whose weights replace the value, or null
 * @param eventWeights the weight of each event type when {@code eventColumn} is set
 * @param feedback implicit (counts/weights) or explicit (ratings)
 * @param badRows what to do with rows that break a rule
 * @param charset the file encoding
 */
public record DelimitedFormat(
    String delimiter,
    boolean header,
    String userColumn,
    String itemColumn,
    String valueColumn,
    String timestampColumn,
    TimestampUnit timestampUnit,
    String eventColumn,
    Map<String, Float> eventWeights,
    Feedback feedback,
    BadRowPolicy badRows,
    Charset charset) {

  public DelimitedFormat {
    Objects.requireNonNull(delimiter, "delimiter");
    if (delimiter.isEmpty()) {
      throw new ParameterException("delimiter", "must not be empty; use \",\" or \"\\t\"");
    }
    Objects.requireNonNull(userColumn, "userColumn");
    Objects.requireNonNull(itemColumn, "itemColumn");
    Objects.requireNonNull(timestampUnit, "timestampUnit");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(badRows, "badRows");
    Objects.requireNonNull(charset, "charset");
    eventWeights = eventWeights == null ? Map.of() : Map.copyOf(eventWeights);
    if (eventColumn != null && eventWeights.isEmpty()) {
      throw new ParameterException(
          "eventWeights",
          "is empty, but eventColumn '"
              + eventColumn
              + "' needs event weights, e.g. view=1,cart=3,purchase=5");
    }
    for (Map.Entry<String, Float> e : eventWeights.entrySet()) {
      if (!(e.getValue() >= 0) || e.getValue().isInfinite()) {
        throw new ParameterException(
            "eventWeights",
            "gives '"
                + e.getKey()
                + "' the weight "
                + e.getValue()
                + "; a weight must be a finite number >= 0");
      }
    }
    if (eventColumn != null && valueColumn != null) {
      throw new ParameterException(
          "valueColumn",
          "'"
              + valueColumn
              + "' and eventColumn '"
              + eventColumn
              + "' are both set; give one of them (event weights become the values)");
    }
  }

  /**
   * Comma-separated with a header: columns {@code user_id}, {@code item_id}, value {@code value},
   * timestamp {@code timestamp} (ISO), implicit feedback, failing on bad rows.
   */
  public static DelimitedFormat csv() {
    return new DelimitedFormat(
        ",",
        true,
        "user_id",
        "item_id",
        null,
        null,
        TimestampUnit.ISO,
        null,
        null,
        Feedback.IMPLICIT,
        BadRowPolicy.FAIL,
        StandardCharsets.UTF_8);
  }

  /** As {@link #csv()} but tab-separated. */
  public static DelimitedFormat tsv() {
    return csv().withDelimiter("\t");
  }

  public DelimitedFormat withDelimiter(String d) {
    return new DelimitedFormat(
        d,
        header,
        userColumn,
        itemColumn,
        valueColumn,
        timestampColumn,
        timestampUnit,
        eventColumn,
        eventWeights,
        feedback,
        badRows,
        charset);
  }

  public DelimitedFormat withHeader(boolean h) {
    return new DelimitedFormat(
        delimiter,
        h,
        userColumn,
        itemColumn,
        valueColumn,
        timestampColumn,
        timestampUnit,
        eventColumn,
        eventWeights,
        feedback,
        badRows,
        charset);
  }

  public DelimitedFormat withUserColumn(String c) {
    return new DelimitedFormat(
        delimiter,
        header,
        c,
        itemColumn,
        valueColumn,
        timestampColumn,
        timestampUnit,
        eventColumn,
        eventWeights,
        feedback,
        badRows,
        charset);
  }

  public DelimitedFormat withItemColumn(String c) {
    return new DelimitedFormat(
        delimiter,
        header,
        userColumn,
        c,
        valueColumn,
        timestampColumn,
        timestampUnit,
        eventColumn,
        eventWeights,
        feedback,
        badRows,
        charset);
  }

  public DelimitedFormat withValueColumn(String c) {
    return new DelimitedFormat(
        delimiter,
        header,
        userColumn,
        itemColumn,
        c,
        timestampColumn,
        timestampUnit,
        eventColumn,
        eventWeights,
        feedback,
        badRows,
        charset);
  }

  public DelimitedFormat withTimestampColumn(String c, TimestampUnit unit) {
    return new DelimitedFormat(
        delimiter,
        header,
        userColumn,
        itemColumn,
        valueColumn,
        c,
        unit,
        eventColumn,
        eventWeights,
        feedback,
        badRows,
        charset);
  }

  public DelimitedFormat withEvents(String column, Map<String, Float> weights) {
    return new DelimitedFormat(
        delimiter,
        header,
        userColumn,
        itemColumn,
        valueColumn,
        timestampColumn,
        timestampUnit,
        column,
        weights,
        feedback,
        badRows,
        charset);
  }

  public DelimitedFormat withFeedback(Feedback f) {
    return new DelimitedFormat(
        delimiter,
        header,
        userColumn,
        itemColumn,
        valueColumn,
        timestampColumn,
        timestampUnit,
        eventColumn,
        eventWeights,
        f,
        badRows,
        charset);
  }

  public DelimitedFormat withBadRows(BadRowPolicy p) {
    return new DelimitedFormat(
        delimiter,
        header,
        userColumn,
        itemColumn,
        valueColumn,
        timestampColumn,
        timestampUnit,
        eventColumn,
        eventWeights,
        feedback,
        p,
        charset);
  }

  public DelimitedFormat withCharset(Charset c) {
    return new DelimitedFormat(
        delimiter,
        header,
        userColumn,
        itemColumn,
        valueColumn,
        timestampColumn,
        timestampUnit,
        eventColumn,
        eventWeights,
        feedback,
        badRows,
        c);
  }

  /** Parses {@code "view=1,cart=3,purchase=5"} into event weights. */
  public static Map<String, Float> parseEventWeights(String spec) {
    Map<String, Float> m = new java.util.LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new ParameterException(
            "eventWeights", "must look like view=1,cart=3,purchase=5, got '" + spec + "'");
      }
      try {
        m.put(kv[0].trim(), Float.parseFloat(kv[1].trim()));
      } catch (NumberFormatException e) {
        throw new ParameterException(
            "eventWeights",
            "gives '"
                + kv[0].trim()
                + "' the weight '"
                + kv[1]
                + "', not a number, in '"
                + spec
                + "'");
      }
    }
    return m;
  }
}
