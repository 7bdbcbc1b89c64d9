package dev.vitrina.parquet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An insertion-ordered set of byte strings with dense int codes: open addressing over a byte arena,
 * so lookups of repeated values allocate nothing. Strings are materialised once, by {@link
 * #strings()}.
 */
final class StringDict {

  private byte[] arena = new byte[1 << 12];
  private int arenaSize;
  private int[] offsets = new int[65];
  private int[] hashes = new int[64];
  private int size;
  private int[] table = new int[128]; // code + 1, 0 = empty
  private int mask = 127;

  /** Entries added through {@link #append}, which are not deduplicated. */
  private int appended;

  int size() {
    return size;
  }

  /** Whether every entry is distinct: true unless {@link #append} mixed with other entries. */
  boolean distinct() {
    return appended == 0 || appended == size;
  }

  /**
   * Adds {@code b[off..off+len)} as a new entry without hashing or deduplication (a dictionary
   * page, whose entries are distinct); returns its code. Appends come before any {@link #add},
   * which does not find appended entries.
   */
  int append(byte[] b, int off, int len) {
    if (appended != size) {
      throw new CorruptException("a second dictionary page, or one after data pages");
    }
    appended++;
    return store(b, off, len, 0);
  }

  /** Whether both hold the same entries in the same order. */
  boolean sameEntries(StringDict o) {
    return o.size == size
        && o.arenaSize == arenaSize
        && Arrays.equals(offsets, 0, size + 1, o.offsets, 0, size + 1)
        && Arrays.equals(arena, 0, arenaSize, o.arena, 0, arenaSize);
  }

  /** The code of {@code b[off..off+len)}, adding it when new. */
  int add(byte[] b, int off, int len) {
    int h = hash(b, off, len);
    int slot = h & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        break;
      }
      int code = e - 1;
      if (hashes[code] == h) {
        int s = offsets[code];
        int l = offsets[code + 1] - s;
        if (l == len && Arrays.equals(arena, s, s + l, b, off, off + len)) {
          return code;
        }
      }
      slot = (slot + 1) & mask;
    }
    int code = store(b, off, len, h);
    table[slot] = code + 1;
    if ((size - appended) * 2 > mask) {
      rehash();
    }
    return code;
  }

  private int store(byte[] b, int off, int len, int h) {
    int code = size++;
    if (size >= hashes.length) {
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
      offsets = Arrays.copyOf(offsets, hashes.length + 1);
    }
    if (arenaSize + len > arena.length) {
      long cap = Math.max((long) arena.length * 2, (long) arenaSize + len);
      if (cap > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException(
            "more than 2 GiB of distinct strings in one column; read it one row group at a time");
      }
      arena = Arrays.copyOf(arena, (int) cap);
    }
    System.arraycopy(b, off, arena, arenaSize, len);
    offsets[code] = arenaSize;
    arenaSize += len;
    offsets[code + 1] = arenaSize;
    hashes[code] = h;
    return code;
  }

  private void rehash() {
    int cap = table.length * 2;
    table = new int[cap];
    mask = cap - 1;
    for (int c = 0; c < size; c++) {
      if (isAppended(c)) {
        continue;
      }
      int slot = hashes[c] & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = c + 1;
    }
  }

  private boolean isAppended(int code) {
    return code < appended;
  }

  /** The bytes of {@code code} are {@code arena()[offset(code)..offset(code + 1))}. */
  byte[] arena() {
    return arena;
  }

  int offset(int code) {
    return offsets[code];
  }

  /** The entries as Strings (UTF-8, malformed input replaced), in code order. */
  String[] strings() {
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
      out[i] = new String(arena, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }
    return out;
  }

  private static int hash(byte[] b, int off, int len) {
    long h = 0x9E3779B97F4A7C15L ^ len;
    int i = off;
    int end = off + len;
    for (; i + 8 <= end; i += 8) {
      h = (h ^ ByteSink.getLong(b, i)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
    }
    long tail = 0;
    for (int k = 0; i < end; i++, k += 8) {
      tail |= (b[i] & 0xFFL) << k;
    }
    h = (h ^ tail) * 0x94D049BB133111EBL;
    h ^= h >>> 31;
    return (int) h ^ (int) (h >>> 32);
  }
}
