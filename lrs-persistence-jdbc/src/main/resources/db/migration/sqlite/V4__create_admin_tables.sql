-- Admin accounts, the audit log, and the shared state of admin sessions.
-- Times are milliseconds since 1970-01-01T00:00:00Z.

-- The admin account that made an API key; NULL for keys made by the CLI or at start.
ALTER TABLE api_key ADD COLUMN owner TEXT;

-- Only a hash of each password is stored (Argon2id, PHC string format).
CREATE TABLE admin_account (
    username      TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT    NOT NULL,
    address TEXT    NOT NULL
);

-- Session token ids revoked by logout, kept until the token would have expired anyway.
CREATE TABLE revoked_session (
    token_id   TEXT    NOT NULL PRIMARY KEY,
    expires_at INTEGER NOT NULL
);

CREATE INDEX revoked_session_expires_at ON revoked_session (expires_at);

-- Failed logins, per subject: 'user:<name>' or 'ip:<address>'.
CREATE TABLE failed_login (
    subject TEXT    NOT NULL,
    at      INTEGER NOT NULL
);

CREATE INDEX failed_login_subject_at ON failed_login (subject, at);

-- Secrets that the server generates once and every server instance shares, such as the key that
-- signs admin session tokens.
CREATE TABLE server_secret (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
