package dev.vitrina.cli.storage;

import java.util.Locale;

/** Byte counts for people. */
final class Sizes {

  private Sizes() {}

  static String bytes(long n) {
    if (n < 1_000) {
      return n + " B";
    }
    if (n < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", n / 1e3);
    }
    if (n < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f GB", n / 1e9);
  }
}
