package dev.vitrina.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RleTest {

  /** Naive bit reader over the hybrid format, as the specification describes it. */
  private static int[] naiveDecode(byte[] b, int len, int width, int n) {
    int[] out = new int[n];
    int k = 0;
    int p = 0;
    while (k < n) {
      long h = 0;
      int shift = 0;
      while (true) {
        int x = b[p++] & 0xFF;
        h |= (long) (x & 0x7F) << shift;
        shift += 7;
        if (x < 0x80) {
          break;
        }
      }
      if ((h & 1) == 0) {
        int count = (int) (h >>> 1);
        long v = 0;
        for (int i = 0; i < (width + 7) / 8; i++) {
          v |= (long) (b[p++] & 0xFF) << (8 * i);
        }
        for (int i = 0; i < count && k < n; i++) {
          out[k++] = (int) v;
        }
      } else {
        int count = (int) (h >>> 1) * 8;
        long bitPos = (long) p * 8;
        for (int i = 0; i < count; i++) {
          long v = 0;
          for (int bit = 0; bit < width; bit++, bitPos++) {
            int byteAt = (int) (bitPos >>> 3);
            if (byteAt < len && ((b[byteAt] >>> (bitPos & 7)) & 1) != 0) {
              v |= 1L << bit;
            }
          }
          if (k < n) {
            out[k++] = (int) v;
          }
        }
        p += count / 8 * width;
      }
    }
    return out;
  }

  @Test
  void encoderAndDecoderAgreeWithTheSpecAtEveryBitWidth() {
    for (int width = 1; width <= 32; width++) {
      long seed = 1000L + width;
      SplittableRandom r = new SplittableRandom(seed);
      int n = 1 + r.nextInt(3000);
      int[] values = new int[n];
      long max = width == 32 ? 0xFFFFFFFFL : (1L << width) - 1;
      for (int i = 0; i < n; ) {
        int run = r.nextInt(4) == 0 ? 1 + r.nextInt(40) : 1;
        int v = (int) (r.nextLong() & max);
        for (int k = 0; k < run && i < n; k++) {
          values[i++] = v;
        }
      }
      ByteSink out = new ByteSink(16);
      Rle.encode(values, 0, n, width, out);
      assertThat(naiveDecode(out.buf, out.size, width, n))
          .as("width %d seed %d", width, seed)
          .containsExactly(values);
      Rle.Decoder d = new Rle.Decoder();
      d.reset(out.buf, 0, out.size, width);
      int[] got = new int[n];
      int done = 0;
      while (done < n) { // odd-sized reads cross run and group boundaries
        int take = Math.min(n - done, 1 + r.nextInt(19));
        d.read(got, done, take);
        done += take;
      }
      assertThat(got).as("width %d seed %d", width, seed).containsExactly(values);
    }
  }

  @Test
  void bitWidthZeroDecodesZeros() {
    byte[] b = {(byte) (5 << 1), (byte) ((1 << 1) | 1)};
    Rle.Decoder d = new Rle.Decoder();
    d.reset(b, 0, b.length, 0);
    int[] got = new int[13];
    java.util.Arrays.fill(got, 9);
    d.read(got, 0, 13);
    assertThat(got).containsOnly(0);
  }
}
