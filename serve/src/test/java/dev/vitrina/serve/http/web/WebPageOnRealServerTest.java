package dev.vitrina.serve.http.web;

import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.serve.http.TinyModels;
import dev.vitrina.serve.http.VitrinaServer;
import dev.vitrina.serve.registry.Live;
import dev.vitrina.serve.registry.Loaded;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The browser contract against the real {@link VitrinaServer}: a tiny item-kNN model with titles
 * and genres, in an experiment whose variants serve two such models, so the page shows real
 * carousels, reasons, trigger feeds and the variant badge. Writes {@code
 * target/serving-page-real.png}.
 */
class WebPageOnRealServerTest extends WebPageBrowserContract {

  private static final Recommender MODEL = TinyModels.model(7);
  private final Experiment experiment = TinyModels.experiment();
  private VitrinaServer server;

  @BeforeEach
  void startServer() {
    Loaded<Recommender> control = TinyModels.loaded(MODEL, "v1");
    server =
        VitrinaServer.builder(Live.fixed(control))
            .experiment(
                new VitrinaServer.ExperimentSetup(
                    experiment,
                    Map.of(
                        "control",
                        Live.fixed(control),
                        "treatment",
                        Live.fixed(TinyModels.loaded(TinyModels.model(11), "v2")))))
            .build()
            .start();
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  URI base() {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  /** The page picks the first user of {@code /v1/users}: the model's first user. */
  @Override
  String expectedVariant() {
    return experiment.assign(MODEL.users().id(0)).variant();
  }

  @Override
  String screenshot() {
    return "serving-page-real.png";
  }
}
