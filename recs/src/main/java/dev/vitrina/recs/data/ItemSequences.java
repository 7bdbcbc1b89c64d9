package dev.vitrina.recs.data;

import dev.vitrina.core.validate.InvalidFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chronological item sequences, one user per line ({@code item item item ...}, oldest first,
 * space-separated; user ids are line numbers from 1), as used by the sequential-recommendation
 * literature (the MovieLens 1M split of the SASRec papers), with the leave-one-out protocol: each
 * line's last item is the user's test target, the one before it the validation target, and the rest
 * is training history.
 *
 * <p>When the folder holds the MovieLens side files ({@code movies.dat} and {@code
 * sas_to_original_items.txt}), items get their titles and genres (first genre as category).
 *
 * @param train the training interactions: every item but the last two of each line, with the
 *     position in the line as the timestamp (so histories keep their order)
 * @param validation per dense user, the dense validation item ({@code -1} when the line is too
 *     short)
 * @param test per dense user, the dense test item ({@code -1} when the line is too short)
 */
public record ItemSequences(Interactions train, int[] validation, int[] test) {

  /**
   * Reads {@code file} (or {@code dir/train/input.txt} when given a folder).
   *
   * @throws InvalidFileException naming the line of a token that is not an item id
   */
  public static ItemSequences read(Path path) throws IOException {
    List<String[]> lines = lines(path);
    Interactions train = build(path, lines, 2);
    int[] val = new int[lines.size()];
    int[] test = new int[lines.size()];
    for (int u = 0; u < lines.size(); u++) {
      String[] tok = lines.get(u);
      int du = train.users().find(Integer.toString(u + 1)).orElseThrow();
      val[du] = tok.length >= 2 ? train.items().find(tok[tok.length - 2]).orElseThrow() : -1;
      test[du] = tok.length >= 1 ? train.items().find(tok[tok.length - 1]).orElseThrow() : -1;
    }
    return new ItemSequences(train, val, test);
  }

  /**
   * Every item of every line as interactions (value 1, the position in the line as the timestamp,
   * so a time-ordered split such as {@code last-n:1} holds out each line's last item), with titles
   * and genres when the folder has the MovieLens side files. This is the {@code sequences}
   * interactions format.
   *
   * @throws InvalidFileException naming the line of a token that is not an item id
   */
  public static Interactions readAll(Path path) throws IOException {
    return build(path, lines(path), 0);
  }

  /**
   * Every line as a user (ids are line numbers from 1) with all but its last {@code heldOut} items
   * as interactions (the position as the timestamp) and those declared as items.
   */
  private static Interactions build(Path path, List<String[]> lines, int heldOut)
      throws IOException {
    Path dir = Files.isDirectory(path) ? path : path.getParent();
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (int u = 0; u < lines.size(); u++) {
      String user = Integer.toString(u + 1);
      b.declareUser(user);
      String[] tok = lines.get(u);
      for (int p = 0; p < tok.length; p++) {
        if (p < tok.length - heldOut) {
          b.add(user, tok[p], 1f, p);
        } else {
          b.declareItem(tok[p]);
        }
      }
    }
    if (dir != null) {
      attachMovieLens(dir, b);
    }
    return b.build();
  }

  /** The sequence file of {@code path} (a folder: its {@code train/input.txt}). */
  public static Path sequenceFile(Path path) {
    return Files.isDirectory(path) ? path.resolve("train").resolve("input.txt") : path;
  }

  private static List<String[]> lines(Path path) throws IOException {
    Path file = sequenceFile(path);
    if (!Files.isRegularFile(file)) {
      throw new dev.vitrina.core.check.ParameterException(
          "data",
          "names no sequence file: "
              + file
              + "; give a file with one user per line (item ids separated by spaces, oldest"
              + " first) or a folder holding train/input.txt");
    }
    List<String[]> lines = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String[] tok = line.isBlank() ? new String[0] : line.strip().split("\\s+");
        for (String t : tok) {
          if (!t.chars().allMatch(Character::isDigit)) {
            throw new InvalidFileException(
                file
                    + " line "
                    + n
                    + ": '"
                    + t
                    + "' is not an item id; each line must be item ids separated by spaces,"
                    + " oldest first");
          }
        }
        lines.add(tok);
      }
    }
    return lines;
  }

  private static void attachMovieLens(Path dir, Interactions.Builder b) throws IOException {
    Path movies = dir.resolve("movies.dat");
    Path map = dir.resolve("sas_to_original_items.txt");
    if (!Files.exists(movies) || !Files.exists(map)) {
      return;
    }
    Map<String, String[]> byOriginal = new HashMap<>();
    for (String line : Files.readAllLines(movies, StandardCharsets.ISO_8859_1)) {
      String[] f = line.split("::");
      if (f.length >= 3) {
        byOriginal.put(f[0], f);
      }
    }
    for (String line : Files.readAllLines(map, StandardCharsets.UTF_8)) {
      String[] f = line.strip().split("\\s+");
      if (f.length < 2) {
        continue;
      }
      String[] movie = byOriginal.get(f[1]);
      if (movie == null) {
        continue;
      }
      b.itemTitle(f[0], movie[1]);
      List<String> genres = List.of(movie[2].split("\\|"));
      b.itemGenres(f[0], genres);
      b.itemCategory(f[0], genres.get(0));
    }
  }
}
