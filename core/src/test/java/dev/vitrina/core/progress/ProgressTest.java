package dev.vitrina.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void plainLinesNeverRepeatAndAnEarlyFinishShowsComplete() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    // tests run without a console, so this is the plain-lines mode
    try (Progress p = Progress.console("task", 400, out)) {
      p.step(76);
      p.message("stopped early");
      p.done();
    }
    List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).isNotEmpty();
    for (int i = 1; i < lines.size(); i++) {
      assertThat(lines.get(i))
          .as("line %d repeats the previous one", i)
          .isNotEqualTo(lines.get(i - 1));
    }
    String last = lines.get(lines.size() - 1);
    assertThat(last).contains("100%").contains("76/76").contains(" stopped early");
  }
}
