package dev.vitrina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of the source tree: a package named {@code dev.vitrina.<module>.internal}
 * (or below it) is shared by the packages of its own module and is not API, so no other module's
 * code, main or test, may refer to it. The module of a source file is the second segment of its
 * package ({@code dev.vitrina.recs.als} belongs to {@code recs}). The one listed exception is the
 * benchmark module, which measures the recommender kernels directly.
 */
class ArchitectureTest {

  /** The word that marks an internal package, kept apart so this file does not match itself. */
  private static final String INTERNAL = "internal";

  /** Internal packages another module may use: module -> packages. */
  static final Map<String, Set<String>> ALLOWED =
      Map.of("bench", Set.of("dev.vitrina.recs." + INTERNAL + ".linalg"));

  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+dev\\.vitrina\\.(\\w+)[\\w.]*;", Pattern.MULTILINE);
  private static final Pattern INTERNAL_REF =
      Pattern.compile(
          "\\bdev\\.vitrina\\.(\\w+)((?:\\.\\w+)*?)\\." + INTERNAL + "\\b((?:\\.[a-z]\\w*)*)");

  /**
   * The references in {@code source} (the text of file {@code name}) to another module's internal
   * packages that {@link #ALLOWED} does not list, one line each; empty when there are none.
   */
  static List<String> violations(String name, String source) {
    Matcher pkg = PACKAGE.matcher(source);
    if (!pkg.find()) {
      return List.of();
    }
    String module = pkg.group(1);
    List<String> out = new ArrayList<>();
    Matcher ref = INTERNAL_REF.matcher(source);
    while (ref.find()) {
      String owner = ref.group(1);
      String internalPackage = ref.group();
      if (owner.equals(module)) {
        continue;
      }
      Set<String> allowed = ALLOWED.getOrDefault(module, Set.of());
      if (allowed.contains(internalPackage)) {
        continue;
      }
      out.add(
          name
              + ": module '"
              + module
              + "' refers to package '"
              + internalPackage
              + "', an internal package of module '"
              + owner
              + "'; use the module's API instead, or move the code into module '"
              + owner
              + "'");
    }
    return out;
  }

  @Test
  void noModuleUsesAnotherModulesInternalPackages() throws IOException {
    Path root = repositoryRoot();
    List<String> found = new ArrayList<>();
    int files = 0;
    for (Path file : javaSources(root)) {
      files++;
      found.addAll(violations(root.relativize(file).toString(), Files.readString(file)));
    }
    assertThat(files).as("Java sources scanned under %s", root).isGreaterThan(100);
    assertThat(found).as("references to other modules' internal packages").isEmpty();
  }

  @Test
  void everyInternalPackageSaysItIsNotApi() throws IOException {
    Path root = repositoryRoot();
    List<Path> internal = new ArrayList<>();
    for (Path dir : sourceRoots(root, "src/main/java")) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(Files::isDirectory)
            .filter(d -> d.getFileName().toString().equals(INTERNAL))
            .forEach(internal::add);
      }
    }
    assertThat(internal).as("internal packages under %s", root).isNotEmpty();
    for (Path dir : internal) {
      Path info = dir.resolve("package-info.java");
      assertThat(info).as("package-info of %s", root.relativize(dir)).exists();
      assertThat(Files.readString(info)).contains("Not API");
    }
  }

  @Test
  void flagsAReferenceToAnotherModulesInternalPackage() {
    String cli =
        "package dev.vitrina.cli.recs;\n\nimport dev.vitrina.recs." + INTERNAL + ".TopK;\n";
    assertThat(violations("Cli.java", cli))
        .singleElement()
        .asString()
        .contains("module 'cli' refers to package 'dev.vitrina.recs." + INTERNAL + "'")
        .contains("internal package of module 'recs'");
    String fullyQualified =
        "package dev.vitrina.demand.panel;\nclass A { dev.vitrina.recs."
            + INTERNAL
            + ".linalg.Kernels k; }";
    assertThat(violations("A.java", fullyQualified)).hasSize(1);
  }

  @Test
  void allowsTheOwnModuleAndTheListedBenchmarkException() {
    String own =
        "package dev.vitrina.recs.als;\nimport dev.vitrina.recs." + INTERNAL + ".Parallel;\n";
    assertThat(violations("Own.java", own)).isEmpty();
    String bench =
        "package dev.vitrina.bench.recs;\nimport dev.vitrina.recs."
            + INTERNAL
            + ".linalg.Kernels;\n";
    assertThat(violations("Bench.java", bench)).isEmpty();
    String benchOther =
        "package dev.vitrina.bench.recs;\nimport dev.vitrina.recs." + INTERNAL + ".TopK;\n";
    assertThat(violations("Bench.java", benchOther)).hasSize(1);
  }

  private static List<Path> javaSources(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path dir : sourceRoots(root, "src/main/java", "src/test/java")) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
      }
    }
    return out;
  }

  /** The given source folders of every module (a folder with a pom.xml) under {@code root}. */
  private static List<Path> sourceRoots(Path root, String... sets) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).toList()) {
        for (String set : sets) {
          Path dir = module.resolve(set);
          if (Files.isDirectory(dir)) {
            out.add(dir);
          }
        }
      }
    }
    return out;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("core/pom.xml"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new UncheckedIOException(
        new IOException(
            "no repository root (a folder with pom.xml and core/pom.xml) above "
                + Path.of("").toAbsolutePath()));
  }
}
