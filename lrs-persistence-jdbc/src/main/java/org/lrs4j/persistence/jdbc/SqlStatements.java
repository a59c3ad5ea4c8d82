package org.lrs4j.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepared statements of one transaction, each prepared once and reused for every batch the
 * transaction writes. Not thread safe; close it before the connection goes back to the pool.
 */
final class SqlStatements implements AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  SqlStatements(Connection connection) {
    this.connection = connection;
  }

  /** Returns the prepared statement for the SQL text, preparing it on first use. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      prepared.put(sql, statement);
    }
    return statement;
  }

  /** Runs one SQL command without parameters, such as {@code SAVEPOINT}. */
  void execute(String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Returns {@code count} parameter markers separated by commas, for an {@code IN} list. */
  static String markers(int count) {
    return "?" + ", ?".repeat(count - 1);
  }

  /** Binds the values to the parameters from {@code first} on, in order. */
  static void bindAll(PreparedStatement statement, int first, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(first + i, values.get(i));
    }
  }

  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    prepared.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
