package org.lrs4j.persistence.jdbc;

/**
 * Gives the load benchmark the exact column values the SQLite repository writes, so that its
 * plain-JDBC limit inserts the same bytes. It lives in the adapter's package because the codec is
 * not public API.
 */
public final class StoredForms {

  private static final StatementJsonCodec SQLITE_JSON = new SqliteDialect().statementJson();

  private StoredForms() {}

  /** Returns the value the SQLite repository binds to the {@code json} column. */
  public static Object sqliteJson(String json) {
    return SQLITE_JSON.encode(json);
  }
}
