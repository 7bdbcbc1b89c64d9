package dev.vitrina.forecast.gbm;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Loads LightGBM's native library once per JVM. lightgbm4j unpacks its {@code .so} files to fixed
 * names in {@code java.io.tmpdir}; two JVMs starting at the same time overwrite the file the other
 * one has mapped, which crashes it (SIGBUS). So the library is unpacked into a fresh private
 * directory, loaded, and the files are deleted at once (the mapping stays valid). {@code
 * LIGHTGBM_NATIVE_LIB_PATH}, when set, is honoured by lightgbm4j as before.
 */
final class NativeLightgbm {

  private static boolean loaded;

  private NativeLightgbm() {}

  /**
   * Loads the library. Must run before any other use of lightgbm4j's classes: {@link LGBMBooster}'s
   * static initializer unpacks and loads the library the first time the class is touched.
   */
  static synchronized void load() {
    if (loaded) {
      return;
    }
    String key = "java.io.tmpdir";
    String old = System.getProperty(key);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("vitrina-lightgbm-");
      System.setProperty(key, dir.toString());
      LGBMBooster.loadNative(); // the class initializer loads from the private directory
      loaded = LGBMBooster.isNativeLoaded();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot load LightGBM's native library; on Debian install libgomp1 (apt-get install -y"
              + " libgomp1)",
          e);
    } finally {
      System.setProperty(key, old);
      if (dir != null) {
        deleteQuietly(dir);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a leftover temp directory is harmless; the library is loaded
    }
  }
}
