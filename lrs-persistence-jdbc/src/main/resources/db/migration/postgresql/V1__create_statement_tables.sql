-- One row per stored statement. The json column is the statement text exactly as it is returned;
-- every other column exists to enforce a rule or answer a query.
-- seq orders query results and is the paging cursor. It comes from statement_seq, which must keep
-- CACHE 1: the commit-order watermark reads the sequence's last value as an upper bound of every
-- value handed out, and a session-level cache would hand out values below it later.
CREATE SEQUENCE statement_seq AS bigint CACHE 1;

CREATE TABLE statement (
    seq           bigint   NOT NULL DEFAULT nextval('statement_seq') PRIMARY KEY,
    id            uuid     NOT NULL UNIQUE,
    stored_millis bigint   NOT NULL,
    statement_ref uuid,
    voiding       smallint NOT NULL CHECK (voiding IN (0, 1)),
    voided        smallint NOT NULL CHECK (voided IN (0, 1)),
    json          text     NOT NULL
);

ALTER SEQUENCE statement_seq OWNED BY statement.seq;

-- Finds the statements that refer to a statement: voiding statements waiting for their target,
-- and StatementRef statements that inherit the target's query keys.
CREATE INDEX statement_statement_ref ON statement (statement_ref) WHERE statement_ref IS NOT NULL;

-- Answers since and until when no key filter is given.
CREATE INDEX statement_stored ON statement (stored_millis);

-- Query keys of each statement, its own and those inherited through StatementRef objects.
-- kind: 1 agent, 2 related agent, 3 activity, 4 related activity, 5 verb, 6 registration.
-- The primary key serves every key filter in sequence order without a sort.
CREATE TABLE statement_key (
    kind      smallint NOT NULL,
    key_value text     NOT NULL,
    seq       bigint   NOT NULL REFERENCES statement (seq),
    PRIMARY KEY (kind, key_value, seq)
);
