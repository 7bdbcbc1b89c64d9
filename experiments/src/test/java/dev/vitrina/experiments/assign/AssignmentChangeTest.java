package dev.vitrina.experiments.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
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

  private static Experiment exp(String name, String split) {
    return new Experiment(name, name + "/1", Experiment.parseVariants(split), 1);
  }

  private static AssignmentConfig layered(double to, String layerSalt, String split) {
    return new AssignmentConfig(
        List.of(),
        List.of(
            new Layer(
                "home",
                layerSalt,
                List.of(
                    new Layer.Slot(0, to, exp("ranker", split)),
                    new Layer.Slot(to, 1, exp("banner", "50/50"))))));
  }

  @Test
  void shrinkingALayerSlotMakesUnitsLeaveAndCountsAgree() {
    AssignmentConfig before = layered(0.5, "home/1", "50/50");
    AssignmentConfig after = layered(0.4, "home/1", "50/50");
    List<AssignmentChange> changes = AssignmentChange.between(before, after);
    AssignmentChange ranker =
        changes.stream().filter(c -> c.experiment().equals("ranker")).findFirst().orElseThrow();
    assertThat(ranker.stayed()).isCloseTo(0.4, offset(1e-12));
    assertThat(ranker.left()).isCloseTo(0.1, offset(1e-12));
    assertThat(ranker.moved()).isZero();
    assertThat(ranker.warnings())
        .singleElement()
        .asString()
        .contains("10.00% of all units leave")
        .contains("slot [0.0, 0.5) to layer 'home' (salt 'home/1') slot [0.0, 0.4)");
    AssignmentChange banner =
        changes.stream().filter(c -> c.experiment().equals("banner")).findFirst().orElseThrow();
    assertThat(banner.entered()).isCloseTo(0.1, offset(1e-12));
    // the units banner gains were in ranker's slot: carry-over
    assertThat(banner.warnings())
        .singleElement()
        .asString()
        .contains("10.00% of all units enter it from the old slot of 'ranker'");
    // count ids: units in 'ranker' before that are not in it after
    int left = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      boolean was = before.assign("u" + i, "ranker").assigned();
      boolean is = after.assign("u" + i, "ranker").assigned();
      if (was && !is) {
        left++;
      }
    }
    assertThat((double) left / n).isCloseTo(0.1, offset(0.004));
  }

  @Test
  void weightChangeInsideALayerIsScaledByTheSlot() {
    AssignmentConfig before = layered(0.5, "home/1", "50/50");
    AssignmentConfig after = layered(0.5, "home/1", "70/30");
    AssignmentChange ranker = AssignmentChange.between(before, after).get(0);
    assertThat(ranker.experiment()).isEqualTo("ranker");
    assertThat(ranker.moved()).isCloseTo(0.1, offset(1e-12));
    assertThat(ranker.rebuckets()).isTrue();
    assertThat(ranker.warnings().get(0)).contains("moves 10.00% of all units (20.0% of those");
  }

  @Test
  void newLayerSaltReshufflesSlotMembership() {
    AssignmentConfig before = layered(0.5, "home/1", "50/50");
    AssignmentConfig after = layered(0.5, "home/2", "50/50");
    AssignmentChange ranker = AssignmentChange.between(before, after).get(0);
    // independent hashes: a quarter of all units stays in the slot, a quarter leaves
    assertThat(ranker.stayed()).isCloseTo(0.25, offset(1e-12));
    assertThat(ranker.left()).isCloseTo(0.25, offset(1e-12));
    assertThat(ranker.entered()).isCloseTo(0.25, offset(1e-12));
    assertThat(ranker.warnings()).singleElement().asString().contains("25.00% of all units leave");
  }

  @Test
  void removedExperimentAndUnchangedConfigs() {
    AssignmentConfig before = layered(0.5, "home/1", "50/50");
    AssignmentConfig after =
        new AssignmentConfig(
            List.of(),
            List.of(
                new Layer(
                    "home", "home/1", List.of(new Layer.Slot(0, 0.5, exp("ranker", "50/50"))))));
    List<AssignmentChange> changes = AssignmentChange.between(before, after);
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).warnings()).isEmpty();
    assertThat(changes.get(1).experiment()).isEqualTo("banner");
    assertThat(changes.get(1).left()).isCloseTo(0.5, offset(1e-12));
    assertThat(changes.get(1).warnings())
        .singleElement()
        .asString()
        .contains("'banner' is not in the new config");
    // the same config: nothing moves, no warnings
    for (AssignmentChange c : AssignmentChange.between(before, before)) {
      assertThat(c.warnings()).isEmpty();
      assertThat(c.moved() + c.left() + c.entered()).isZero();
    }
  }
}
