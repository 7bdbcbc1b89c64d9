package dev.vitrina.experiments.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class AssignmentChangeTest {

  @Test
  void changingWeightsMovesUnitsAndWarns() {
    Experiment before = new Experiment("e", "e/1", Experiment.parseVariants("50/50"), 1);
    Experiment after = new Experiment("e", "e/1", Experiment.parseVariants("70/30"), 1);
    AssignmentChange ch = AssignmentChange.between(before, after);
    assertThat(ch.moved()).isCloseTo(0.2, offset(1e-12));
    assertThat(ch.stayed()).isCloseTo(0.8, offset(1e-12));
    assertThat(ch.rebuckets()).isTrue();
    assertThat(ch.warnings()).singleElement().asString().contains("moves 20.00% of all units");
    // the exact figure agrees with counting ids
    int moved = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      if (!before.assign("u" + i).variant().equals(after.assign("u" + i).variant())) {
        moved++;
      }
    }
    assertThat((double) moved / n).isCloseTo(0.2, offset(0.005));
  }

  @Test
  void raisingCoverageIsSafe() {
    Experiment before = new Experiment("e", "e/1", Experiment.parseVariants("70/30"), 0.1);
    Experiment after = new Experiment("e", "e/1", Experiment.parseVariants("70/30"), 0.5);
    AssignmentChange ch = AssignmentChange.between(before, after);
    assertThat(ch.moved()).isZero();
    assertThat(ch.entered()).isCloseTo(0.4, offset(1e-12));
    assertThat(ch.warnings()).isEmpty();
    assertThat(ch.rebuckets()).isFalse();
  }

  @Test
  void loweringCoverageWarnsAboutLeavers() {
    Experiment before = new Experiment("e", "e/1", Experiment.parseVariants("50/50"), 1);
    Experiment after = new Experiment("e", "e/1", Experiment.parseVariants("50/50"), 0.5);
    AssignmentChange ch = AssignmentChange.between(before, after);
    assertThat(ch.left()).isCloseTo(0.5, offset(1e-12));
    assertThat(ch.moved()).isZero();
    assertThat(ch.warnings()).singleElement().asString().contains("leave the experiment");
  }

  @Test
  void newSaltReRandomizesEveryone() {
    Experiment before = new Experiment("e", "e/1", Experiment.parseVariants("50/50"), 1);
    Experiment after = new Experiment("e", "e/2", Experiment.parseVariants("50/50"), 1);
    AssignmentChange ch = AssignmentChange.between(before, after);
    assertThat(ch.saltChanged()).isTrue();
    assertThat(ch.rebuckets()).isTrue();
    assertThat(ch.warnings()).singleElement().asString().contains("re-randomized");
  }
}
