package dev.vitrina.recs.ease;

import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.RecommenderContract;
import dev.vitrina.recs.model.Trainer;

class EaseContractTest extends RecommenderContract {
  @Override
  protected Trainer<? extends Recommender> trainer(long seed, int threads) {
    return new EaseTrainer(EaseConfig.defaults().withLambda(50).withThreads(threads));
  }
}
