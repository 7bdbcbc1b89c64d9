package dev.vitrina.recs.data;

import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.TimestampUnit;
import dev.vitrina.core.validate.InvalidFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the MovieLens formats as explicit feedback (ratings 1-5, timestamps in seconds):
 *
 * <ul>
 *   <li>100K: {@code u.data} (tab-separated {@code user item rating time}) with {@code u.item}
 *       (pipe-separated; title, then 19 genre flags named in {@code u.genre}) and {@code u.user}.
 *   <li>1M/10M: {@code ratings.dat} ({@code user::item::rating::time}) with {@code movies.dat}
 *       ({@code id::title::Genre|Genre}, ISO-8859-1) and {@code users.dat}.
 * </ul>
 *
 * Side files are read when they sit next to the ratings file; every catalogue item becomes a known
 * item (with genres; its first genre is its category) even without ratings.
 */
public final class MovieLensReader {

  private static final String[] ML100K_GENRES = {
    "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary",
    "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
    "Thriller", "War", "Western"
  };

  private MovieLensReader() {}

  /**
   * Reads MovieLens from a ratings file ({@code u.data}, {@code ratings.dat}) or a directory
   * holding one. The ratings file is headerless delimited text read through core's table layer
   * (columns 1-4: user, item, rating, time in seconds), so its bad rows are reported as any
   * interactions file's are (see {@link InteractionsReader}).
   *
   * @throws java.nio.file.NoSuchFileException when the ratings file does not exist
   * @throws InvalidFileException for a folder without a ratings file, or a side file line with too
   *     few fields, naming the file and line
   * @throws dev.vitrina.core.table.BadRowsException when a rating row is malformed, naming the
   *     file, line, column and value of the first problems
   */
  public static Interactions read(Path path) throws IOException {
    return read(path, BadRowPolicy.FAIL);
  }

  /** As {@link #read(Path)} with a policy for malformed rows. */
  public static Interactions read(Path path, BadRowPolicy badRows) throws IOException {
    Path ratings = path;
    if (Files.isDirectory(path)) {
      if (Files.exists(path.resolve("u.data"))) {
        ratings = path.resolve("u.data");
      } else if (Files.exists(path.resolve("ratings.dat"))) {
        ratings = path.resolve("ratings.dat");
      } else {
        throw new InvalidFileException(
            path
                + " holds neither u.data (MovieLens 100K) nor ratings.dat (MovieLens 1M/10M);"
                + " pass u.data, ratings.dat or their folder");
      }
    }
    Path dir = ratings.toAbsolutePath().getParent();
    boolean dat = ratings.getFileName().toString().endsWith(".dat");
    Interactions.Builder b = Interactions.builder(Feedback.EXPLICIT);
    DelimitedFormat f =
        DelimitedFormat.tsv()
            .withDelimiter(dat ? "::" : "\t")
            .withHeader(false)
            .withUserColumn("1")
            .withItemColumn("2")
            .withValueColumn("3")
            .withTimestampColumn("4", TimestampUnit.SECONDS)
            .withFeedback(Feedback.EXPLICIT)
            .withBadRows(badRows)
            .withCharset(StandardCharsets.ISO_8859_1);
    InteractionsReader.readInto(InteractionsReader.source(ratings, "csv", f), f, b);
    if (dat) {
      readMoviesDat(dir.resolve("movies.dat"), b);
      readUsers(dir.resolve("users.dat"), "::", b);
    } else {
      readUItem(dir.resolve("u.item"), readGenreNames(dir.resolve("u.genre")), b);
      readUsers(dir.resolve("u.user"), "|", b);
    }
    return b.build();
  }

  private static String[] readGenreNames(Path file) throws IOException {
    if (!Files.exists(file)) {
      return ML100K_GENRES;
    }
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
      if (!line.isBlank()) {
        names.add(line.substring(0, line.lastIndexOf('|')));
      }
    }
    return names.toArray(new String[0]);
  }

  private static void readUItem(Path file, String[] genreNames, Interactions.Builder b)
      throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\\|", -1);
        if (f.length < 5 + genreNames.length) {
          throw new InvalidFileException(
              file.getFileName()
                  + ":"
                  + lineNo
                  + ": has "
                  + f.length
                  + " fields, expected "
                  + (5 + genreNames.length)
                  + " (id|title|date|video date|url|"
                  + genreNames.length
                  + " genre flags)");
        }
        String id = f[0].trim();
        b.itemTitle(id, f[1]);
        List<String> genres = new ArrayList<>();
        for (int g = 0; g < genreNames.length; g++) {
          if (f[5 + g].trim().equals("1")) {
            genres.add(genreNames[g]);
          }
        }
        b.itemGenres(id, genres);
        if (!genres.isEmpty()) {
          b.itemCategory(id, genres.get(0));
        }
      }
    }
  }

  private static void readMoviesDat(Path file, Interactions.Builder b) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("::", -1);
        if (f.length < 3) {
          throw new InvalidFileException(
              file.getFileName()
                  + ":"
                  + lineNo
                  + ": expected id::title::genres, got '"
                  + line
                  + "'");
        }
        String id = f[0].trim();
        b.itemTitle(id, f[1]);
        List<String> genres = f[2].isBlank() ? List.of() : List.of(f[2].split("\\|"));
        b.itemGenres(id, genres);
        if (!genres.isEmpty()) {
          b.itemCategory(id, genres.get(0));
        }
      }
    }
  }

  private static void readUsers(Path file, String sep, Interactions.Builder b) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    String[] cols =
        sep.equals("|")
            ? new String[] {"age", "gender", "occupation", "zip"}
            : new String[] {"gender", "age", "occupation", "zip"};
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(java.util.regex.Pattern.quote(sep), -1);
        if (f.length < cols.length + 1) {
          throw new InvalidFileException(
              file.getFileName()
                  + ":"
                  + lineNo
                  + ": has "
                  + f.length
                  + " fields, expected "
                  + (cols.length + 1)
                  + " (user id"
                  + sep
                  + String.join(sep, cols)
                  + "); fix the line or remove the file to read ratings only");
        }
        for (int c = 0; c < cols.length; c++) {
          b.userAttribute(f[0].trim(), cols[c], f[c + 1]);
        }
      }
    }
  }
}
