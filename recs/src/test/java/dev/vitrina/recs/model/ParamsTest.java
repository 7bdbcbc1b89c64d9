package dev.vitrina.recs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.als.IalsConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void parsesAndValidatesModelParameters() {
    assertThat(Params.parse("factors=128, alpha=5"))
        .containsEntry("factors", "128")
        .containsEntry("alpha", "5");
    IalsConfig c = IalsConfig.fromParams(Params.parse("factors=128 alpha=5 solver=cholesky"));
    assertThat(c.factors()).isEqualTo(128);
    assertThat(c.solver()).isEqualTo(IalsConfig.Solver.CHOLESKY);
    assertThatThrownBy(() -> RecsModels.trainer("ials", Map.of("factor", "3")))
        .hasMessageContaining("unknown parameter 'factor' for model ials")
        .hasMessageContaining("factors");
    assertThatThrownBy(() -> RecsModels.trainer("ials", Map.of("factors", "x")))
        .hasMessageContaining("ials parameter factors must be an integer, got 'x'");
    assertThatThrownBy(() -> RecsModels.trainer("ials", Map.of("factors", "0")))
        .hasMessageContaining("ials factors must be in [1, 4096], got 0");
    assertThatThrownBy(() -> RecsModels.trainer("bpr", Map.of()))
        .hasMessageContaining("unknown model 'bpr'; choose one of popular, itemknn, ials, ease");
  }
}
