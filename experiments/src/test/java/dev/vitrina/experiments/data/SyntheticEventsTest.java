package dev.vitrina.experiments.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.experiments.assign.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticEventsTest {

  @TempDir Path dir;

  private static final Experiment EXP =
      new Experiment("demo", "demo/1", Experiment.parseVariants("70/30"), 1);

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
    SyntheticEvents.Traffic tr = new SyntheticEvents.Traffic(500, 7, 3);
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    SyntheticEvents.write(a, EXP, tr, SyntheticEvents.Lifts.none(), 5);
    SyntheticEvents.write(b, EXP, tr, SyntheticEvents.Lifts.none(), 5);
    SyntheticEvents.write(c, EXP, tr, SyntheticEvents.Lifts.none(), 6);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
  }

  @Test
  void usesTheAssignmentAndTheLoss() throws IOException {
    SyntheticEvents.Traffic tr = new SyntheticEvents.Traffic(20_000, 2, 0);
    SyntheticEvents.Summary s =
        SyntheticEvents.write(dir.resolve("x.csv"), EXP, tr, SyntheticEvents.Lifts.none(), 1);
    long control = s.usersPerVariant().get(0);
    long treatment = s.usersPerVariant().get(1);
    assertThat(control + treatment).isEqualTo(20_000);
    assertThat((double) control / 20_000).isBetween(0.69, 0.71);
    // every user's variant is the one the experiment assigns
    try (var lines = Files.lines(s.file())) {
      lines
          .skip(1)
          .limit(2000)
          .forEach(
              l -> {
                String[] f = l.split(",");
                assertThat(f[2]).isEqualTo(EXP.assign(f[1]).variant());
              });
    }
    SyntheticEvents.Summary lossy =
        SyntheticEvents.write(
            dir.resolve("y.csv"), EXP, tr, new SyntheticEvents.Lifts(0, 0, 0, 0.5), 1);
    assertThat((double) lossy.usersPerVariant().get(1) / treatment).isBetween(0.45, 0.55);
  }
}
