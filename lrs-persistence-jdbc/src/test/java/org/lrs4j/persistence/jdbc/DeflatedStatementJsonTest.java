package org.lrs4j.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compressed statement text comes back byte for byte, and plain text rows still read. */
class DeflatedStatementJsonTest {

  private static final String STATEMENT =
      "{\"id\":\"0f9a2c1e-7b4d-4c55-9a1e-3d2b1c0a9f8e\",\"actor\":{\"objectType\":\"Agent\","
          + "\"name\":\"Zoë Ærøskøbing 学习者\",\"mbox\":\"mailto:zoe@example.org\"},"
          + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
          + "\"object\":{\"id\":\"https://example.org/a\"},  \"result\":{\"response\":\"a\\u0000b\"}}";

  @TempDir Path folder;

  private final DeflatedStatementJson codec = new DeflatedStatementJson();

  @Test
  void compressedTextReadsBackExactly() throws Exception {
    Object stored = codec.encode(STATEMENT);

    assertThat(stored).isInstanceOf(byte[].class);
    assertThat(((byte[]) stored).length).isLessThan(STATEMENT.length());
    assertThat(roundTrip(stored)).isEqualTo(STATEMENT);
  }

  @Test
  void plainTextRowReadsAsIs() throws Exception {
    assertThat(roundTrip(STATEMENT)).isEqualTo(STATEMENT);
  }

  private String roundTrip(Object value) throws Exception {
    try (Connection connection =
        DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("codec.db"))) {
      connection.createStatement().execute("CREATE TABLE t (json TEXT NOT NULL)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
        insert.setObject(1, value);
        insert.executeUpdate();
      }
      try (ResultSet rows = connection.createStatement().executeQuery("SELECT json FROM t")) {
        rows.next();
        return codec.decode(rows, 1);
      }
    }
  }
}
