package dev.vitrina.parquet;

import java.util.ArrayList;
import java.util.List;

/**
 * How the reader maps one top-level schema field to a vitrina column: its leaf index in each row
 * group, the physical type and the conversion to apply, or why it cannot be read.
 *
 * @param name field name
 * @param spec the column as vitrina sees it; null when unsupported
 * @param leaf index of the column chunk within a row group (-1 for a nested group)
 * @param physical Parquet physical type
 * @param typeLength FIXED_LEN_BYTE_ARRAY width, else -1
 * @param conversion conversion from the physical values
 * @param scale decimal scale
 * @param instant whether the values are instants (TIMESTAMP with isAdjustedToUTC=true, the legacy
 *     TIMESTAMP_MILLIS/MICROS converted types, INT96) rather than wall-clock (local) timestamps
 * @param typeName the Parquet type for messages: physical type, then the logical or converted type
 * @param unsupported why the column cannot be read, or null
 */
record ColumnInfo(
    String name,
    ColumnSpec spec,
    int leaf,
    int physical,
    int typeLength,
    ColumnInfo.Conversion conversion,
    int scale,
    boolean instant,
    String typeName,
    String unsupported) {

  /** Conversion from physical to vitrina values. */
  enum Conversion {
    NONE,
    /** unsigned INT32 to INT64. */
    UINT32,
    /** unscaled decimal (INT32, INT64 or big-endian binary) to DOUBLE. */
    DECIMAL,
    /** INT64 microseconds to milliseconds. */
    MICROS,
    /** INT64 nanoseconds to milliseconds. */
    NANOS
  }

  /** Resolves the top-level fields of a Parquet schema (element 0 is the root). */
  static List<ColumnInfo> resolve(List<Footer.SchemaElement> schema) {
    List<ColumnInfo> out = new ArrayList<>();
    Footer.SchemaElement root = schema.get(0);
    int children = Math.max(0, root.numChildren());
    int index = 1;
    int leaf = 0;
    for (int c = 0; c < children; c++) {
      if (index >= schema.size()) {
        throw new CorruptException(
            "schema root declares " + children + " fields but the schema list ends early");
      }
      Footer.SchemaElement el = schema.get(index);
      if (el.numChildren() > 0) {
        int[] next = {index, 0};
        skipSubtree(schema, next);
        out.add(
            unsupported(
                el.name(),
                leaf,
                "group",
                "is a nested group ("
                    + el.numChildren()
                    + " child fields); vitrina reads flat columns only: flatten it (e.g. SELECT"
                    + " s.* / unnest in DuckDB) before writing"));
        index = next[0];
        leaf += next[1];
        continue;
      }
      out.add(leaf(el, leaf));
      index++;
      leaf++;
    }
    return out;
  }

  private static void skipSubtree(List<Footer.SchemaElement> schema, int[] state) {
    if (state[0] >= schema.size()) {
      throw new CorruptException("schema list ends inside a nested group");
    }
    Footer.SchemaElement el = schema.get(state[0]++);
    if (el.numChildren() > 0) {
      for (int i = 0; i < el.numChildren(); i++) {
        skipSubtree(schema, state);
      }
    } else {
      state[1]++;
    }
  }

  private static ColumnInfo unsupported(String name, int leaf, String typeName, String why) {
    return new ColumnInfo(name, null, leaf, -1, -1, Conversion.NONE, 0, false, typeName, why);
  }

  /**
   * The physical type, then the logical type (or else the converted type), e.g. "INT64
   * (TIMESTAMP)".
   */
  static String typeName(Footer.SchemaElement el) {
    String physical =
        el.type() == Format.FIXED_LEN_BYTE_ARRAY
            ? "FIXED_LEN_BYTE_ARRAY(" + el.typeLength() + ")"
            : Format.typeName(el.type());
    Footer.Logical lt = el.logical();
    String logical;
    if (lt.kind() != 0) {
      logical = Format.logicalName(lt.kind());
      if (lt.kind() == Format.LT_TIMESTAMP || lt.kind() == Format.LT_TIME) {
        logical +=
            "("
                + (lt.utc() ? "isAdjustedToUTC=true" : "isAdjustedToUTC=false")
                + ", "
                + Format.unitName(lt.unit())
                + ")";
      }
    } else if (el.convertedType() >= 0) {
      logical = Format.convertedName(el.convertedType());
    } else {
      return physical;
    }
    return physical + " (" + logical + ")";
  }

  private static ColumnInfo leaf(Footer.SchemaElement el, int leaf) {
    String name = el.name();
    String typeName = typeName(el);
    if (name.isBlank()) {
      return unsupported(name, leaf, typeName, "has a blank name; give the column a name");
    }
    if (el.repetition() == Format.REPEATED) {
      return unsupported(
          name,
          leaf,
          typeName,
          "is a repeated field; vitrina reads flat columns only: unnest it first");
    }
    boolean nullable = el.repetition() != Format.REQUIRED;
    Footer.Logical lt = el.logical();
    int ct = el.convertedType();
    int physical = el.type();
    boolean decimal = lt.kind() == Format.LT_DECIMAL || (lt.kind() == 0 && ct == Format.CT_DECIMAL);
    int scale = lt.kind() == Format.LT_DECIMAL ? lt.scale() : Math.max(0, el.scale());
    ColumnType type;
    Conversion conv = Conversion.NONE;
    boolean instant = false;
    switch (physical) {
      case Format.BOOLEAN -> type = ColumnType.BOOLEAN;
      case Format.FLOAT -> type = ColumnType.FLOAT;
      case Format.DOUBLE -> type = ColumnType.DOUBLE;
      case Format.INT32 -> {
        if (decimal) {
          type = ColumnType.DOUBLE;
          conv = Conversion.DECIMAL;
        } else if (lt.kind() == Format.LT_DATE || (lt.kind() == 0 && ct == Format.CT_DATE)) {
          type = ColumnType.DATE;
        } else if ((lt.kind() == Format.LT_INTEGER && !lt.signed() && lt.bitWidth() == 32)
            || (lt.kind() == 0 && ct == Format.CT_UINT_32)) {
          type = ColumnType.INT64;
          conv = Conversion.UINT32;
        } else {
          type = ColumnType.INT32;
        }
      }
      case Format.INT64 -> {
        int unit = 0;
        if (lt.kind() == Format.LT_TIMESTAMP) {
          unit = lt.unit();
          instant = lt.utc();
        } else if (lt.kind() == 0 && ct == Format.CT_TIMESTAMP_MILLIS) {
          unit = Format.UNIT_MILLIS;
          instant = true;
        } else if (lt.kind() == 0 && ct == Format.CT_TIMESTAMP_MICROS) {
          unit = Format.UNIT_MICROS;
          instant = true;
        }
        if (decimal) {
          type = ColumnType.DOUBLE;
          conv = Conversion.DECIMAL;
        } else if (unit != 0) {
          type = ColumnType.TIMESTAMP_MILLIS;
          conv =
              switch (unit) {
                case Format.UNIT_MICROS -> Conversion.MICROS;
                case Format.UNIT_NANOS -> Conversion.NANOS;
                default -> Conversion.NONE;
              };
        } else {
          type = ColumnType.INT64;
        }
      }
      case Format.BYTE_ARRAY -> {
        if (decimal) {
          type = ColumnType.DOUBLE;
          conv = Conversion.DECIMAL;
        } else if (lt.kind() == Format.LT_BSON || ct == Format.CT_BSON) {
          return unsupported(
              name, leaf, typeName, "is BSON binary; convert it to a JSON string first");
        } else {
          type = ColumnType.STRING;
        }
      }
      case Format.FIXED_LEN_BYTE_ARRAY -> {
        if (decimal) {
          type = ColumnType.DOUBLE;
          conv = Conversion.DECIMAL;
        } else {
          return unsupported(
              name,
              leaf,
              typeName,
              "is FIXED_LEN_BYTE_ARRAY("
                  + el.typeLength()
                  + ") without a DECIMAL annotation (UUID, FLOAT16, INTERVAL or raw bytes);"
                  + " cast it to a string, double or decimal before writing");
        }
      }
      case Format.INT96 -> {
        type = ColumnType.TIMESTAMP_MILLIS;
        instant = true;
      }
      default -> {
        return unsupported(name, leaf, typeName, "has no or an unknown physical type " + physical);
      }
    }
    return new ColumnInfo(
        name,
        new ColumnSpec(name, type, nullable),
        leaf,
        physical,
        el.typeLength(),
        conv,
        scale,
        instant,
        typeName,
        null);
  }
}
