package dev.vitrina.serve.registry;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.artifact.ArtifactManifest;
import dev.vitrina.core.artifact.Artifacts;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.core.storage.StoragePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned model artifacts under a root folder (local or {@code s3://}).
 *
 * <p>Layout: {@code ROOT/<kind>/<name>/v<N>/} is an immutable copy of a model artifact (manifest
 * and checksummed files); {@code ROOT/<kind>/<name>/<role>} is a pointer file holding a version
 * name; {@code ROOT/<kind>/<name>/<role>.history} lists the versions the role pointed at before,
 * oldest first, so {@link #rollback} can return to them. Every pointer and history write is atomic.
 */
public final class ModelRegistry {

  /** Kind and name: a letter or digit, then letters, digits, '.', '_' or '-'. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** Role: a lower-case word that is not a version name. */
  private static final Pattern ROLE = Pattern.compile("[a-z]+");

  private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]*)");

  private static final String HISTORY = ".history";

  /**
   * One version of a model.
   *
   * @param created when its manifest was written, ISO-8601 (e.g. {@code 2026-01-02T03:04:05Z}), or
   *     empty when the store does not say
   * @param roles the roles pointing at it
   */
  public record Version(
      String version, String format, int formatVersion, String created, List<String> roles) {}

  /** One model of the registry: its versions, oldest first, and each role's version. */
  public record Entry(
      String kind, String name, List<Version> versions, Map<String, String> roles) {}

  private final Path root;

  /** A registry over {@code root}; the folder is created by the first {@link #push}. */
  public ModelRegistry(Path root) {
    this.root = root;
  }

  /** The registry's root. */
  public Path root() {
    return root;
  }

  /** The directory of a version, e.g. {@code ROOT/recs/shop/v3}. */
  public Path directory(String kind, String name, String version) {
    checkVersion(version);
    return home(kind, name).resolve(version);
  }

  /**
   * Verifies an artifact's checksums and copies it into the model's next version directory; the
   * copy becomes visible only when complete.
   *
   * @param artifactDir an artifact directory, or an {@link ArtifactHome} (its current version)
   * @return the new version name, e.g. {@code v1}
   * @throws IllegalArgumentException when kind or name is not valid, or the artifact is missing,
   *     tampered with or incomplete
   */
  public String push(String kind, String name, Path artifactDir) throws IOException {
    Path home = home(kind, name);
    Path source = ArtifactHome.resolve(artifactDir);
    ArtifactManifest m = verify(source);
    int next = 1;
    for (String v : versions(home)) {
      next = Math.max(next, number(v) + 1);
    }
    String version = "v" + next;
    AtomicWrite.writeDirectory(
        home.resolve(version),
        tmp -> {
          for (String file : m.files().keySet()) {
            copyInto(source.resolve(file), tmp.resolve(file));
          }
          copyInto(
              source.resolve(ArtifactManifest.FILE_NAME), tmp.resolve(ArtifactManifest.FILE_NAME));
        });
    return version;
  }

  private static void copyInto(Path from, Path to) throws IOException {
    if (to.getParent() != null) {
      Files.createDirectories(to.getParent());
    }
    try (var in = Files.newInputStream(from)) {
      Files.copy(in, to);
    }
  }

  /**
   * Points {@code role} at {@code version}, remembering the version it pointed at before for {@link
   * #rollback}.
   *
   * @throws IllegalArgumentException when the role is not a lower-case word or the version does not
   *     exist
   */
  public void promote(String kind, String name, String version, String role) throws IOException {
    Path home = home(kind, name);
    checkRole(role);
    checkVersion(version);
    if (!StoragePaths.isDirectory(home.resolve(version))) {
      throw new IllegalArgumentException(
          "version '"
              + version
              + "' of "
              + kind
              + "/"
              + name
              + " does not exist in "
              + StoragePaths.display(home)
              + " (versions: "
              + versions(home)
              + "); push the artifact first or pick an existing version");
    }
    Optional<String> previous = pointer(home, role);
    if (previous.isPresent() && previous.get().equals(version)) {
      return;
    }
    if (previous.isPresent()) {
      List<String> history = history(home, role);
      history.add(previous.get());
      AtomicWrite.writeString(home.resolve(role + HISTORY), String.join("\n", history) + "\n");
    }
    AtomicWrite.writeString(home.resolve(role), version + "\n");
  }

  /**
   * Points {@code role} back at the version it pointed at before its last promotion.
   *
   * @return the version the role points at now
   * @throws IllegalArgumentException when the role has no earlier version
   */
  public String rollback(String kind, String name, String role) throws IOException {
    Path home = home(kind, name);
    checkRole(role);
    List<String> history = history(home, role);
    if (history.isEmpty()) {
      throw new IllegalArgumentException(
          "role '"
              + role
              + "' of "
              + kind
              + "/"
              + name
              + " has no earlier version to roll back to ("
              + StoragePaths.display(home.resolve(role + HISTORY))
              + " is empty or absent); promote the version you want instead");
    }
    String back = history.remove(history.size() - 1);
    AtomicWrite.writeString(home.resolve(role), back + "\n");
    AtomicWrite.writeString(
        home.resolve(role + HISTORY), history.isEmpty() ? "" : String.join("\n", history) + "\n");
    return back;
  }

  /**
   * The version {@code role} points at.
   *
   * @throws IllegalArgumentException when the role has no pointer
   */
  public String resolve(String kind, String name, String role) throws IOException {
    Path home = home(kind, name);
    checkRole(role);
    return pointer(home, role)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no pointer for role '"
                        + role
                        + "' of "
                        + kind
                        + "/"
                        + name
                        + " at "
                        + StoragePaths.display(home.resolve(role))
                        + "; run `vitrina registry promote` to point it at a version"));
  }

  /** Every model of the registry, sorted by kind and name. */
  public List<Entry> list() throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String kind : children(root)) {
      for (String name : children(root.resolve(kind))) {
        Path home = root.resolve(kind).resolve(name);
        Map<String, String> roles = new TreeMap<>();
        for (String f : files(home)) {
          if (ROLE.matcher(f).matches()) {
            pointer(home, f).ifPresent(v -> roles.put(f, v));
          }
        }
        List<Version> versions = new ArrayList<>();
        for (String v : versions(home)) {
          Path dir = home.resolve(v);
          ArtifactManifest m = Artifacts.readManifest(dir);
          String created = modified(dir.resolve(ArtifactManifest.FILE_NAME));
          List<String> on = new ArrayList<>();
          roles.forEach(
              (r, rv) -> {
                if (rv.equals(v)) on.add(r);
              });
          versions.add(new Version(v, m.format(), m.formatVersion(), created, List.copyOf(on)));
        }
        out.add(new Entry(kind, name, List.copyOf(versions), Map.copyOf(roles)));
      }
    }
    return out;
  }

  /**
   * Reads and verifies an artifact: its manifest and every file's checksum.
   *
   * @throws IllegalArgumentException (an {@code InvalidArtifactException}) naming what is wrong
   */
  public static ArtifactManifest verify(Path dir) throws IOException {
    ArtifactManifest m = Artifacts.readManifest(dir);
    return Artifacts.load(dir, m.format(), m.formatVersion());
  }

  Path home(String kind, String name) {
    check("kind", kind);
    check("name", name);
    return root.resolve(kind).resolve(name);
  }

  private static void check(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "model "
              + what
              + " '"
              + value
              + "' is not valid; use letters, digits, '.', '_' or '-' starting with a letter or"
              + " digit (e.g. recs)");
    }
  }

  private static void checkRole(String role) {
    if (role == null || !ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException(
          "role '"
              + role
              + "' is not valid; use a lower-case word such as production or candidate");
    }
  }

  private static void checkVersion(String version) {
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "version '"
              + version
              + "' is not valid; use a version name such as v1 (see registry list)");
    }
  }

  private static int number(String version) {
    var mt = VERSION.matcher(version);
    return mt.matches() ? Integer.parseInt(mt.group(1)) : 0;
  }

  private static Optional<String> pointer(Path home, String role) throws IOException {
    try {
      String v = Files.readString(home.resolve(role), StandardCharsets.UTF_8).strip();
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static List<String> history(Path home, String role) throws IOException {
    try {
      List<String> out = new ArrayList<>();
      for (String line :
          Files.readString(home.resolve(role + HISTORY), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
      return out;
    } catch (NoSuchFileException e) {
      return new ArrayList<>();
    }
  }

  /** The version names in {@code home}, oldest first. */
  static List<String> versions(Path home) throws IOException {
    List<String> out = new ArrayList<>();
    for (String c : children(home)) {
      if (VERSION.matcher(c).matches()) {
        out.add(c);
      }
    }
    out.sort((a, b) -> Integer.compare(number(a), number(b)));
    return out;
  }

  private static List<String> children(Path dir) throws IOException {
    return entries(dir, true);
  }

  private static List<String> files(Path dir) throws IOException {
    return entries(dir, false);
  }

  private static List<String> entries(Path dir, boolean directories) throws IOException {
    if (!StoragePaths.isDirectory(dir)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String n = StoragePaths.name(p);
        if (n.isEmpty() || AtomicWrite.isTempName(n) || n.startsWith(".")) {
          continue;
        }
        if (StoragePaths.isDirectory(p) == directories) {
          out.add(n);
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static String modified(Path file) {
    try {
      FileTime t = Files.getLastModifiedTime(file);
      return t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }
}
