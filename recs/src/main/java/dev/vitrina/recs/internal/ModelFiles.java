package dev.vitrina.recs.internal;

import dev.vitrina.core.ids.IdIndex;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary files inside model artifacts: primitive arrays as a little-endian header ({@code magic},
 * element type, length) followed by the raw elements, and id lists as length-prefixed UTF-8. Every
 * read checks the header and names the file when it does not match.
 */
public final class ModelFiles {

  private static final int MAGIC = 0x56545241; // "VTRA"
  private static final byte INT = 1;
  private static final byte FLOAT = 2;

  private ModelFiles() {}

  /** Writes an int array. */
  public static void writeInts(Path file, int[] a) throws IOException {
    ByteBuffer buf = header(INT, a.length, 4L * a.length);
    buf.asIntBuffer().put(a);
    write(file, buf);
  }

  /** Writes a float array. */
  public static void writeFloats(Path file, float[] a) throws IOException {
    ByteBuffer buf = header(FLOAT, a.length, 4L * a.length);
    buf.asFloatBuffer().put(a);
    write(file, buf);
  }

  /** Reads an int array written by {@link #writeInts}. */
  public static int[] readInts(Path file) throws IOException {
    ByteBuffer buf = read(file, INT, 4);
    int[] a = new int[buf.remaining() / 4];
    buf.asIntBuffer().get(a);
    return a;
  }

  /** Reads a float array written by {@link #writeFloats}. */
  public static float[] readFloats(Path file) throws IOException {
    ByteBuffer buf = read(file, FLOAT, 4);
    float[] a = new float[buf.remaining() / 4];
    buf.asFloatBuffer().get(a);
    return a;
  }

  /** Writes the ids of an index in order. */
  public static void writeIds(Path file, IdIndex ids) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        out.writeUTF(ids.id(i));
      }
    }
  }

  /** Reads ids written by {@link #writeIds} into an index with the same order. */
  public static IdIndex readIds(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + " is not a vitrina id file; the model directory is corrupt");
      }
      int n = in.readInt();
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(in.readUTF());
      }
      return IdIndex.of(ids);
    }
  }

  private static ByteBuffer header(byte type, int length, long bytes) {
    if (bytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "array of " + length + " elements is too large for one model file (2 GiB)");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) (16 + bytes)).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(MAGIC).put(type).put((byte) 0).put((byte) 0).put((byte) 0).putInt(length).putInt(0);
    return buf;
  }

  private static void write(Path file, ByteBuffer buf) throws IOException {
    buf.position(0);
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }

  private static ByteBuffer read(Path file, byte type, int width) throws IOException {
    long size = Files.size(file);
    if (size < 16 || size > Integer.MAX_VALUE) {
      throw new IOException(file + " is not a vitrina array file (size " + size + ")");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // keep reading
      }
    }
    buf.flip();
    int magic = buf.getInt();
    byte t = buf.get();
    buf.position(8);
    int length = buf.getInt();
    buf.position(16);
    if (magic != MAGIC || t != type || (long) length * width != buf.remaining()) {
      throw new IOException(
          file + " does not hold the expected array (type " + type + "); the model is corrupt");
    }
    return buf.slice().order(ByteOrder.LITTLE_ENDIAN);
  }
}
