package org.lrs4j.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs pre-made statement batches to the Statement resource from concurrent clients, each sending
 * its next request as soon as the previous one is answered.
 */
final class HttpWriteRun {

  /** Outcome of one run. */
  record Result(int statements, double seconds, Latencies latencies) {
    double perSecond() {
      return statements / seconds;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Returns request bodies holding {@code count} statements in batches of {@code batchSize}. */
  static List<byte[]> bodies(StatementGenerator generator, int count, int batchSize) {
    ObjectMapper mapper = new ObjectMapper();
    List<byte[]> bodies = new ArrayList<>();
    try {
      for (int sent = 0; sent < count; sent += batchSize) {
        if (batchSize == 1) {
          bodies.add(mapper.writeValueAsBytes(generator.next()));
          continue;
        }
        ArrayNode batch = mapper.createArrayNode();
        for (int i = 0; i < batchSize && sent + i < count; i++) {
          batch.add(generator.next());
        }
        bodies.add(mapper.writeValueAsBytes(batch));
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a generated statement could not be serialized", e);
    }
    return bodies;
  }

  /** Sends every body once from {@code clients} threads and waits for the last response. */
  Result run(URI statements, List<byte[]> bodies, int statementCount, int clients)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long start = System.nanoTime();
      List<Future<Latencies>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(pool.submit(() -> sendAll(statements, bodies, next)));
      }
      Latencies all = new Latencies();
      for (Future<Latencies> future : futures) {
        all.addAll(future.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(statementCount, seconds, all);
    } finally {
      pool.shutdownNow();
    }
  }

  private Latencies sendAll(URI statements, List<byte[]> bodies, AtomicInteger next)
      throws Exception {
    Latencies latencies = new Latencies();
    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
      HttpRequest request =
          HttpRequest.newBuilder(statements)
              .header("Authorization", RunningLrs.authorization())
              .header("X-Experience-API-Version", "1.0.3")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
              .build();
      long start = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      latencies.add(System.nanoTime() - start);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "POST returned " + response.statusCode() + ": " + response.body());
      }
    }
    return latencies;
  }
}
