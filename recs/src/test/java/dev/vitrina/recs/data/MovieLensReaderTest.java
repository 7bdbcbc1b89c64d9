package dev.vitrina.recs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.BadRowsException;
import dev.vitrina.core.validate.InvalidFileException;
import dev.vitrina.recs.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensReaderTest {

  @Test
  void readsMovieLens100kFromTheSharedDataFolder() throws IOException {
    Interactions d = Fixtures.movieLens100k();
    assertThat(d.size()).isEqualTo(100_000);
    assertThat(d.numUsers()).isEqualTo(943);
    assertThat(d.numItems()).isEqualTo(1682);
    assertThat(d.feedback()).isEqualTo(Feedback.EXPLICIT);
    int toyStory = d.items().require("1", "item");
    assertThat(d.itemAttributes().title(toyStory)).contains("Toy Story (1995)");
    assertThat(d.itemAttributes().genres(toyStory))
        .containsExactly("Animation", "Children's", "Comedy");
    assertThat(d.itemAttributes().category(toyStory)).contains("Animation");
    assertThat(d.userAttributes().get(d.users().require("1", "user"), "occupation"))
        .contains("technician");
    assertThat(d.readReport().orElseThrow().rowsRejected()).isZero();
  }

  @Test
  void readsTheDatFormatWithMovies(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("ratings.dat"), "1::1193::5::978300760\n1::661::3::978302109\n");
    Files.write(
        tmp.resolve("movies.dat"),
        "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James (1996)::Animation|Musical\n2::Jumanji (1995)::Adventure\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    Interactions d = MovieLensReader.read(tmp);
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.numItems()).isEqualTo(3);
    int james = d.items().require("661", "item");
    assertThat(d.itemAttributes().genres(james)).containsExactly("Animation", "Musical");
    assertThat(d.timestamp(0)).isEqualTo(978300760000L);
  }

  @Test
  void missingFilesAreExplained(@TempDir Path tmp) {
    assertThatThrownBy(() -> MovieLensReader.read(tmp))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("neither u.data")
        .hasMessageContaining("ratings.dat");
    assertThatThrownBy(() -> MovieLensReader.read(tmp.resolve("ratings.dat")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("ratings.dat");
  }

  @Test
  void badRatingRowsNameTheLine(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("u.data"), "1\t2\t5\t881250949\n1\t3\tfive\t881250949\n");
    assertThatThrownBy(() -> MovieLensReader.read(tmp.resolve("u.data")))
        .isInstanceOf(BadRowsException.class)
        .hasMessageContaining("u.data: 1 of 2 rows are invalid")
        .hasMessageContaining("line 2, column '3': value is not a number (value: 'five')");
    Interactions skipped =
        MovieLensReader.read(tmp.resolve("u.data"), BadRowPolicy.SKIP_AND_REPORT);
    assertThat(skipped.size()).isEqualTo(1);
    assertThat(skipped.readReport().orElseThrow().rowsRejected()).isEqualTo(1);
  }

  @Test
  void shortUserLinesAreReportedNotSkipped(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("u.data"), "1\t2\t5\t881250949\n");
    Files.writeString(tmp.resolve("u.user"), "1|24|M|technician|85711\n2|53|F\n");
    assertThatThrownBy(() -> MovieLensReader.read(tmp))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("u.user:2: has 3 fields, expected 5");
  }
}
