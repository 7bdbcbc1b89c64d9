package dev.vitrina.recs.popular;

import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.RecommenderContract;
import dev.vitrina.recs.model.Trainer;

class PopularContractTest extends RecommenderContract {
  @Override
  protected Trainer<? extends Recommender> trainer(long seed, int threads) {
    return new PopularTrainer(PopularConfig.defaults().withHalfLifeDays(30));
  }
}
