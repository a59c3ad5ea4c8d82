-- Attachment content, stored once per hash however many statements declare it.
-- sha2: the SHA-2 hash of the content in lowercase hex (SHA-224, SHA-256, SHA-384 or SHA-512).
-- content_type: the contentType of the attachment that first brought the content.
-- length: the number of octets in content.
CREATE TABLE attachment (
    sha2         TEXT   NOT NULL PRIMARY KEY,
    content_type TEXT   NOT NULL,
    length       BIGINT NOT NULL CHECK (length >= 0),
    content      BYTEA  NOT NULL
);
