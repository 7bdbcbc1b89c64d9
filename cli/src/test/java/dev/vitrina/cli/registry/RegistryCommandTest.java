package dev.vitrina.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.cli.VitrinaCli;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {

  @TempDir Path tmp;

  private Path trained(String name) throws Exception {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    b.add("u0", "i0", 1f, 1L);
    b.add("u1", "i1", 1f, 2L);
    Path dir = tmp.resolve(name);
    RecsModels.trainer("popular", Map.of()).fit(b.build(), Progress.silent()).save(dir);
    return dir;
  }

  @Test
  void pushPromoteListRollback() throws Exception {
    String reg = tmp.resolve("reg").toString();
    VitrinaCli.Captured p1 =
        VitrinaCli.capture(
            "registry",
            "push",
            "recs",
            "shop",
            trained("a").toString(),
            "--registry",
            reg,
            "--promote",
            "production");
    assertThat(p1.code()).as(p1.err()).isZero();
    assertThat(p1.out()).contains("pushed recs/shop v1").contains("production -> v1");
    VitrinaCli.Captured p2 =
        VitrinaCli.capture(
            "registry", "push", "recs", "shop", trained("b").toString(), "--registry", reg);
    assertThat(p2.out()).contains("pushed recs/shop v2");
    VitrinaCli.Captured pr =
        VitrinaCli.capture("registry", "promote", "recs", "shop", "v2", "--registry", reg);
    assertThat(pr.code()).as(pr.err()).isZero();
    assertThat(Files.readString(tmp.resolve("reg/recs/shop/production")).strip()).isEqualTo("v2");
    VitrinaCli.Captured ls = VitrinaCli.capture("registry", "list", "--registry", reg, "--json");
    assertThat(ls.code()).as(ls.err()).isZero();
    assertThat(ls.out()).contains("\"kind\":\"recs\"").contains("\"production\":\"v2\"");
    VitrinaCli.Captured text = VitrinaCli.capture("registry", "list", "--registry", reg);
    assertThat(text.out()).contains("recs/shop").contains("<- production");
    VitrinaCli.Captured rb =
        VitrinaCli.capture("registry", "rollback", "recs", "shop", "--registry", reg);
    assertThat(rb.code()).as(rb.err()).isZero();
    assertThat(rb.out()).contains("production -> v1");
  }

  @Test
  void badInputExitsWithCode2AndAClearMessage() throws Exception {
    String reg = tmp.resolve("reg").toString();
    VitrinaCli.capture(
        "registry", "push", "recs", "shop", trained("a").toString(), "--registry", reg);
    VitrinaCli.Captured rb =
        VitrinaCli.capture("registry", "rollback", "recs", "shop", "--registry", reg);
    assertThat(rb.code()).isEqualTo(2);
    assertThat(rb.err()).contains("no earlier version").doesNotContain("\tat ");
    VitrinaCli.Captured pr =
        VitrinaCli.capture("registry", "promote", "recs", "shop", "v9", "--registry", reg);
    assertThat(pr.code()).isEqualTo(2);
    assertThat(pr.err()).contains("version 'v9' of recs/shop does not exist");
    VitrinaCli.Captured push =
        VitrinaCli.capture(
            "registry",
            "push",
            "recs",
            "shop",
            tmp.resolve("missing").toString(),
            "--registry",
            reg);
    assertThat(push.code()).isEqualTo(2);
    assertThat(push.err()).contains("missing");
    VitrinaCli.Captured noReg = VitrinaCli.capture("registry", "list");
    assertThat(noReg.code()).isEqualTo(2);
    assertThat(noReg.err()).contains("--registry");
  }
}
