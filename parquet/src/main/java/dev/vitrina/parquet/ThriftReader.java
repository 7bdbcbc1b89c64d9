package dev.vitrina.parquet;

import java.nio.charset.StandardCharsets;

/**
 * Reads Thrift compact protocol structs from a byte array. Usage: {@code enterStruct()}, then
 * {@code while ((t = field()) != 0) switch (fieldId) ...}, then {@code exitStruct()}. Unknown
 * fields are skipped with {@link #skip(int)}. Malformed input throws {@link CorruptException}.
 */
final class ThriftReader {

  static final int BOOL_TRUE = 1;
  static final int BOOL_FALSE = 2;
  static final int BYTE = 3;
  static final int I16 = 4;
  static final int I32 = 5;
  static final int I64 = 6;
  static final int DOUBLE = 7;
  static final int BINARY = 8;
  static final int LIST = 9;
  static final int SET = 10;
  static final int MAP = 11;
  static final int STRUCT = 12;

  private final byte[] buf;
  int pos;
  private final int limit;
  private final int[] stack = new int[64];
  private int depth;
  private int lastId;

  /** The id of the field last returned by {@link #field()}. */
  int fieldId;

  /** The element type of the list last started by {@link #listSize()}. */
  int elementType;

  ThriftReader(byte[] buf, int pos, int limit) {
    this.buf = buf;
    this.pos = pos;
    this.limit = limit;
  }

  private int u8() {
    if (pos >= limit) {
      throw new CorruptException("Thrift struct runs past its end at byte " + pos);
    }
    return buf[pos++] & 0xFF;
  }

  long varLong() {
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = u8();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new CorruptException("malformed varint at byte " + pos);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  void enterStruct() {
    if (depth == stack.length) {
      throw new CorruptException("Thrift structs nested too deeply");
    }
    stack[depth++] = lastId;
    lastId = 0;
  }

  void exitStruct() {
    lastId = stack[--depth];
  }

  /** Reads a field header; returns its type, or 0 at the end of the struct. */
  int field() {
    int b = u8();
    if (b == 0) {
      return 0;
    }
    int type = b & 0x0F;
    int delta = b >>> 4;
    fieldId = delta != 0 ? lastId + delta : (short) unzigzag(varLong());
    lastId = fieldId;
    return type;
  }

  int i32() {
    return (int) unzigzag(varLong());
  }

  int i8() {
    return (byte) u8();
  }

  long i64() {
    return unzigzag(varLong());
  }

  /** A boolean field value (the value is in the field type). */
  static boolean bool(int type) {
    return type == BOOL_TRUE;
  }

  byte[] binary() {
    int n = (int) varLong();
    if (n < 0 || n > limit - pos) {
      throw new CorruptException("binary field of " + n + " bytes runs past the end");
    }
    byte[] b = new byte[n];
    System.arraycopy(buf, pos, b, 0, n);
    pos += n;
    return b;
  }

  String string() {
    int n = (int) varLong();
    if (n < 0 || n > limit - pos) {
      throw new CorruptException("string field of " + n + " bytes runs past the end");
    }
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /** Reads a list header; returns the size and sets {@link #elementType}. */
  int listSize() {
    int b = u8();
    elementType = b & 0x0F;
    int n = b >>> 4;
    if (n == 15) {
      long big = varLong();
      if (big < 0 || big > limit - pos) {
        throw new CorruptException("list of " + big + " elements runs past the end");
      }
      n = (int) big;
    }
    return n;
  }

  /** Throws unless a field has the expected type. */
  void expect(int type, int expected, String what) {
    boolean ok =
        type == expected
            || (expected == BOOL_TRUE && type == BOOL_FALSE)
            || (expected == LIST && type == SET);
    if (!ok) {
      throw new CorruptException(
          what
              + " has Thrift type "
              + type
              + ", expected "
              + expected
              + " (field "
              + fieldId
              + ")");
    }
  }

  /** Skips a field value of the given type. */
  void skip(int type) {
    skip(type, false);
  }

  private void skip(int type, boolean element) {
    switch (type) {
      case BOOL_TRUE, BOOL_FALSE -> {
        if (element) {
          u8();
        }
      }
      case BYTE -> u8();
      case I16, I32, I64 -> varLong();
      case DOUBLE -> {
        if (limit - pos < 8) {
          throw new CorruptException("double field runs past the end");
        }
        pos += 8;
      }
      case BINARY -> {
        int n = (int) varLong();
        if (n < 0 || n > limit - pos) {
          throw new CorruptException("binary field of " + n + " bytes runs past the end");
        }
        pos += n;
      }
      case LIST, SET -> {
        int n = listSize();
        int et = elementType;
        for (int i = 0; i < n; i++) {
          skip(et, true);
        }
      }
      case MAP -> {
        int n = (int) varLong();
        if (n > 0) {
          int kv = u8();
          for (int i = 0; i < n; i++) {
            skip(kv >>> 4, true);
            skip(kv & 0x0F, true);
          }
        }
      }
      case STRUCT -> {
        enterStruct();
        int t;
        while ((t = field()) != 0) {
          skip(t, false);
        }
        exitStruct();
      }
      default -> throw new CorruptException("unknown Thrift type " + type + " at byte " + pos);
    }
  }
}
