package org.lrs4j.persistence.jdbc;

/** Kind of a query key in the {@code statement_key} table, stored as its code. */
enum KeyKind {
  AGENT(1),
  RELATED_AGENT(2),
  ACTIVITY(3),
  RELATED_ACTIVITY(4),
  VERB(5),
  REGISTRATION(6);

  private final int code;

  KeyKind(int code) {
    this.code = code;
  }

  /** Returns the value of the {@code kind} column. */
  int code() {
    return code;
  }
}
