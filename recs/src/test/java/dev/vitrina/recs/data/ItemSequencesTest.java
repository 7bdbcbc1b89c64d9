package dev.vitrina.recs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.validate.InvalidFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemSequencesTest {

  @TempDir Path dir;

  @Test
  void lastItemIsTestOneBeforeIsValidationRestIsOrderedTraining() throws Exception {
    Path f = dir.resolve("seq.txt");
    Files.writeString(f, "5 3 9 4 7\n3 5 8\n");
    ItemSequences s = ItemSequences.read(f);
    Interactions t = s.train();
    assertThat(t.size()).isEqualTo(3 + 1);
    int u1 = t.users().find("1").orElseThrow();
    assertThat(t.items().id(s.test()[u1])).isEqualTo("7");
    assertThat(t.items().id(s.validation()[u1])).isEqualTo("4");
    int u2 = t.users().find("2").orElseThrow();
    assertThat(t.items().id(s.test()[u2])).isEqualTo("8");
    assertThat(t.items().id(s.validation()[u2])).isEqualTo("5");
    assertThat(t.hasTimestamps()).isTrue();
    // held-out items are still known items, so a full ranking covers them
    assertThat(t.items().find("8")).isPresent();
  }

  @Test
  void aTokenThatIsNotAnIdNamesTheLine() throws Exception {
    Path f = dir.resolve("seq.txt");
    Files.writeString(f, "1 2 3\n4 x 5\n");
    assertThatThrownBy(() -> ItemSequences.read(f))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'x'");
  }
}
