package dev.vitrina.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer, plus static little-endian readers over byte arrays. */
final class ByteSink {

  static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  byte[] buf;
  int size;

  ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  void reset() {
    size = 0;
  }

  /** Makes room for {@code extra} more bytes. */
  void ensure(int extra) {
    long need = (long) size + extra;
    if (need > buf.length) {
      if (need > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException(
            "a Parquet page or column chunk would exceed 2 GiB; write smaller row groups");
      }
      long cap = Math.max(need, Math.min(Integer.MAX_VALUE - 16L, (long) buf.length * 2));
      buf = Arrays.copyOf(buf, (int) cap);
    }
  }

  void write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  void writeIntLE(int v) {
    ensure(4);
    INT_LE.set(buf, size, v);
    size += 4;
  }

  void writeLongLE(long v) {
    ensure(8);
    LONG_LE.set(buf, size, v);
    size += 8;
  }

  void putIntLE(int at, int v) {
    INT_LE.set(buf, at, v);
  }

  void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  void write(byte[] b) {
    write(b, 0, b.length);
  }

  /** Unsigned LEB128 varint. */
  void writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  void writeInts(int[] src, int off, int n) {
    ensure(n * 4);
    ByteBuffer.wrap(buf, size, n * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(src, off, n);
    size += n * 4;
  }

  void writeLongs(long[] src, int off, int n) {
    ensure(n * 8);
    ByteBuffer.wrap(buf, size, n * 8)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asLongBuffer()
        .put(src, off, n);
    size += n * 8;
  }

  void writeFloats(float[] src, int off, int n) {
    ensure(n * 4);
    ByteBuffer.wrap(buf, size, n * 4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .put(src, off, n);
    size += n * 4;
  }

  void writeDoubles(double[] src, int off, int n) {
    ensure(n * 8);
    ByteBuffer.wrap(buf, size, n * 8)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asDoubleBuffer()
        .put(src, off, n);
    size += n * 8;
  }

  static int getInt(byte[] b, int off) {
    return (int) INT_LE.get(b, off);
  }

  static long getLong(byte[] b, int off) {
    return (long) LONG_LE.get(b, off);
  }
}
