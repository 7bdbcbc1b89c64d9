package dev.vitrina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Library messages name the library's parameters; only the command line speaks in flags. Every
 * string literal in the main sources of the converted library modules is checked for a {@code
 * --flag}.
 */
class LibraryFlagsTest {

  /** Library modules whose messages name parameters, not flags. */
  private static final List<String> MODULES = List.of("demand", "experiments", "recs");

  /**
   * Files of those modules that still name flags and are converted separately; remove an entry once
   * its file is converted.
   */
  private static final Set<String> NOT_YET_CONVERTED =
      Set.of(
          "experiments/src/main/java/dev/vitrina/experiments/analysis/ExperimentAnalyzer.java",
          "experiments/src/main/java/dev/vitrina/experiments/data/ExperimentData.java",
          "recs/src/main/java/dev/vitrina/recs/data/InteractionsReader.java");

  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

  @Test
  void libraryStringLiteralsNameNoFlag() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<String> found = new ArrayList<>();
    int files = 0;
    for (String module : MODULES) {
      Path src = root.resolve(module).resolve("src/main/java");
      assertThat(src).as("main sources of " + module).isDirectory();
      List<Path> java;
      try (Stream<Path> s = Files.walk(src)) {
        java = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path p : java) {
        files++;
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (NOT_YET_CONVERTED.contains(rel)) {
          continue;
        }
        for (String literal : stringLiterals(Files.readString(p, StandardCharsets.UTF_8))) {
          Matcher m = FLAG.matcher(literal);
          if (m.find()) {
            found.add(rel + ": " + m.group() + " in \"" + literal + "\"");
          }
        }
      }
    }
    assertThat(files).isGreaterThan(50);
    assertThat(found)
        .as(
            "library messages name the parameter (ParameterException) or the record field"
                + " (e.g. SalesColumns.store); the CLI maps them to flags (LibraryName)")
        .isEmpty();
  }

  @Test
  void theScannerFindsLiteralsAndSkipsComments() {
    String src =
        "// \"--not\"\n"
            + "/* \"--nor\" */\n"
            + "class A { char q = '\"'; String s = \"x \\\" --yes\"; String t = \"\"\"\n"
            + "  --block\n"
            + "  \"\"\"; String u = \"a\" + \"b\"; }";
    assertThat(stringLiterals(src)).containsExactly("x \\\" --yes", "\n  --block\n  ", "a", "b");
    Set<String> flags = new TreeSet<>();
    for (String l : stringLiterals(src)) {
      Matcher m = FLAG.matcher(l);
      while (m.find()) {
        flags.add(m.group());
      }
    }
    assertThat(flags).containsExactly("--block", "--yes");
    assertThat(FLAG.matcher("a---b 1--2 x--y").find()).isFalse();
  }

  /** The string literals (and text blocks) of a Java source, without comments or char literals. */
  static List<String> stringLiterals(String src) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        int e = src.indexOf('\n', i);
        i = e < 0 ? n : e + 1;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int e = src.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
      } else if (c == '\'') {
        i++;
        while (i < n && src.charAt(i) != '\'') {
          i += src.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (src.startsWith("\"\"\"", i)) {
        int start = i + 3;
        int j = start;
        while (j < n && !src.startsWith("\"\"\"", j)) {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        out.add(src.substring(start, Math.min(j, n)));
        i = j + 3;
      } else if (c == '"') {
        int start = i + 1;
        int j = start;
        while (j < n && src.charAt(j) != '"' && src.charAt(j) != '\n') {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        out.add(src.substring(start, Math.min(j, n)));
        i = j + 1;
      } else {
        i++;
      }
    }
    return out;
  }
}
