package org.lrs4j.persistence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Converts the statement text to the value of the {@code statement.json} column and back. Reading
 * returns exactly the text that was written, so the stored statement stays the source of truth.
 * Implementations are thread safe.
 */
interface StatementJsonCodec {

  /** Stores the text as it is. */
  StatementJsonCodec PLAIN =
      new StatementJsonCodec() {
        @Override
        public Object encode(String json) {
          return json;
        }

        @Override
        public String decode(ResultSet rows, int column) throws SQLException {
          return rows.getString(column);
        }
      };

  /** Returns the value to bind to the {@code json} column for the statement text. */
  Object encode(String json);

  /** Reads the statement text from the given column of the current row. */
  String decode(ResultSet rows, int column) throws SQLException;
}
