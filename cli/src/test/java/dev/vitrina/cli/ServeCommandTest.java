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
  void aRegistryWithoutTheRoleIsAUserErrorNamingIt() {
    Captured r =
        VitrinaCli.capture(
            "serve", "--registry", tmp.toString(), "--name", "shop", "--events", "none");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--role production").contains("recs/shop");
  }

  @Test
  void registryAndNameGoTogether() {
    Captured r = VitrinaCli.capture("serve", "--registry", tmp.toString(), "--events", "none");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--registry and --name go together");
  }

  @Test
  void anUnknownEventLogIsAUserErrorNamingTheAcceptedForms() {
    Captured r =
        VitrinaCli.capture(
            "serve", "--model", tmp.toString(), "--events", "mysql://x", "--port", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--events mysql://x").contains("duckdb:");
  }

  @Test
  void helpDescribesTheOptions() {
    Captured r = VitrinaCli.capture("serve", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--model", "--port", "--events", "--experiment");
  }
}
