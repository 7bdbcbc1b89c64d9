package dev.vitrina.core.artifact;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.Version;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.core.storage.StoragePaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saves and loads artifact directories. {@link #save} lets the caller write its files into a fresh
 * temporary directory, adds {@code manifest.json} with a SHA-256 of every file, and moves the
 * directory to the target in one rename (an artifact is immutable: it is never replaced; {@link
 * ArtifactHome} keeps numbered versions of one model behind an atomic pointer); {@link #load}
 * checks the manifest, the format, the version, that the directory holds exactly the files the
 * manifest lists, and every checksum before the caller reads a byte.
 *
 * <p>Entries named like {@link AtomicWrite}'s temporaries ({@code .NAME.tmp-...}, see {@link
 * AtomicWrite#isTempName}), at any depth, are unfinished writes and never part of an artifact:
 * {@link #save} deletes any its body left behind, and {@link #load} ignores them. Every other file
 * in the directory tree must be listed in the manifest.
 *
 * <p>Everything wrong with an artifact (missing or invalid manifest, unexpected format or version,
 * a file missing, unlisted or with a wrong checksum) is an {@link InvalidArtifactException}, an
 * {@link IllegalArgumentException}; an {@link IOException} means the file system failed.
 */
public final class Artifacts {

  private static final List<String> FIELDS =
      List.of(
          "format", "formatVersion", "libraryVersion", "parameters", "dataFingerprint", "files");

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private static final int MAX_NAMES_SHOWN = 10;

  private Artifacts() {}

  /**
   * Writes an artifact directory atomically.
   *
   * @param dir the target directory: absent or empty (artifacts are immutable: an existing one is
   *     never replaced; see {@link ArtifactHome} for numbered versions of one model)
   * @param format the format name
   * @param formatVersion the format version
   * @param parameters training parameters (JSON-serialisable values)
   * @param dataFingerprint a fingerprint of the training data
   * @param body writes the artifact's files into the directory it is given; it must not write a
   *     top-level {@code manifest.json}
   * @return the manifest written
   * @throws IllegalArgumentException when {@code dir} is a file or a non-empty directory, or when
   *     the body wrote {@code manifest.json}
   */
  public static ArtifactManifest save(
      Path dir,
      String format,
      int formatVersion,
      Map<String, Object> parameters,
      String dataFingerprint,
      AtomicWrite.IoConsumer<Path> body)
      throws IOException {
    checkReplaceable(dir);
    ArtifactManifest[] written = new ArtifactManifest[1];
    AtomicWrite.writeDirectory(
        dir,
        tmp -> {
          body.accept(tmp);
          List<Path> temps = new ArrayList<>();
          List<String> names = contents(tmp, temps);
          for (Path t : temps) {
            AtomicWrite.deleteRecursively(t);
          }
          if (names.contains(ArtifactManifest.FILE_NAME)) {
            throw new IllegalArgumentException(
                "the files of artifact "
                    + dir
                    + " include "
                    + ArtifactManifest.FILE_NAME
                    + ", the name reserved for the manifest; give that file another name");
          }
          Map<String, String> files = new TreeMap<>();
          for (String name : names) {
            files.put(name, sha256(tmp.resolve(name)));
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
   * Reads and verifies an artifact: its manifest, format and version, that the directory holds
   * exactly the files the manifest lists (besides {@link AtomicWrite} temporaries), and every
   * checksum. The caller then reads the files; replacing the same directory with {@link #save}
   * between the two is not detected: do not replace an artifact while another process loads it.
   *
   * @param dir the artifact directory
   * @param expectedFormat the format the caller reads
   * @param maxFormatVersion the newest format version the caller reads
   * @throws InvalidArtifactException naming the directory, the file and the fix when the directory
   *     or its manifest is missing, the manifest is not valid, the format or version is not the
   *     expected one, or a file is missing, not listed, or its checksum differs
   * @throws IOException when reading fails
   */
  public static ArtifactManifest load(Path dir, String expectedFormat, int maxFormatVersion)
      throws IOException {
    ArtifactManifest m = readManifest(dir);
    Path manifestFile = dir.resolve(ArtifactManifest.FILE_NAME);
    if (!m.format().equals(expectedFormat)) {
      throw new InvalidArtifactException(
          dir,
          manifestFile,
          "artifact "
              + dir
              + " has format '"
              + m.format()
              + "' ("
              + manifestFile
              + ") but this loader reads '"
              + expectedFormat
              + "'; pass a '"
              + expectedFormat
              + "' artifact (load this one with the command that trained it), or retrain or"
              + " re-save the model");
    }
    if (m.formatVersion() > maxFormatVersion) {
      throw new InvalidArtifactException(
          dir,
          manifestFile,
          "artifact "
              + dir
              + " has format '"
              + m.format()
              + "' version "
              + m.formatVersion()
              + " ("
              + manifestFile
              + ") but this vitrina reads versions 1 to "
              + maxFormatVersion
              + "; upgrade vitrina, or retrain or re-save the model with this version");
    }
    verifyFiles(dir, m);
    return m;
  }

  /**
   * Reads and validates an artifact's {@code manifest.json} without checking the files, e.g. to
   * dispatch on its format before {@link #load}.
   *
   * @throws InvalidArtifactException naming the manifest path, what is wrong (not valid JSON, which
   *     field is missing or has the wrong type) and the fix
   * @throws IOException when reading fails
   */
  public static ArtifactManifest readManifest(Path dir) throws IOException {
    Path manifestFile = dir.resolve(ArtifactManifest.FILE_NAME);
    if (!StoragePaths.isDirectory(dir)) {
      throw new InvalidArtifactException(
          dir,
          dir,
          Files.exists(dir)
              ? "not a vitrina artifact: "
                  + dir
                  + " is a file; pass the directory a train command wrote (it holds "
                  + ArtifactManifest.FILE_NAME
                  + ")"
              : "no artifact at "
                  + dir
                  + ": the directory does not exist; check the path, or train a model into it");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(manifestFile);
    } catch (NoSuchFileException e) {
      throw new InvalidArtifactException(
          dir,
          manifestFile,
          "not a vitrina artifact: "
              + dir
              + " has no "
              + ArtifactManifest.FILE_NAME
              + "; pass the directory a train command wrote, or train a model into it (a save"
              + " that was interrupted leaves none: retrain)",
          e);
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null || at.getLineNr() < 1
              ? ""
              : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw invalidManifest(
          dir, manifestFile, "it is not valid JSON (" + where + e.getOriginalMessage() + ")", e);
    }
    if (root == null || root.isMissingNode()) {
      throw invalidManifest(dir, manifestFile, "it is empty");
    }
    if (!root.isObject()) {
      throw invalidManifest(
          dir, manifestFile, "it must hold a JSON object, found " + describe(root));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw invalidManifest(
            dir,
            manifestFile,
            "it has unknown field '" + f + "'; a manifest has only " + String.join(", ", FIELDS));
      }
    }
    String format = text(dir, manifestFile, root, "format");
    if (format.isEmpty()) {
      throw invalidManifest(dir, manifestFile, "field 'format' is empty");
    }
    JsonNode v = field(dir, manifestFile, root, "formatVersion");
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
      throw invalidManifest(
          dir, manifestFile, "field 'formatVersion' must be an integer >= 1, got " + describe(v));
    }
    String libraryVersion = text(dir, manifestFile, root, "libraryVersion");
    JsonNode params = field(dir, manifestFile, root, "parameters");
    if (!params.isObject()) {
      throw invalidManifest(
          dir, manifestFile, "field 'parameters' must be a JSON object, got " + describe(params));
    }
    String fingerprint = text(dir, manifestFile, root, "dataFingerprint");
    JsonNode filesNode = field(dir, manifestFile, root, "files");
    if (!filesNode.isObject()) {
      throw invalidManifest(
          dir,
          manifestFile,
          "field 'files' must be a JSON object of file name to SHA-256, got "
              + describe(filesNode));
    }
    Map<String, String> files = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = filesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (!isPlainRelativeName(name)) {
        throw invalidManifest(
            dir,
            manifestFile,
            "field 'files' lists '"
                + name
                + "', which is not a plain relative path of a file inside the artifact");
      }
      JsonNode sum = e.getValue();
      if (!sum.isTextual() || !SHA256_HEX.matcher(sum.textValue()).matches()) {
        throw invalidManifest(
            dir,
            manifestFile,
            "field 'files' gives "
                + describe(sum)
                + " for '"
                + name
                + "', not a SHA-256 (64 lowercase hex digits)");
      }
      files.put(name, sum.textValue());
    }
    Map<String, Object> parameters =
        Json.mapper().convertValue(params, new TypeReference<LinkedHashMap<String, Object>>() {});
    return new ArtifactManifest(
        format, v.intValue(), libraryVersion, parameters, fingerprint, files);
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

  private static void verifyFiles(Path dir, ArtifactManifest m) throws IOException {
    Path manifestFile = dir.resolve(ArtifactManifest.FILE_NAME);
    Set<String> present = new TreeSet<>(contents(dir, new ArrayList<>()));
    present.remove(ArtifactManifest.FILE_NAME);
    Set<String> missing = new TreeSet<>(m.files().keySet());
    missing.removeAll(present);
    if (!missing.isEmpty()) {
      throw new InvalidArtifactException(
          dir,
          dir.resolve(missing.iterator().next()),
          "artifact "
              + dir
              + " is missing "
              + names(missing)
              + " listed in "
              + manifestFile
              + "; the files were deleted or a copy was incomplete: retrain, or re-save the model"
              + " to "
              + dir);
    }
    Set<String> unlisted = new TreeSet<>(present);
    unlisted.removeAll(m.files().keySet());
    if (!unlisted.isEmpty()) {
      throw new InvalidArtifactException(
          dir,
          dir.resolve(unlisted.iterator().next()),
          "artifact "
              + dir
              + " holds "
              + names(unlisted)
              + " not listed in "
              + manifestFile
              + "; every file of an artifact must be listed with its checksum (the manifest lost"
              + " entries, or files were added after saving): retrain, or re-save the model to "
              + dir);
    }
    for (Map.Entry<String, String> e : m.files().entrySet()) {
      Path f = dir.resolve(e.getKey());
      if (!Files.isRegularFile(f)) {
        throw new InvalidArtifactException(
            dir,
            f,
            "artifact "
                + dir
                + ": "
                + e.getKey()
                + " is not a regular file but "
                + manifestFile
                + " lists it as one; retrain, or re-save the model to "
                + dir);
      }
      String actual = sha256(f);
      if (!actual.equals(e.getValue())) {
        throw new InvalidArtifactException(
            dir,
            f,
            "artifact "
                + dir
                + ": checksum mismatch for "
                + e.getKey()
                + " ("
                + manifestFile
                + " lists SHA-256 "
                + e.getValue()
                + ", the file has "
                + actual
                + "); the file was changed or damaged after saving: retrain, or re-save the model"
                + " to "
                + dir);
      }
    }
  }

  /**
   * The relative names ({@code /}-separated, sorted) of every non-directory entry under {@code
   * dir}, skipping {@link AtomicWrite} temporaries (files or whole trees), which go to {@code
   * temps}.
   */
  private static List<String> contents(Path dir, List<Path> temps) throws IOException {
    Path root = StoragePaths.directory(dir).toRealPath();
    List<String> names = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            if (!d.equals(root) && AtomicWrite.isTempName(d.getFileName().toString())) {
              temps.add(d);
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            if (AtomicWrite.isTempName(f.getFileName().toString())) {
              temps.add(f);
            } else {
              names.add(relativeName(root, f));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    names.sort(null);
    return names;
  }

  /** {@code f}'s {@code /}-separated name below {@code root}; object-store paths by their keys. */
  private static String relativeName(Path root, Path f) {
    if (!StoragePaths.isRemote(f)) {
      return root.relativize(f).toString().replace('\\', '/');
    }
    String r = root.toAbsolutePath().toString();
    String k = f.toAbsolutePath().toString();
    return k.startsWith(r) ? k.substring(r.length()) : StoragePaths.name(f);
  }

  private static void checkReplaceable(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !StoragePaths.isDirectory(dir)) {
      return;
    }
    if (!StoragePaths.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "cannot save an artifact to "
              + dir
              + ": it exists and is not a directory; choose another output path or remove the"
              + " file");
    }
    if (Files.exists(dir.resolve(ArtifactManifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidArtifactException(
          dir,
          dir.resolve(ArtifactManifest.FILE_NAME),
          "cannot save an artifact to "
              + dir
              + ": an artifact is already there, and artifacts are immutable (a reader must never"
              + " find one half-replaced); save to a model home, which keeps numbered versions"
              + " (ArtifactHome.publish), or choose a new directory");
    }
    try (Stream<Path> entries = Files.list(StoragePaths.directory(dir))) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException(
            "refusing to save an artifact to "
                + dir
                + ": the directory is not empty and holds no "
                + ArtifactManifest.FILE_NAME
                + ", so it is not an artifact and writing there would mix files; choose a new or"
                + " empty directory");
      }
    }
  }

  private static boolean isPlainRelativeName(String name) {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.contains("\\")
        || name.contains(":")
        || name.equals(ArtifactManifest.FILE_NAME)) {
      return false;
    }
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || AtomicWrite.isTempName(part)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode field(Path dir, Path manifestFile, JsonNode root, String name) {
    JsonNode n = root.get(name);
    if (n == null) {
      throw invalidManifest(dir, manifestFile, "it is missing field '" + name + "'");
    }
    return n;
  }

  private static String text(Path dir, Path manifestFile, JsonNode root, String name) {
    JsonNode n = field(dir, manifestFile, root, name);
    if (!n.isTextual()) {
      throw invalidManifest(
          dir, manifestFile, "field '" + name + "' must be a string, got " + describe(n));
    }
    return n.textValue();
  }

  private static String describe(JsonNode n) {
    String s = n.toString();
    String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + shown;
  }

  private static String names(Set<String> names) {
    List<String> shown = names.stream().limit(MAX_NAMES_SHOWN).toList();
    String list = String.join(", ", shown);
    if (names.size() > shown.size()) {
      list += " and " + (names.size() - shown.size()) + " more";
    }
    return (names.size() == 1 ? "file " : names.size() + " files: ") + list;
  }

  private static InvalidArtifactException invalidManifest(
      Path dir, Path manifestFile, String problem) {
    return invalidManifest(dir, manifestFile, problem, null);
  }

  private static InvalidArtifactException invalidManifest(
      Path dir, Path manifestFile, String problem, Throwable cause) {
    return new InvalidArtifactException(
        dir,
        manifestFile,
        "invalid artifact manifest "
            + manifestFile
            + ": "
            + problem
            + "; the manifest was damaged or edited after saving: retrain, or re-save the model to "
            + dir,
        cause);
  }
}
