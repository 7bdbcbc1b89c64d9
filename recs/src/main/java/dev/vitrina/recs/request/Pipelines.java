package dev.vitrina.recs.request;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.data.AttributeColumn;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.TrainingData;
import dev.vitrina.recs.request.geo.EtaModel;
import dev.vitrina.recs.request.geo.GeoReranker;
import dev.vitrina.recs.request.geo.InferredPlaces;
import dev.vitrina.recs.request.geo.ItemLocations;
import dev.vitrina.recs.request.geo.NearbySource;
import dev.vitrina.recs.request.geo.RadiusFilter;
import dev.vitrina.recs.request.interest.InterestAllocator;
import dev.vitrina.recs.request.interest.InterestProfiler;
import dev.vitrina.recs.request.interest.InterestSource;
import dev.vitrina.recs.request.trigger.TriggerBlend;
import dev.vitrina.recs.request.trigger.TriggerSource;
import java.util.List;

/**
 * The standard request pipeline of a fitted model: the model as candidate source, then the stages
 * the model and its catalogue support. This is what {@code vitrina recs recommend}, the page
 * composer and the HTTP service call.
 */
public final class Pipelines {

  private Pipelines() {}

  /**
   * The standard pipeline for {@code model}: the model's own candidates, and
   *
   * <ul>
   *   <li>for a user with history and no trigger, when the catalogue has categories or the model
   *       has item vectors: the user's interests (categories of the catalogue, or clusters of the
   *       model's item vectors) as extra candidates, and the k slots allocated across them ({@link
   *       InterestAllocator}, default settings);
   *   <li>for a request with a trigger item: items like the trigger by the model's own similarity,
   *       blended with the user's profile by the intent score ({@link TriggerBlend#defaults()}: its
   *       intent mapping was fitted with item-kNN similarity on MovieLens 1M);
   *   <li>when its catalogue has item coordinates ({@value ItemLocations#LOCATION}): the users'
   *       places inferred from their histories ({@code home}, {@code office}, {@code centre}) for
   *       requests with a named context; for a request with a location, nearby items as extra
   *       candidates, the distance re-ranker with the fitted decay and ETAs, and the default
   *       delivery radius ({@value RadiusFilter#DEFAULT_RADIUS_KM} km).
   * </ul>
   */
  public static RequestPipeline standard(Recommender model) {
    RequestPipeline.Builder b = RequestPipeline.builder(model);
    ItemAttributes catalog =
        model
            .capability(TrainingData.class)
            .map(TrainingData::itemAttributes)
            .orElseGet(() -> ItemAttributes.none(model.items().size()));
    boolean interestBasis =
        catalog.hasCategories() || model.capability(ItemEmbeddings.class).isPresent();
    if (interestBasis && model.capability(TrainingData.class).isPresent()) {
      InterestProfiler interests = InterestProfiler.defaults();
      b.source(unlessTrigger(InterestSource.of(interests)))
          .reranker(unlessTrigger(InterestAllocator.of(interests)));
    }
    b.source(TriggerSource.fromModel()).reranker(TriggerBlend.defaults());
    boolean located =
        catalog
            .column(ItemLocations.LOCATION)
            .map(c -> c.kind() == AttributeColumn.Kind.GEO_POINT)
            .orElse(false);
    if (located) {
      ItemLocations locations = ItemLocations.of(catalog);
      b.places(InferredPlaces.of(model, locations, InferredPlaces.Config.DEFAULT))
          .source(NearbySource.of(model, locations, Places.none(), EtaModel.defaults(), 1))
          .reranker(GeoReranker.of(locations))
          .filter(RadiusFilter.of(locations, RadiusFilter.DEFAULT_RADIUS_KM));
    }
    return b.build();
  }

  /** {@code s}, skipped for requests with a trigger (a trigger feed follows the trigger). */
  static CandidateSource unlessTrigger(CandidateSource s) {
    return new CandidateSource() {
      @Override
      public String name() {
        return s.name();
      }

      @Override
      public boolean applies(RequestState state) {
        return !state.hasTrigger() && s.applies(state);
      }

      @Override
      public void prepare(RequestState state) {
        s.prepare(state);
      }

      @Override
      public List<Candidate> candidates(RequestState state, int n) {
        return s.candidates(state, n);
      }
    };
  }

  /** {@code r}, skipped for requests with a trigger. */
  static Reranker unlessTrigger(Reranker r) {
    return new Reranker() {
      @Override
      public String name() {
        return r.name();
      }

      @Override
      public boolean applies(RequestState state) {
        return !state.hasTrigger() && r.applies(state);
      }

      @Override
      public List<Candidate> rerank(RequestState state, List<Candidate> in, int k) {
        return r.rerank(state, in, k);
      }
    };
  }

  /**
   * A request location from user input.
   *
   * @throws ParameterException naming {@code lat} or {@code lon} when out of range
   */
  public static GeoPoint point(double lat, double lon) {
    if (!(lat >= -90 && lat <= 90)) {
      throw new ParameterException(
          "lat", "must be in [-90, 90] degrees, got " + lat + "; e.g. 1.3521 for Singapore");
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new ParameterException(
          "lon", "must be in [-180, 180] degrees, got " + lon + "; e.g. 103.8198 for Singapore");
    }
    return new GeoPoint(lat, lon);
  }
}
