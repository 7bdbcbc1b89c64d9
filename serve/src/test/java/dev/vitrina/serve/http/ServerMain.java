package dev.vitrina.serve.http;

import dev.vitrina.serve.events.EventStore;
import dev.vitrina.serve.events.EventStores;
import dev.vitrina.serve.registry.Live;

/**
 * The server child of the HTTP crash test: serves {@link TinyModels#model} with the event log
 * {@code SPEC} on an ephemeral port of 127.0.0.1, prints {@code PORT n} once it listens, and serves
 * until killed. SIGTERM stops the server and then closes the event log.
 *
 * <p>Arguments: {@code SPEC} (e.g. {@code duckdb:FILE}).
 */
public final class ServerMain {

  private ServerMain() {}

  /** Starts the server and blocks. */
  public static void main(String[] args) throws Exception {
    EventStore store = EventStores.open(args[0]);
    VitrinaServer server =
        VitrinaServer.builder(Live.fixed(TinyModels.loaded(TinyModels.model(7), "v1")))
            .events(store)
            .port(0)
            .build()
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  try {
                    store.close();
                  } catch (Exception e) {
                    System.err.println("closing the event log failed: " + e);
                  }
                }));
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
