package dev.vitrina.core.artifact;

import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.core.storage.StoragePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A model's home: a directory of immutable, numbered artifact versions ({@code v1/}, {@code v2/},
 * ...) and a pointer file {@value #POINTER} naming the current one. Saving a model again never
 * replaces anything in place: {@link #publish} writes a complete new version beside the old ones
 * and then switches the pointer with one atomic rename, so a reader resolving the home at any
 * moment finds either the old or the new version, complete, and a reader already holding a version
 * keeps it. The oldest versions beyond {@link #KEEP} are removed after a publish (never the current
 * one).
 *
 * <p>{@link #resolve} turns a path given by a user into the artifact directory to load: the home's
 * current version, or the path itself when it is a plain artifact directory (a version directory,
 * or an artifact nested inside another one).
 */
public final class ArtifactHome {

  /** The pointer file's name. */
  public static final String POINTER = "CURRENT";

  /** How many versions a home keeps after a publish. */
  public static final int KEEP = 3;

  private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]{0,8})");

  private ArtifactHome() {}

  /**
   * What {@link #publish} wrote.
   *
   * @param home the home directory
   * @param version the version's directory name, e.g. {@code v3}
   * @param manifest its manifest
   */
  public record Published(Path home, String version, ArtifactManifest manifest) {
    /** The version's directory. */
    public Path directory() {
      return home.resolve(version);
    }
  }

  /**
   * Writes a new version of the artifact into {@code home} (see {@link Artifacts#save}) and makes
   * it the current one.
   *
   * @param home absent, empty, or an existing home
   * @throws IllegalArgumentException when {@code home} is a file, a plain artifact directory, or a
   *     non-empty directory that is not a home
   */
  public static Published publish(
      Path home,
      String format,
      int formatVersion,
      Map<String, Object> parameters,
      String dataFingerprint,
      AtomicWrite.IoConsumer<Path> body)
      throws IOException {
    checkHome(home);
    if (!StoragePaths.isRemote(home)) {
      Files.createDirectories(home);
    }
    for (int attempt = 0; ; attempt++) {
      int number = newest(home) + 1;
      String version = "v" + number;
      try {
        ArtifactManifest m =
            Artifacts.save(
                home.resolve(version), format, formatVersion, parameters, dataFingerprint, body);
        AtomicWrite.writeString(home.resolve(POINTER), version + "\n");
        prune(home);
        return new Published(home, version, m);
      } catch (FileAlreadyExistsException | InvalidArtifactException e) {
        // another writer published the same version number meanwhile (it may even be pruned
        // already): take the next free one
        if (attempt >= 10 || (!Files.exists(home.resolve(version)) && newest(home) < number)) {
          throw e;
        }
      }
    }
  }

  /**
   * The artifact directory a user's path stands for: {@code path} itself when it holds {@code
   * manifest.json}, the current version when it is a home, otherwise {@code path} (loading it then
   * reports what is missing).
   *
   * @throws InvalidArtifactException when the pointer is unreadable or names a missing version
   */
  public static Path resolve(Path path) throws IOException {
    if (Files.exists(path.resolve(ArtifactManifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
      return path;
    }
    Path pointer = path.resolve(POINTER);
    if (!Files.isRegularFile(pointer)) {
      return path;
    }
    String version = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    if (!VERSION.matcher(version).matches() || !StoragePaths.isDirectory(path.resolve(version))) {
      throw new InvalidArtifactException(
          path,
          pointer,
          "the model home "
              + path
              + " points at '"
              + version
              + "' ("
              + pointer
              + "), which is not one of its versions "
              + versions(path)
              + "; write the name of an existing version (e.g. v1) into "
              + pointer
              + ", or save the model again");
    }
    return path.resolve(version);
  }

  /** The version directory names in {@code home}, oldest first. */
  public static List<String> versions(Path home) throws IOException {
    List<Integer> numbers = new ArrayList<>();
    if (StoragePaths.isDirectory(home)) {
      try (Stream<Path> s = Files.list(StoragePaths.directory(home))) {
        s.forEach(
            p -> {
              Matcher m = VERSION.matcher(StoragePaths.name(p));
              if (m.matches() && StoragePaths.isDirectory(p)) {
                numbers.add(Integer.parseInt(m.group(1)));
              }
            });
      }
    }
    numbers.sort(null);
    return numbers.stream().map(n -> "v" + n).toList();
  }

  private static int newest(Path home) throws IOException {
    List<String> v = versions(home);
    return v.isEmpty() ? 0 : Integer.parseInt(v.get(v.size() - 1).substring(1));
  }

  /** Removes all but the newest {@link #KEEP} versions, never the one the pointer names. */
  private static void prune(Path home) throws IOException {
    List<String> v = versions(home);
    String current = null;
    try {
      current = Files.readString(home.resolve(POINTER), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return; // no readable pointer: remove nothing
    }
    for (int i = 0; i < v.size() - KEEP; i++) {
      if (v.get(i).equals(current)) {
        continue;
      }
      try {
        AtomicWrite.deleteRecursively(home.resolve(v.get(i)));
      } catch (IOException | java.io.UncheckedIOException e) {
        // housekeeping only: another publisher may be removing the same old version
      }
    }
  }

  private static void checkHome(Path home) throws IOException {
    if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS) && !StoragePaths.isDirectory(home)) {
      return;
    }
    if (!StoragePaths.isDirectory(home)) {
      throw new IllegalArgumentException(
          "cannot save a model to "
              + home
              + ": it exists and is not a directory; choose another output path");
    }
    if (Files.exists(home.resolve(ArtifactManifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(
          "cannot save a model to "
              + home
              + ": it holds a single artifact (a manifest.json, written by an older vitrina or as"
              + " one version), and artifacts are never replaced in place; choose a new output"
              + " directory, or move that one away");
    }
    try (Stream<Path> entries = Files.list(StoragePaths.directory(home))) {
      String self = StoragePaths.name(home);
      boolean foreign =
          entries.anyMatch(
              p -> {
                String n = StoragePaths.name(p);
                if (StoragePaths.isRemote(p) && n.equals(self)) {
                  return false; // the folder marker an object store may list
                }
                return !n.equals(POINTER)
                    && !VERSION.matcher(n).matches()
                    && !AtomicWrite.isTempName(n);
              });
      if (foreign) {
        throw new IllegalArgumentException(
            "refusing to save a model to "
                + home
                + ": the directory holds files that are not model versions (v1, v2, ...) or the "
                + POINTER
                + " pointer, so it is not a model home; choose a new or empty directory");
      }
    }
  }
}
