package dev.vitrina.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time zones of timestamp columns that pandas and Arrow record in a file's key-value metadata:
 * the {@code pandas} JSON ({@code columns[].metadata.timezone}) and the {@code ARROW:schema} entry
 * (base64 of an Arrow IPC Schema message, a flatbuffer whose Timestamp types carry a {@code
 * timezone} string). Metadata that cannot be parsed gives no zones; it is advisory and the Parquet
 * schema alone still reads.
 */
final class TimeZones {

  private TimeZones() {}

  /** Where a column's zone was found, for messages. */
  record Zone(String id, String source) {}

  static final String PANDAS = "pandas";
  static final String ARROW = "ARROW:schema";

  /** Column name to zone: the pandas metadata first, then ARROW:schema for the other columns. */
  static Map<String, Zone> of(Map<String, String> keyValues) {
    Map<String, Zone> out = new LinkedHashMap<>();
    String pandas = keyValues.get(PANDAS);
    if (pandas != null) {
      pandas(pandas).forEach((k, v) -> out.put(k, new Zone(v, PANDAS + " metadata")));
    }
    String arrow = keyValues.get(ARROW);
    if (arrow != null) {
      arrow(arrow).forEach((k, v) -> out.putIfAbsent(k, new Zone(v, ARROW + " metadata")));
    }
    return out;
  }

  /** Column ({@code field_name}, else {@code name}) to {@code metadata.timezone}. */
  static Map<String, String> pandas(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (Exception e) {
      return out;
    }
    if (root == null) {
      return out;
    }
    for (JsonNode c : root.path("columns")) {
      JsonNode tz = c.path("metadata").path("timezone");
      String name =
          c.path("field_name").isTextual()
              ? c.path("field_name").asText()
              : c.path("name").asText(null);
      if (name != null && tz.isTextual() && !tz.asText().isEmpty()) {
        out.put(name, tz.asText());
      }
    }
    return out;
  }

  // flatbuffer ids of the Arrow IPC schema (Message.fbs, Schema.fbs)
  private static final int MESSAGE_HEADER_TYPE = 1;
  private static final int MESSAGE_HEADER = 2;
  private static final int HEADER_SCHEMA = 1;
  private static final int SCHEMA_FIELDS = 1;
  private static final int FIELD_NAME = 0;
  private static final int FIELD_TYPE_TYPE = 2;
  private static final int FIELD_TYPE = 3;
  private static final int TYPE_TIMESTAMP = 10;
  private static final int TIMESTAMP_TIMEZONE = 1;

  /** Top-level field name to the timezone of its Timestamp type, from base64 ARROW:schema. */
  static Map<String, String> arrow(String base64) {
    Map<String, String> out = new LinkedHashMap<>();
    byte[] b;
    try {
      b = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      return out;
    }
    try {
      walk(b, out);
    } catch (CorruptException e) {
      out.clear();
    }
    return out;
  }

  private static void walk(byte[] b, Map<String, String> out) {
    int start = 0;
    if (b.length >= 8 && ByteSink.getInt(b, 0) == -1) {
      start = 8; // continuation marker, then the metadata length
    } else if (b.length >= 4) {
      start = 4; // legacy: the metadata length only
    }
    Flat f = new Flat(b, start);
    int message = f.root();
    if (f.u8(message, MESSAGE_HEADER_TYPE) != HEADER_SCHEMA) {
      return;
    }
    int schema = f.ref(message, MESSAGE_HEADER);
    int fields = f.ref(schema, SCHEMA_FIELDS);
    if (fields < 0) {
      return;
    }
    int n = f.vectorLength(fields);
    for (int i = 0; i < n; i++) {
      int field = f.vectorTable(fields, i);
      if (f.u8(field, FIELD_TYPE_TYPE) != TYPE_TIMESTAMP) {
        continue;
      }
      String name = f.string(f.ref(field, FIELD_NAME));
      int type = f.ref(field, FIELD_TYPE);
      String tz = type < 0 ? null : f.string(f.ref(type, TIMESTAMP_TIMEZONE));
      if (name != null && tz != null && !tz.isEmpty()) {
        out.putIfAbsent(name, tz);
      }
    }
  }

  /** Bounds-checked reads of flatbuffer tables, vectors and strings starting at {@code base}. */
  private static final class Flat {
    private final byte[] b;
    private final int base;

    Flat(byte[] b, int base) {
      this.b = b;
      this.base = base;
    }

    private int i32(int pos) {
      if (pos < base || pos > b.length - 4) {
        throw new CorruptException("flatbuffer offset " + pos + " out of range");
      }
      return ByteSink.getInt(b, pos);
    }

    private int u16(int pos) {
      if (pos < base || pos > b.length - 2) {
        throw new CorruptException("flatbuffer offset " + pos + " out of range");
      }
      return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
    }

    /** The root table's position. */
    int root() {
      return base + i32(base);
    }

    /** Position of field {@code id}'s data in {@code table}, or -1 when absent. */
    private int field(int table, int id) {
      int vtable = table - i32(table);
      int vsize = u16(vtable);
      int slot = 4 + 2 * id;
      if (slot + 2 > vsize) {
        return -1;
      }
      int off = u16(vtable + slot);
      return off == 0 ? -1 : table + off;
    }

    /** A ubyte field, 0 when absent. */
    int u8(int table, int id) {
      if (table < 0) {
        return 0;
      }
      int p = field(table, id);
      if (p < 0) {
        return 0;
      }
      if (p >= b.length) {
        throw new CorruptException("flatbuffer offset " + p + " out of range");
      }
      return b[p] & 0xFF;
    }

    /** The position an offset field points to (table, vector or string), or -1 when absent. */
    int ref(int table, int id) {
      if (table < 0) {
        return -1;
      }
      int p = field(table, id);
      return p < 0 ? -1 : p + i32(p);
    }

    int vectorLength(int vector) {
      int n = i32(vector);
      if (n < 0 || n > (b.length - vector - 4) / 4) {
        throw new CorruptException("flatbuffer vector length " + n + " out of range");
      }
      return n;
    }

    int vectorTable(int vector, int i) {
      int p = vector + 4 + 4 * i;
      return p + i32(p);
    }

    String string(int pos) {
      if (pos < 0) {
        return null;
      }
      int len = i32(pos);
      if (len < 0 || len > b.length - pos - 4) {
        throw new CorruptException("flatbuffer string length " + len + " out of range");
      }
      return new String(b, pos + 4, len, StandardCharsets.UTF_8);
    }
  }
}
