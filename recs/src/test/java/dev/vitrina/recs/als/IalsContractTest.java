package dev.vitrina.recs.als;

import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.RecommenderContract;
import dev.vitrina.recs.model.Trainer;

class IalsContractTest extends RecommenderContract {
  @Override
  protected Trainer<? extends Recommender> trainer(long seed, int threads) {
    return new IalsTrainer(
        IalsConfig.defaults()
            .withFactors(16)
            .withAlpha(10)
            .withRegularization(1)
            .withIterations(8)
            .withSeed(seed)
            .withThreads(threads));
  }

  @Override
  protected boolean historyScoringIsExact() {
    return false;
  }
}
