package dev.vitrina.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.json.Json;
import dev.vitrina.serve.events.ChildJvm;
import dev.vitrina.serve.events.EventStores;
import dev.vitrina.serve.events.KillNine;
import dev.vitrina.serve.events.SqlEventStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the HTTP server mid-stream: a client posts batches to {@code POST /v1/events} of a
 * server child ({@link ServerMain}) on a DuckDB log, the child is killed after some batches were
 * acknowledged (202), a second child on the same file gets the batch that was in flight re-sent
 * (same ids), the last acknowledged one again, and more; then the log must hold every acknowledged
 * event exactly once and nothing that was not sent.
 */
class HttpKillNineTest {

  private static final int BATCH = 10;
  private static final int KILL_AFTER_BATCHES = 30;
  private static final int MORE_BATCHES = 5;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedEventSurvivesSigkillExactlyOnce() throws Exception {
    String spec = "duckdb:" + dir.resolve("events.duckdb");
    List<Integer> acked = new CopyOnWriteArrayList<>();
    List<String> unexpected = new CopyOnWriteArrayList<>();
    AtomicInteger inFlight = new AtomicInteger(-1);
    try (ChildJvm first = ChildJvm.start(ServerMain.class, spec)) {
      Client client = new Client(port(first));
      Thread sender =
          new Thread(
              () -> {
                for (int b = 0; ; b++) {
                  inFlight.set(b);
                  HttpResponse<String> r;
                  try {
                    r = client.post(batch(b));
                  } catch (IOException e) {
                    return;
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  if (r.statusCode() == 202) {
                    acked.add(b);
                  } else {
                    unexpected.add("batch " + b + ": " + r.statusCode() + " " + r.body());
                    return;
                  }
                }
              },
              "event-sender");
      sender.start();
      while (acked.size() < KILL_AFTER_BATCHES && sender.isAlive()) {
        Thread.sleep(1);
      }
      first.kill();
      sender.join(TimeUnit.SECONDS.toMillis(ChildJvm.GUARD.toSeconds()));
      assertThat(sender.isAlive()).as("the client noticed the kill").isFalse();
    }
    assertThat(unexpected).isEmpty();
    int lost = inFlight.get();
    assertThat(acked)
        .as("the client sends one batch at a time: all before the failed one were acknowledged")
        .isEqualTo(IntStream.range(0, lost).boxed().toList());
    assertThat(lost).isGreaterThanOrEqualTo(KILL_AFTER_BATCHES);

    List<String> ackedIds = new ArrayList<>();
    int end = lost + 1 + MORE_BATCHES;
    try (ChildJvm second = ChildJvm.start(ServerMain.class, spec)) {
      Client client = new Client(port(second));
      JsonNode again = client.accepted(batch(lost - 1));
      assertThat(again.path("written").asInt()).isZero();
      assertThat(again.path("duplicates").asInt()).isEqualTo(BATCH);
      JsonNode retried = client.accepted(batch(lost));
      int written = retried.path("written").asInt();
      assertThat(written)
          .as("the batch in flight at the kill was committed whole or not at all")
          .isIn(0, BATCH);
      assertThat(written + retried.path("duplicates").asInt()).isEqualTo(BATCH);
      for (int b = lost + 1; b < end; b++) {
        assertThat(client.accepted(batch(b)).path("written").asInt()).isEqualTo(BATCH);
      }
      System.out.printf(
          "http kill -9: %d events acknowledged before SIGKILL, batch %d in flight"
              + " (%s before the kill), %d more batches after the restart%n",
          lost * BATCH, lost, written == 0 ? "committed" : "not committed", MORE_BATCHES);
      assertThat(second.terminate())
          .as("exit on SIGTERM; stderr:\n%s", second.stderr())
          .isIn(0, 143);
    }
    for (int b = 0; b < end; b++) {
      ackedIds.addAll(ids(b));
    }
    List<String> logIds;
    try (SqlEventStore store = EventStores.open(spec)) {
      logIds = store.ids();
    }
    KillNine.assertExactlyOnce(logIds, ackedIds);
    assertThat(new HashSet<>(logIds))
        .as("the log holds exactly the events sent")
        .isEqualTo(Set.copyOf(ackedIds));
  }

  private static int port(ChildJvm child) throws InterruptedException {
    return Integer.parseInt(child.awaitLine(l -> l.startsWith("PORT ")).substring(5));
  }

  private static List<String> ids(int batch) {
    return IntStream.range(batch * BATCH, (batch + 1) * BATCH)
        .mapToObj(i -> "h-" + i)
        .collect(Collectors.toList());
  }

  private static String batch(int b) {
    StringBuilder s = new StringBuilder("{\"events\":[");
    List<String> ids = ids(b);
    for (int j = 0; j < ids.size(); j++) {
      int n = b * BATCH + j;
      s.append(j == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(ids.get(j))
          .append("\",\"type\":\"click\",\"user\":\"u")
          .append(n % 60)
          .append("\",\"item\":\"i")
          .append(n % 40)
          .append("\",\"time\":\"2026-05-01T12:00:00Z\"}");
    }
    return s.append("]}").toString();
  }

  /** A client of one server child. */
  private static final class Client {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI events;

    Client(int port) {
      this.events = URI.create("http://127.0.0.1:" + port + "/v1/events");
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(events)
              .timeout(ChildJvm.GUARD)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    JsonNode accepted(String body) throws Exception {
      HttpResponse<String> r = post(body);
      assertThat(r.statusCode()).as("answer %s", r.body()).isEqualTo(202);
      return Json.mapper().readTree(r.body());
    }
  }
}
