package dev.vitrina.parquet;

import java.nio.charset.StandardCharsets;

/**
 * Writes Thrift compact protocol structs. Fields are written with their id and type; structs nest
 * with {@link #beginStruct}/{@link #endStruct}, list elements that are structs with {@link
 * #beginElement}/{@link #endStruct}. See the Thrift compact protocol specification.
 */
final class ThriftWriter {

  static final int BOOL_TRUE = 1;
  static final int BOOL_FALSE = 2;
  static final int I16 = 4;
  static final int I32 = 5;
  static final int I64 = 6;
  static final int BINARY = 8;
  static final int LIST = 9;
  static final int STRUCT = 12;

  private final ByteSink out;
  private final int[] stack = new int[64];
  private int depth;
  private int lastId;

  ThriftWriter(ByteSink out) {
    this.out = out;
  }

  private void fieldHeader(int type, int id) {
    int delta = id - lastId;
    if (delta > 0 && delta <= 15) {
      out.write((delta << 4) | type);
    } else {
      out.write(type);
      out.writeVarLong(zigzag(id));
    }
    lastId = id;
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  void i16(int id, int v) {
    fieldHeader(I16, id);
    out.writeVarLong(zigzag(v));
  }

  void i32(int id, int v) {
    fieldHeader(I32, id);
    out.writeVarLong(zigzag(v));
  }

  void i64(int id, long v) {
    fieldHeader(I64, id);
    out.writeVarLong(zigzag(v));
  }

  void bool(int id, boolean v) {
    fieldHeader(v ? BOOL_TRUE : BOOL_FALSE, id);
  }

  void binary(int id, byte[] b) {
    fieldHeader(BINARY, id);
    out.writeVarLong(b.length);
    out.write(b);
  }

  void string(int id, String s) {
    binary(id, s.getBytes(StandardCharsets.UTF_8));
  }

  /** Starts a struct-valued field. */
  void beginStruct(int id) {
    fieldHeader(STRUCT, id);
    push();
  }

  /** Starts a struct that is a list element. */
  void beginElement() {
    push();
  }

  /** Ends a struct started by {@link #beginStruct} or {@link #beginElement}. */
  void endStruct() {
    out.write(0);
    lastId = stack[--depth];
  }

  /** An empty struct-valued field, e.g. a logical type marker. */
  void emptyStruct(int id) {
    beginStruct(id);
    endStruct();
  }

  /** Starts a list field; the caller then writes {@code size} elements. */
  void beginList(int id, int elementType, int size) {
    fieldHeader(LIST, id);
    if (size < 15) {
      out.write((size << 4) | elementType);
    } else {
      out.write(0xF0 | elementType);
      out.writeVarLong(size);
    }
  }

  /** An i32 list element. */
  void elementI32(int v) {
    out.writeVarLong(zigzag(v));
  }

  /** A string list element. */
  void elementString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeVarLong(b.length);
    out.write(b);
  }

  /** Ends the top-level struct. */
  void stop() {
    out.write(0);
  }

  private void push() {
    stack[depth++] = lastId;
    lastId = 0;
  }
}
