package org.lrs4j.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrs4j.persistence.jdbc.DatabaseSettings;
import org.lrs4j.persistence.jdbc.JdbcStore;

/**
 * Measures write and query speed of the real server over HTTP, next to the plain-JDBC limit of the
 * same database, and prints the results as Markdown tables.
 *
 * <pre>
 * java -cp lrs-bench/target/benchmarks.jar org.lrs4j.bench.load.LoadBenchmark [options]
 *   --quick             small sizes, about two minutes
 *   --statements N      statements stored before the query runs (default 1000000)
 *   --postgres URL      also run on PostgreSQL (default: env LRS_TEST_POSTGRES_URL)
 *   --only writes|queries
 *   --batches 1,10,100,1000   batch sizes of the HTTP write runs
 *   --limit N           page size of the query runs (default 100)
 *   --out FILE          also write the tables to FILE
 * </pre>
 */
public final class LoadBenchmark {

  private static final long SEED = 20_260_105L;
  private static final int[] BATCH_SIZES = {1, 10, 100, 1000};

  private final Options options;
  private final ObjectMapper mapper = new ObjectMapper();
  private final StringBuilder report = new StringBuilder();

  private LoadBenchmark(Options options) {
    this.options = options;
  }

  /** Runs the benchmark with the given command-line options. */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    new LoadBenchmark(options).run();
  }

  private void run() throws Exception {
    line(
        "Machine: %d cores, %d GB heap limit, Java %s, %s",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 30,
        System.getProperty("java.version"),
        options.quick ? "quick mode" : "default size");
    line("JVM options: %s", ManagementFactory.getRuntimeMXBean().getInputArguments());
    Path folder = Files.createTempDirectory("lrs-bench");
    try {
      for (DatabaseTarget target : DatabaseTarget.all(folder, options.postgresUrl).toList()) {
        line("");
        line("## %s", target.name());
        if (!options.only.equals("queries")) {
          writes(target);
        }
        if (!options.only.equals("writes")) {
          queries(target);
        }
      }
    } finally {
      deleteTree(folder);
    }
    if (options.out != null) {
      Files.writeString(options.out, report.toString());
    }
  }

  private void writes(DatabaseTarget target) throws Exception {
    warmUp(target);
    line("");
    line(
        "| Write run | Clients | Statements | Seconds | Statements/s | Request p50 ms"
            + " | p99 ms | Share of limit |");
    line("|---|---|---|---|---|---|---|---|");
    JdbcLimit.Result limit = limit(target);
    for (int batchSize : options.batchSizes) {
      int clients = batchSize == 1 ? 16 : 4;
      int count = options.writeCount(batchSize);
      HttpWriteRun.Result result = httpWrites(target, batchSize, clients, count);
      line(
          "| HTTP POST, batches of %d | %d | %d | %.1f | %,.0f | %.1f | %.1f | %.0f %% |",
          batchSize,
          clients,
          result.statements(),
          result.seconds(),
          result.perSecond(),
          result.latencies().percentileMillis(50),
          result.latencies().percentileMillis(99),
          100 * result.perSecond() / limit.perSecond());
    }
    line(
        "| Plain JDBC batches of 1000 (limit) | 1 | %d | %.1f | %,.0f | | | 100 %% |",
        limit.statements(), limit.seconds(), limit.perSecond());
  }

  private void warmUp(DatabaseTarget target) throws Exception {
    System.err.println(target.name() + ": warming up");
    httpWrites(target, 10, 4, options.quick ? 3_000 : 10_000);
  }

  private JdbcLimit.Result limit(DatabaseTarget target) throws Exception {
    int count = options.writeCount(1000);
    System.err.printf("%s: plain JDBC limit, %d statements%n", target.name(), count);
    List<JdbcLimit.Row> rows =
        JdbcLimit.rows(new StatementGenerator(mapper, SEED + 7), count, mapper, target);
    double averageBytes = rows.stream().mapToInt(row -> row.json().length()).average().orElse(0);
    System.err.printf("  stored statements average %.0f bytes of JSON%n", averageBytes);
    DatabaseSettings settings = target.fresh("limit");
    JdbcStore.migrate(settings);
    try (var connection = target.connect()) {
      return new JdbcLimit().run(connection, rows);
    }
  }

  private HttpWriteRun.Result httpWrites(
      DatabaseTarget target, int batchSize, int clients, int count) throws Exception {
    System.err.printf(
        "%s: HTTP writes, batches of %d, %d clients, %d statements%n",
        target.name(), batchSize, clients, count);
    List<byte[]> bodies =
        HttpWriteRun.bodies(new StatementGenerator(mapper, SEED + batchSize), count, batchSize);
    try (RunningLrs lrs = RunningLrs.start(target.fresh("writes-" + batchSize))) {
      return new HttpWriteRun().run(lrs.statements(), bodies, count, clients);
    }
  }

  private void queries(DatabaseTarget target) throws Exception {
    int count = options.statements;
    System.err.printf("%s: loading %d statements%n", target.name(), count);
    QueryRun run = new QueryRun();
    try (RunningLrs lrs = RunningLrs.start(target.fresh("queries"))) {
      double loadRate = run.load(lrs, SEED + 100, count);
      line("");
      line(
          "Loaded %,d statements through the statement service (no HTTP, 2 threads, batches"
              + " of 1000) at %,.0f statements/s.",
          count, loadRate);
      disk(target, count);

      System.err.printf("%s: queries%n", target.name());
      List<QueryRun.Result> results =
          run.queries(lrs, SEED + 200, options.queriesPerFilter(), 2, options.limit);
      line("");
      line(
          "| GET filter (limit=%d, 2 clients) | Queries | Rows per answer | p50 ms | p95 ms"
              + " | p99 ms |",
          options.limit);
      line("|---|---|---|---|---|---|");
      for (QueryRun.Result result : results) {
        Latencies l = result.latencies();
        line(
            "| %s | %d | %.0f | %.1f | %.1f | %.1f |",
            result.filter(),
            l.count(),
            result.averageRows(),
            l.percentileMillis(50),
            l.percentileMillis(95),
            l.percentileMillis(99));
      }
    }
  }

  private void disk(DatabaseTarget target, int count) throws Exception {
    Map<String, Long> bytes = target.bytesByObject();
    long total = bytes.values().stream().mapToLong(Long::longValue).sum();
    line("");
    line("| Table or index | Bytes | Bytes per statement |");
    line("|---|---|---|");
    for (Map.Entry<String, Long> entry : bytes.entrySet()) {
      if (entry.getValue() > 0) {
        line(
            "| %s | %,d | %.0f |",
            entry.getKey(), entry.getValue(), entry.getValue() / (double) count);
      }
    }
    line("| **total** | %,d | **%.0f** |", total, total / (double) count);
  }

  private void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    System.out.println(text);
    System.out.flush();
    report.append(text).append('\n');
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Command-line options. */
  private static final class Options {
    boolean quick;
    int statements = 1_000_000;
    String postgresUrl = System.getenv("LRS_TEST_POSTGRES_URL");
    String only = "all";
    Path out;
    int limit = 100;
    boolean statementsGiven;
    int[] batchSizes = BATCH_SIZES;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> options.quick = true;
          case "--statements" -> {
            options.statements = Integer.parseInt(args[++i]);
            options.statementsGiven = true;
          }
          case "--postgres" -> options.postgresUrl = args[++i];
          case "--only" -> options.only = args[++i];
          case "--out" -> options.out = Path.of(args[++i]);
          case "--limit" -> options.limit = Integer.parseInt(args[++i]);
          case "--batches" ->
              options.batchSizes =
                  java.util.Arrays.stream(args[++i].split(","))
                      .mapToInt(Integer::parseInt)
                      .toArray();
          default -> throw new IllegalArgumentException("unknown option: " + args[i]);
        }
      }
      if (options.quick && !options.statementsGiven) {
        options.statements = 100_000;
      }
      return options;
    }

    int writeCount(int batchSize) {
      if (batchSize == 1) {
        return quick ? 5_000 : 30_000;
      }
      return quick ? 20_000 : 100_000;
    }

    int queriesPerFilter() {
      return quick ? 200 : 1_000;
    }
  }
}
