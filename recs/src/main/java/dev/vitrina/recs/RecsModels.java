package dev.vitrina.recs;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.artifact.ArtifactManifest;
import dev.vitrina.core.artifact.Artifacts;
import dev.vitrina.core.artifact.InvalidArtifactException;
import dev.vitrina.recs.als.IalsConfig;
import dev.vitrina.recs.als.IalsModel;
import dev.vitrina.recs.als.IalsTrainer;
import dev.vitrina.recs.ease.EaseConfig;
import dev.vitrina.recs.ease.EaseModel;
import dev.vitrina.recs.ease.EaseTrainer;
import dev.vitrina.recs.knn.ItemKnnConfig;
import dev.vitrina.recs.knn.ItemKnnModel;
import dev.vitrina.recs.knn.ItemKnnTrainer;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.Trainer;
import dev.vitrina.recs.popular.PopularConfig;
import dev.vitrina.recs.popular.PopularModel;
import dev.vitrina.recs.popular.PopularTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The model families by name ({@code popular}, {@code itemknn}, {@code ials}, {@code ease}):
 * trainers from string parameters, and loading of any saved model by its manifest's format.
 */
public final class RecsModels {

  /** The model names, in the order reports list them. */
  public static final List<String> NAMES = List.of("popular", "itemknn", "ials", "ease");

  private RecsModels() {}

  /**
   * A trainer for model {@code name} with string parameters ({@code factors=128}); missing
   * parameters take the config defaults.
   *
   * @throws IllegalArgumentException for an unknown model or parameter, naming the valid ones
   */
  public static Trainer<? extends Recommender> trainer(String name, Map<String, String> params) {
    return switch (name) {
      case "popular" -> new PopularTrainer(PopularConfig.fromParams(params));
      case "itemknn" -> new ItemKnnTrainer(ItemKnnConfig.fromParams(params));
      case "ials" -> new IalsTrainer(IalsConfig.fromParams(params));
      case "ease" -> new EaseTrainer(EaseConfig.fromParams(params));
      default ->
          throw new IllegalArgumentException(
              "unknown model '" + name + "'; choose one of " + String.join(", ", NAMES));
    };
  }

  /**
   * Loads a model saved with {@link Recommender#save(Path)}, whatever its family.
   *
   * @throws InvalidArtifactException when the directory is not a vitrina recommender artifact or
   *     fails its checks (manifest, format, version, files, checksums)
   * @throws IOException when reading fails
   */
  public static Recommender load(Path path) throws IOException {
    Path dir = ArtifactHome.resolve(path);
    String format = Artifacts.readManifest(dir).format();
    return switch (format) {
      case PopularModel.FORMAT -> PopularModel.load(dir);
      case ItemKnnModel.FORMAT -> ItemKnnModel.load(dir);
      case IalsModel.FORMAT -> IalsModel.load(dir);
      case EaseModel.FORMAT -> EaseModel.load(dir);
      default ->
          throw new InvalidArtifactException(
              dir,
              dir.resolve(ArtifactManifest.FILE_NAME),
              dir
                  + " holds a '"
                  + format
                  + "' artifact, not a recommender model this vitrina reads ("
                  + String.join(
                      ", ",
                      List.of(
                          PopularModel.FORMAT,
                          ItemKnnModel.FORMAT,
                          IalsModel.FORMAT,
                          EaseModel.FORMAT))
                  + "); pass a directory written by 'vitrina recs train', or train one");
    };
  }
}
