package dev.vitrina.core.artifact;

import dev.vitrina.core.Version;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.storage.AtomicWrite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Saves and loads artifact directories. {@link #save} lets the caller write its files into a fresh
 * temporary directory, adds {@code manifest.json} with a SHA-256 of every file, and moves the
 * directory onto the target in one rename; {@link #load} checks the format, the version and every
 * checksum before the caller reads a byte.
 */
public final class Artifacts {

  private Artifacts() {}

  /**
   * Writes an artifact directory atomically.
   *
   * @param dir the target directory (replaced if it exists)
   * @param format the format name
   * @param formatVersion the format version
   * @param parameters training parameters (JSON-serialisable values)
   * @param dataFingerprint a fingerprint of the training data
   * @param body writes the artifact's files into the directory it is given
   * @return the manifest written
   */
  public static ArtifactManifest save(
      Path dir,
      String format,
      int formatVersion,
      Map<String, Object> parameters,
      String dataFingerprint,
      AtomicWrite.IoConsumer<Path> body)
      throws IOException {
    ArtifactManifest[] written = new ArtifactManifest[1];
    AtomicWrite.writeDirectory(
        dir,
        tmp -> {
          body.accept(tmp);
          Map<String, String> files = new TreeMap<>();
          for (Path f : listFiles(tmp)) {
            String name = tmp.relativize(f).toString().replace('\\', '/');
            if (!name.equals(ArtifactManifest.FILE_NAME)) {
              files.put(name, sha256(f));
            }
          }
          ArtifactManifest m =
              new ArtifactManifest(
                  format, formatVersion, Version.get(), parameters, dataFingerprint, files);
          Files.writeString(tmp.resolve(ArtifactManifest.FILE_NAME), Json.pretty(m));
          written[0] = m;
        });
    return written[0];
  }

  /**
   * Reads and verifies an artifact's manifest.
   *
   * @throws IOException naming the directory when the manifest is missing, the format or version is
   *     not the expected one, or a file is missing or its checksum differs
   */
  public static ArtifactManifest load(Path dir, String expectedFormat, int maxFormatVersion)
      throws IOException {
    Path manifestFile = dir.resolve(ArtifactManifest.FILE_NAME);
    ArtifactManifest m;
    try {
      m = Json.mapper().readValue(Files.readString(manifestFile), ArtifactManifest.class);
    } catch (NoSuchFileException e) {
      throw new IOException(
          "not a vitrina artifact: " + dir + " has no " + ArtifactManifest.FILE_NAME, e);
    }
    if (!m.format().equals(expectedFormat)) {
      throw new IOException(
          "artifact "
              + dir
              + " has format '"
              + m.format()
              + "', expected '"
              + expectedFormat
              + "'; load it with the matching model class");
    }
    if (m.formatVersion() > maxFormatVersion) {
      throw new IOException(
          "artifact "
              + dir
              + " has format version "
              + m.formatVersion()
              + " but this vitrina reads up to "
              + maxFormatVersion
              + "; upgrade vitrina or retrain");
    }
    for (Map.Entry<String, String> e : m.files().entrySet()) {
      Path f = dir.resolve(e.getKey());
      if (!Files.isRegularFile(f)) {
        throw new IOException("artifact " + dir + " is missing file " + e.getKey());
      }
      String actual = sha256(f);
      if (!actual.equals(e.getValue())) {
        throw new IOException(
            "artifact "
                + dir
                + ": checksum mismatch for "
                + e.getKey()
                + " (expected "
                + e.getValue()
                + ", got "
                + actual
                + "); the file is corrupt, retrain or restore it");
      }
    }
    return m;
  }

  /** The hex SHA-256 of a file. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** A fresh SHA-256 digest (for data fingerprints). */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  private static List<Path> listFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
