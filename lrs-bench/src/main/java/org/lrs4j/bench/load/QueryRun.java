package org.lrs4j.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.lrs4j.core.statement.StatementService;
import org.lrs4j.core.statement.WriteContext;

/** Loads a large store through the LRS, then times GET queries of every filter over HTTP. */
final class QueryRun {

  /** Outcome of one filter: the percentiles of its response times. */
  record Result(String filter, Latencies latencies, double averageRows) {}

  private static final int LOAD_BATCH = 1000;

  /**
   * Time after which a filter's clients stop sending, so that one slow filter cannot stall a run.
   */
  private static final long FILTER_BUDGET_NANOS = 30_000_000_000L;

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper mapper = new ObjectMapper();
  private Instant loadStart;
  private Instant loadEnd;

  /**
   * Stores {@code count} generated statements through the statement service, without HTTP, from two
   * threads so that one validates while the other writes. Returns the statements per second.
   */
  double load(RunningLrs lrs, long seed, int count) throws Exception {
    StatementService service = lrs.lrs().statements();
    WriteContext context = RunningLrs.writeContext(mapper);
    AtomicInteger nextBatch = new AtomicInteger();
    int batches = (count + LOAD_BATCH - 1) / LOAD_BATCH;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    loadStart = Instant.now();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        long threadSeed = seed + t;
        futures.add(
            pool.submit(
                () -> {
                  StatementGenerator generator = new StatementGenerator(mapper, threadSeed);
                  for (int b = nextBatch.getAndIncrement();
                      b < batches;
                      b = nextBatch.getAndIncrement()) {
                    List<JsonNode> batch = new ArrayList<>(LOAD_BATCH);
                    for (int i = 0; i < LOAD_BATCH && b * LOAD_BATCH + i < count; i++) {
                      batch.add(generator.next());
                    }
                    service.store(batch, context);
                    progress(b, batches);
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    loadEnd = Instant.now();
    return count / ((loadEnd.toEpochMilli() - loadStart.toEpochMilli()) / 1000.0);
  }

  /**
   * Runs {@code perFilter} queries of each filter from {@code clients} concurrent clients, or as
   * many as fit in 30 seconds.
   */
  List<Result> queries(RunningLrs lrs, long seed, int perFilter, int clients, int limit)
      throws Exception {
    StatementGenerator draws = new StatementGenerator(mapper, seed);
    long from = loadStart.toEpochMilli();
    long span = Math.max(1, loadEnd.toEpochMilli() - from);
    Map<String, Function<StatementGenerator, String>> filters = new LinkedHashMap<>();
    filters.put("no filter", g -> "");
    filters.put("ascending", g -> "ascending=true");
    filters.put("agent", g -> param("agent", StatementGenerator.learnerFilter(g.sampleLearner())));
    filters.put(
        "agent, related_agents",
        g ->
            param("agent", StatementGenerator.instructorFilter(g.sampleInstructor()))
                + "&related_agents=true");
    filters.put(
        "activity",
        g ->
            param(
                "activity",
                StatementGenerator.lessonId(
                    g.sampleCourse(), g.nextInt(StatementGenerator.LESSONS_PER_COURSE))));
    filters.put(
        "activity, related_activities",
        g ->
            param("activity", StatementGenerator.courseId(g.sampleCourse()))
                + "&related_activities=true");
    filters.put(
        "registration",
        g ->
            param(
                "registration",
                StatementGenerator.registration(g.sampleRegistration()).toString()));
    filters.put("verb", g -> param("verb", StatementGenerator.verbId(g.sampleVerb())));
    filters.put(
        "since", g -> param("since", time(from + (long) (g.nextInt(1000) * span / 1000.0))));
    filters.put(
        "until", g -> param("until", time(from + (long) (g.nextInt(1000) * span / 1000.0))));

    List<Result> results = new ArrayList<>();
    for (Map.Entry<String, Function<StatementGenerator, String>> filter : filters.entrySet()) {
      List<URI> uris = new ArrayList<>();
      for (int i = 0; i < perFilter; i++) {
        String query = filter.getValue().apply(draws);
        String separator = query.isEmpty() ? "" : "&";
        uris.add(URI.create(lrs.statements() + "?limit=" + limit + separator + query));
      }
      results.add(run(filter.getKey(), uris, clients));
    }
    return results;
  }

  private Result run(String name, List<URI> uris, int clients) throws Exception {
    // A short warm-up per filter, so that the first queries do not measure class loading.
    for (int i = 0; i < Math.min(20, uris.size()); i++) {
      get(uris.get(i));
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long deadline = System.nanoTime() + FILTER_BUDGET_NANOS;
    Latencies all = new Latencies();
    long rows = 0;
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      List<Latencies> perClient = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Latencies latencies = new Latencies();
        perClient.add(latencies);
        futures.add(
            pool.submit(
                () -> {
                  long clientRows = 0;
                  for (int i = next.getAndIncrement();
                      i < uris.size() && System.nanoTime() < deadline;
                      i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    int count = get(uris.get(i));
                    latencies.add(System.nanoTime() - start);
                    clientRows += count;
                  }
                  return new long[] {clientRows};
                }));
      }
      for (int c = 0; c < clients; c++) {
        rows += futures.get(c).get()[0];
        all.addAll(perClient.get(c));
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(name, all, rows / (double) Math.max(1, all.count()));
  }

  /** Sends one query and returns the number of statements in the response. */
  private int get(URI uri) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", RunningLrs.authorization())
            .header("X-Experience-API-Version", "1.0.3")
            .GET()
            .build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + uri + " returned " + response.statusCode() + ": " + new String(response.body()));
    }
    return mapper.readTree(response.body()).path("statements").size();
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String time(long millis) {
    return StatementService.TIMESTAMP_FORMAT.format(Instant.ofEpochMilli(millis));
  }

  private static void progress(int batch, int batches) {
    int step = Math.max(1, batches / 10);
    if ((batch + 1) % step == 0) {
      System.err.printf("  loaded %d%%%n", (batch + 1) * 100 / batches);
    }
  }
}
