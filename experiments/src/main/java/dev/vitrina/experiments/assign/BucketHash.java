package dev.vitrina.experiments.assign;

import java.nio.charset.StandardCharsets;

/**
 * The bucketing hash: maps (salt, unit id) to a number in {@code [0, 1)}, identically on every JVM,
 * process and machine.
 *
 * <p>Definition (so that other languages can reproduce it bit for bit):
 *
 * <ol>
 *   <li>bytes = UTF-8(salt) ‖ {@code 0x00} ‖ UTF-8(unit id) (the salt may not contain U+0000, so
 *       the encoding is unambiguous);
 *   <li>h = the first 64-bit half ({@code h1}) of MurmurHash3 x64 128-bit with seed 0 over those
 *       bytes (Appleby's reference {@code MurmurHash3_x64_128}; in Python {@code mmh3.hash64(bytes,
 *       0, signed=False)[0]}; in Guava the first eight bytes, little-endian, of {@code
 *       Hashing.murmur3_128().hashBytes(bytes)});
 *   <li>bucket = (h &gt;&gt;&gt; 11) · 2<sup>-53</sup>, the top 53 bits as a double in {@code [0,
 *       1)}.
 * </ol>
 *
 * <p>Cost: one array allocation and ~20 ns for a short id; no I/O, no locks, thread-safe.
 */
public final class BucketHash {

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private BucketHash() {}

  /** The bucket of {@code unitId} under {@code salt}, in {@code [0, 1)}. */
  public static double bucket(String salt, String unitId) {
    return bucket(saltBytes(salt), unitId);
  }

  /** As {@link #bucket(String, String)} with the salt already encoded by {@link #saltBytes}. */
  static double bucket(byte[] saltBytes, String unitId) {
    return toUnit(murmur3x64h1(encode(saltBytes, unitId)));
  }

  /** The top 53 bits of {@code h} as a double in {@code [0, 1)}. */
  static double toUnit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /** UTF-8 bytes of a salt; rejects U+0000, which would make the encoding ambiguous. */
  static byte[] saltBytes(String salt) {
    if (salt.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "salt must not contain the NUL character (U+0000), got '"
              + salt.replace("\0", "\\0")
              + "'; use printable text such as the experiment name and a version");
    }
    return salt.getBytes(StandardCharsets.UTF_8);
  }

  /** salt bytes ‖ 0x00 ‖ UTF-8(unitId), in one allocation for ASCII ids. */
  static byte[] encode(byte[] salt, String unitId) {
    int n = unitId.length();
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      if (unitId.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    byte[] out;
    if (ascii) {
      out = new byte[salt.length + 1 + n];
      for (int i = 0; i < n; i++) {
        out[salt.length + 1 + i] = (byte) unitId.charAt(i);
      }
    } else {
      byte[] unit = unitId.getBytes(StandardCharsets.UTF_8);
      out = new byte[salt.length + 1 + unit.length];
      System.arraycopy(unit, 0, out, salt.length + 1, unit.length);
    }
    System.arraycopy(salt, 0, out, 0, salt.length);
    return out;
  }

  /**
   * The first 64-bit half of MurmurHash3_x64_128 (seed 0) of {@code data}: Appleby's public-domain
   * reference algorithm, little-endian block reads.
   */
  public static long murmur3x64h1(byte[] data) {
    int len = data.length;
    long h1 = 0;
    long h2 = 0;
    int nblocks = len >>> 4;
    for (int b = 0; b < nblocks; b++) {
      long k1 = getLongLe(data, b << 4);
      long k2 = getLongLe(data, (b << 4) + 8);
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = nblocks << 4;
    int rest = len & 15;
    long k1 = 0;
    long k2 = 0;
    if (rest > 8) {
      for (int i = rest - 1; i >= 8; i--) {
        k2 ^= (data[tail + i] & 0xffL) << ((i - 8) * 8);
      }
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
    }
    if (rest > 0) {
      for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
        k1 ^= (data[tail + i] & 0xffL) << (i * 8);
      }
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
    }
    h1 ^= len;
    h2 ^= len;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    return h1;
  }

  private static long getLongLe(byte[] b, int i) {
    return (b[i] & 0xffL)
        | (b[i + 1] & 0xffL) << 8
        | (b[i + 2] & 0xffL) << 16
        | (b[i + 3] & 0xffL) << 24
        | (b[i + 4] & 0xffL) << 32
        | (b[i + 5] & 0xffL) << 40
        | (b[i + 6] & 0xffL) << 48
        | (b[i + 7] & 0xffL) << 56;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
