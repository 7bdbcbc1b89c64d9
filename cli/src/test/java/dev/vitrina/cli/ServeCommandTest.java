package dev.vitrina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.cli.VitrinaCli.Captured;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  @TempDir Path tmp;

  @Test
  void aMissingModelIsAUserErrorNamingTheFix() {
    Captured r =
        VitrinaCli.capture(
            "serve", "--model", tmp.resolve("nope").toString(), "--events", "none", "--port", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is not a model directory").contains("vitrina demo");
  }

  @Test
  void registryServingIsRefusedClearlyUntilWired() {
    Captured r = VitrinaCli.capture("serve", "--registry", tmp.toString(), "--name", "recs/ials");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--registry");
  }

  @Test
  void helpDescribesTheOptions() {
    Captured r = VitrinaCli.capture("serve", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--model", "--port", "--events", "--experiment");
  }
}
