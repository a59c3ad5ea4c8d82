-- API keys for HTTP Basic authentication. Only a hash of each secret is stored.
-- scopes: the xAPI scope names separated by single spaces.
-- created_at and expires_at: milliseconds since 1970-01-01T00:00:00Z.
CREATE TABLE api_key (
    key_id      text     NOT NULL PRIMARY KEY,
    secret_hash text     NOT NULL,
    label       text     NOT NULL,
    scopes      text     NOT NULL,
    created_at  bigint   NOT NULL,
    expires_at  bigint,
    revoked     smallint NOT NULL CHECK (revoked IN (0, 1))
);

CREATE INDEX api_key_created_at ON api_key (created_at, key_id);
