package dev.vitrina.sasrec;

import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.RecommenderContract;
import dev.vitrina.recs.model.Trainer;
import java.util.Map;

class SasRecContractTest extends RecommenderContract {
  @Override
  protected Trainer<? extends Recommender> trainer(long seed, int threads) {
    return new SasRecTrainer(
        SasRecConfig.fromParams(
            Map.of(
                "max_len",
                "32",
                "dim",
                "32",
                "blocks",
                "1",
                "epochs",
                "60",
                "batch",
                "16",
                "lr",
                "0.01",
                "dropout",
                "0.3",
                "seed",
                String.valueOf(seed))));
  }

  @Override
  protected boolean historyScoringIsExact() {
    return false;
  }

  @Override
  protected boolean batchScoresAreExact() {
    return false;
  }
}
