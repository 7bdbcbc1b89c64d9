package dev.vitrina.recs.knn;

import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.RecommenderContract;
import dev.vitrina.recs.model.Trainer;

class ItemKnnContractTest extends RecommenderContract {
  @Override
  protected Trainer<? extends Recommender> trainer(long seed, int threads) {
    return new ItemKnnTrainer(
        ItemKnnConfig.defaults()
            .withNeighbors(30)
            .withWeighting(ItemKnnConfig.Weighting.BM25)
            .withThreads(threads));
  }
}
