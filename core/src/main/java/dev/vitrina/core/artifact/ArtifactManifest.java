package dev.vitrina.core.artifact;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The manifest of a saved artifact.
 *
 * @param format the artifact format name, e.g. {@code "vitrina.recs.ials"}
 * @param formatVersion the version of that format; loaders refuse versions they do not know
 * @param libraryVersion the vitrina version that wrote it
 * @param parameters the training parameters, as plain JSON values
 * @param dataFingerprint a fingerprint of the training data (e.g. a hash of the interactions)
 * @param files each file of the artifact (relative name) with its SHA-256 in hex
 */
// a stored format: manifest.json keeps its camelCase names, so artifacts written before the
// snake_case result policy still load
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record ArtifactManifest(
    String format,
    int formatVersion,
    String libraryVersion,
    Map<String, Object> parameters,
    String dataFingerprint,
    Map<String, String> files) {

  /** The manifest's file name inside an artifact directory. */
  public static final String FILE_NAME = "manifest.json";

  public ArtifactManifest {
    Objects.requireNonNull(format, "format");
    if (formatVersion < 1) {
      throw new IllegalArgumentException("formatVersion must be >= 1, got " + formatVersion);
    }
    parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
    files = files == null ? Map.of() : new TreeMap<>(files);
    dataFingerprint = dataFingerprint == null ? "" : dataFingerprint;
    libraryVersion = libraryVersion == null ? "" : libraryVersion;
  }
}
