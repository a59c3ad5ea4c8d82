package org.lrs4j.persistence.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrs4j.core.XapiVersion;
import org.lrs4j.core.document.DocumentKey;
import org.lrs4j.core.document.DocumentKind;
import org.lrs4j.core.document.DocumentScope;
import org.lrs4j.core.document.DocumentService;
import org.lrs4j.core.document.Preconditions;
import org.lrs4j.core.error.PreconditionFailedException;
import org.lrs4j.core.port.DocumentRepository;

/**
 * Two stores on one SQLite file, each with its own writer connection as two server processes would
 * have, racing with If-Match on one document: the database file lock decides, not memory.
 */
class SqliteTwoStoresDocumentRaceTest {

  private static final DocumentKey KEY =
      new DocumentKey(
          new DocumentScope(
              DocumentKind.ACTIVITY_PROFILE, "http://example.com/activities/a", null, null),
          "shared");

  @TempDir Path folder;

  private JdbcStore first;
  private JdbcStore second;

  @BeforeEach
  void openStores() {
    first = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
    second = JdbcStore.open(DatabaseSettings.sqlite(folder.resolve("lrs.db")));
  }

  @AfterEach
  void closeStores() {
    first.close();
    second.close();
  }

  @Test
  void ifMatchRaceAcrossStoresHasOneWinner() throws Exception {
    List<DocumentService> services =
        List.of(service(first.documents()), service(second.documents()));
    services
        .get(0)
        .put(KEY, "start".getBytes(UTF_8), "text/plain", Preconditions.NONE, XapiVersion.V2_0_0);
    int writers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(writers);

    try {
      for (int round = 0; round < 10; round++) {
        String etag = services.get(1).get(KEY).etag();
        Preconditions ifMatch = Preconditions.parse("\"" + etag + "\"", null);
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
          DocumentService service = services.get(writer % 2);
          byte[] content = ("round " + round + " writer " + writer).getBytes(UTF_8);
          outcomes.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                      service.put(KEY, content, "text/plain", ifMatch, XapiVersion.V2_0_0);
                      return true;
                    } catch (PreconditionFailedException e) {
                      return false;
                    }
                  }));
        }

        int winners = 0;
        for (Future<Boolean> outcome : outcomes) {
          winners += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).as("winners of round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static DocumentService service(DocumentRepository repository) {
    return new DocumentService(repository, Clock.systemUTC(), new ObjectMapper());
  }
}
