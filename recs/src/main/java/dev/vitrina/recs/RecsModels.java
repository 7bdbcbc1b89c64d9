package dev.vitrina.recs;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.artifact.ArtifactManifest;
import dev.vitrina.core.artifact.Artifacts;
import dev.vitrina.core.artifact.InvalidArtifactException;
import dev.vitrina.recs.model.ModelFamily;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The model families on the class path, found with {@link ServiceLoader} ({@link ModelFamily}): the
 * built-in {@code popular}, {@code itemknn}, {@code ials} and {@code ease}, and any a module adds.
 * Trainers from string parameters, and loading of any saved model by its manifest's format.
 */
public final class RecsModels {

  private static final List<ModelFamily> FAMILIES = discover();

  /** The model names, in the order reports list them (by {@link ModelFamily#order()}). */
  public static final List<String> NAMES = FAMILIES.stream().map(ModelFamily::name).toList();

  private RecsModels() {}

  private static List<ModelFamily> discover() {
    List<ModelFamily> found = new ArrayList<>();
    ServiceLoader.load(ModelFamily.class, RecsModels.class.getClassLoader()).forEach(found::add);
    found.sort(Comparator.comparingInt(ModelFamily::order).thenComparing(ModelFamily::name));
    Map<String, ModelFamily> byName = new LinkedHashMap<>();
    Map<String, ModelFamily> byFormat = new LinkedHashMap<>();
    for (ModelFamily f : found) {
      ModelFamily a = byName.putIfAbsent(f.name(), f);
      ModelFamily b = byFormat.putIfAbsent(f.format(), f);
      if (a != null || b != null) {
        throw new IllegalStateException(
            "two model families claim the name '"
                + f.name()
                + "' or the format '"
                + f.format()
                + "': "
                + f.getClass().getName()
                + " and "
                + (a != null ? a : b).getClass().getName());
      }
    }
    return List.copyOf(found);
  }

  /** The registered families, in listing order. */
  public static List<ModelFamily> families() {
    return FAMILIES;
  }

  /**
   * A trainer for model {@code name} with string parameters ({@code factors=128}); missing
   * parameters take the config defaults.
   *
   * @throws IllegalArgumentException for an unknown model or parameter, naming the valid ones
   */
  public static Trainer<? extends Recommender> trainer(String name, Map<String, String> params) {
    for (ModelFamily f : FAMILIES) {
      if (f.name().equals(name)) {
        return f.trainer(params);
      }
    }
    if (name.equals(OPTIONAL_SASREC)) {
      throw new IllegalArgumentException(SASREC_MISSING);
    }
    throw new IllegalArgumentException(
        "unknown model '" + name + "'; choose one of " + String.join(", ", NAMES));
  }

  /** The one family that lives in its own module (PyTorch), and its artifact format. */
  private static final String OPTIONAL_SASREC = "sasrec";

  private static final String SASREC_MISSING =
      "the sasrec model lives in the sasrec module (PyTorch), which is not on the class path: the"
          + " ./vitrina launcher adds it when the command line names sasrec or once it is built"
          + " (./mvnw -pl sasrec -am package); in Java, depend on vitrina-sasrec";

  /**
   * Loads a model saved with {@link Recommender#save(Path)}, whatever its family: the current
   * version of a model home, or an artifact directory given directly.
   *
   * @throws InvalidArtifactException when the directory is not a vitrina recommender artifact or
   *     fails its checks (manifest, format, version, files, checksums)
   * @throws IOException when reading fails
   */
  public static Recommender load(Path path) throws IOException {
    Path dir = ArtifactHome.resolve(path);
    String format = Artifacts.readManifest(dir).format();
    for (ModelFamily f : FAMILIES) {
      if (f.format().equals(format)) {
        return f.load(dir);
      }
    }
    if (format.equals("vitrina.recs." + OPTIONAL_SASREC)) {
      throw new InvalidArtifactException(
          dir,
          dir.resolve(ArtifactManifest.FILE_NAME),
          dir + " is a SASRec model; " + SASREC_MISSING);
    }
    throw new InvalidArtifactException(
        dir,
        dir.resolve(ArtifactManifest.FILE_NAME),
        dir
            + " holds a '"
            + format
            + "' artifact, not a recommender model this vitrina reads ("
            + String.join(", ", FAMILIES.stream().map(ModelFamily::format).toList())
            + "); pass a directory written by 'vitrina recs train', or train one");
  }
}
