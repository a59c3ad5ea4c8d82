-- One row per stored statement. The json column is the statement text exactly as it is returned;
-- every other column exists to enforce a rule or answer a query.
-- seq orders query results and is the paging cursor. AUTOINCREMENT keeps it growing even if the
-- newest row were ever deleted, so a cursor never sees a sequence number twice.
CREATE TABLE statement (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT    NOT NULL UNIQUE,
    stored_millis INTEGER NOT NULL,
    statement_ref TEXT,
    voiding       INTEGER NOT NULL CHECK (voiding IN (0, 1)),
    voided        INTEGER NOT NULL CHECK (voided IN (0, 1)),
    json          TEXT    NOT NULL
);

-- Finds the statements that refer to a statement: voiding statements waiting for their target,
-- and StatementRef statements that inherit the target's query keys.
CREATE INDEX statement_statement_ref ON statement (statement_ref) WHERE statement_ref IS NOT NULL;

-- Answers since and until when no key filter is given.
CREATE INDEX statement_stored ON statement (stored_millis);

-- Query keys of each statement, its own and those inherited through StatementRef objects.
-- kind: 1 agent, 2 related agent, 3 activity, 4 related activity, 5 verb, 6 registration.
-- The primary key serves every key filter in sequence order without a sort.
CREATE TABLE statement_key (
    kind      INTEGER NOT NULL,
    key_value TEXT    NOT NULL,
    seq       INTEGER NOT NULL REFERENCES statement (seq),
    PRIMARY KEY (kind, key_value, seq)
) WITHOUT ROWID;
