-- State, Activity Profile and Agent Profile documents, stored as the bytes the client sent.
-- kind: 1 State, 2 Activity Profile, 3 Agent Profile.
-- activity_id, agent and registration are '' where the kind has no such part, so that the primary
-- key treats a missing part as one value (a NULL would make every row distinct).
-- agent: the agent's identifier as type|value, never its JSON text.
-- updated_millis: milliseconds since 1970-01-01T00:00:00Z.
-- The primary key also serves the id lists, whose filters are a prefix of it.
CREATE TABLE document (
    kind           smallint NOT NULL CHECK (kind IN (1, 2, 3)),
    activity_id    text     NOT NULL,
    agent          text     NOT NULL,
    registration   text     NOT NULL,
    document_id    text     NOT NULL,
    content        bytea    NOT NULL,
    content_type   text     NOT NULL,
    etag           text     NOT NULL,
    updated_millis bigint   NOT NULL,
    PRIMARY KEY (kind, activity_id, agent, registration, document_id)
);
