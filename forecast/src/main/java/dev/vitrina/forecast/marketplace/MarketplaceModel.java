package dev.vitrina.forecast.marketplace;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.artifact.ArtifactManifest;
import dev.vitrina.core.artifact.Artifacts;
import dev.vitrina.core.check.Checks;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.forecast.disagg.ShareMethod;
import dev.vitrina.forecast.gbm.GbmConfig;
import dev.vitrina.forecast.gbm.GbmModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted marketplace forecaster, made by {@link MarketplaceTrainer#fit}: immutable, it forecasts
 * store x item x day demand from a {@link MarketplaceHistory} and an origin, reading only the sales
 * before that origin, any number of times and from any thread (the LightGBM models are
 * thread-safe). Forecasting from the origin it was trained for gives exactly the forecast of the
 * training pass ({@link MarketplaceTrainer#fitAndForecast}).
 *
 * <p>Saved as an artifact (format {@value #FORMAT}): the {@link MarketplaceSpec} in the manifest's
 * parameters and one LightGBM artifact per direct group in {@code gbm-0/}, {@code gbm-1/}, ... A
 * baseline's model has no LightGBM artifact. It holds native boosters: {@link #close()} it when
 * done.
 *
 * @param spec what the model forecasts
 * @param originDay the origin it was trained for (the first day after the training data)
 * @param models for {@code lgbm}, one LightGBM model per direct group; empty for a baseline
 */
public record MarketplaceModel(MarketplaceSpec spec, int originDay, List<GbmModel> models)
    implements AutoCloseable {

  /**
   * Checks that the models match the spec.
   *
   * @throws IllegalArgumentException when an {@code lgbm} spec does not get one model per direct
   *     group, or a baseline gets any
   */
  public MarketplaceModel {
    Objects.requireNonNull(spec, "spec");
    models = List.copyOf(models);
    int want = spec.model().equals("lgbm") ? spec.directGroups().size() : 0;
    Checks.require(
        models.size() == want,
        "a "
            + spec.model()
            + " model with direct groups "
            + spec.directGroups()
            + " needs "
            + want
            + " LightGBM model(s), got "
            + models.size()
            + "; train it with MarketplaceTrainer");
  }

  /**
   * Forecasts {@code spec().horizonDays()} days from {@code originDay} for every bottom series of
   * {@code history}, using only its sales before {@code originDay}.
   *
   * @throws dev.vitrina.core.check.ParameterException naming {@code origin} when it is after the
   *     day following the data, leaves less than 28 days of history, or is not a Monday for a
   *     weekly model
   */
  public MarketplaceForecast forecast(
      MarketplaceHistory history, int originDay, Progress progress) {
    return ForecastPass.run(history, spec, originDay, models, true, progress).forecast();
  }

  /** As {@link #forecast(MarketplaceHistory, int, Progress)}, silently. */
  public MarketplaceForecast forecast(MarketplaceHistory history, int originDay) {
    return forecast(history, originDay, Progress.silent());
  }

  /** The artifact format name. */
  public static final String FORMAT = "vitrina.forecast.marketplace";

  /**
   * Saves the model as a new version of the model home {@code dir} (see {@link ArtifactHome}): a
   * complete, immutable version directory, then an atomic switch of the home's pointer. Earlier
   * versions stay readable; a reader never finds the model half-written.
   */
  public ArtifactHome.Published save(Path dir) throws IOException {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("level", spec.level().toString());
    p.put("freq", spec.freq().name());
    p.put("horizon_days", spec.horizonDays());
    p.put("model", spec.model());
    p.put("direct_groups", spec.directGroups());
    p.put("train_days", spec.trainDays());
    p.put("valid_days", spec.validDays());
    p.put("shares", spec.shares().name());
    p.put("share_window_days", spec.shareWindowDays());
    p.put("profile_window_days", spec.profileWindowDays());
    p.put("recursive", spec.recursive());
    p.put("origin_day", originDay);
    p.put("gbm", spec.gbm().toMap());
    StringBuilder fp = new StringBuilder();
    for (GbmModel m : models) {
      fp.append(m.fingerprint(), 0, 16);
    }
    return ArtifactHome.publish(
        dir,
        FORMAT,
        1,
        p,
        fp.toString(),
        tmp -> {
          for (int g = 0; g < models.size(); g++) {
            models.get(g).save(tmp.resolve("gbm-" + g));
          }
        });
  }

  /**
   * Loads and verifies the current version of a model home written by {@link #save} (or one version
   * directory of it).
   */
  @SuppressWarnings("unchecked")
  public static MarketplaceModel load(Path path) throws IOException {
    Path dir = ArtifactHome.resolve(path);
    ArtifactManifest m = Artifacts.load(dir, FORMAT, 1);
    Map<String, Object> p = m.parameters();
    List<Integer> groups = new ArrayList<>();
    for (Object o : (List<Object>) p.get("direct_groups")) {
      groups.add(((Number) o).intValue());
    }
    String model = (String) p.get("model");
    List<GbmModel> models = new ArrayList<>();
    for (int g = 0; model.equals("lgbm") && g < groups.size(); g++) {
      models.add(GbmModel.load(dir.resolve("gbm-" + g)));
    }
    MarketplaceSpec spec =
        new MarketplaceSpec(
            Level.parse((String) p.get("level")),
            Freq.valueOf(((String) p.get("freq")).toUpperCase(Locale.ROOT)),
            ((Number) p.get("horizon_days")).intValue(),
            model,
            models.isEmpty()
                ? GbmConfig.fromMap((Map<String, Object>) p.get("gbm"))
                : models.get(0).config(),
            groups,
            ((Number) p.get("train_days")).intValue(),
            ((Number) p.get("valid_days")).intValue(),
            ShareMethod.valueOf((String) p.get("shares")),
            ((Number) p.get("share_window_days")).intValue(),
            ((Number) p.get("profile_window_days")).intValue(),
            Boolean.TRUE.equals(p.get("recursive")));
    return new MarketplaceModel(spec, ((Number) p.get("origin_day")).intValue(), models);
  }

  @Override
  public void close() {
    models.forEach(GbmModel::close);
  }
}
