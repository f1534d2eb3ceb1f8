-- Which master key encrypts the ledger's stored keys, so that a start with another key (a master.key deleted and
-- made anew, a wrong FILEMAIL_BATCH_SECRET) is refused instead of encrypting new rows beside rows it cannot read.
-- One row (id 1), written at the first start after this migration and replaced by rotate-key.
-- Portable SQL: the same file runs on H2 and PostgreSQL.
CREATE TABLE master_key_check (
    id             INTEGER                  NOT NULL,
    -- The key's id, as in every value it encrypts (v1.<key id>.<...>): for messages.
    key_id         VARCHAR(8)               NOT NULL,
    -- HMAC-SHA256 of a known constant under the key, hex: tells whether a key is this one, reveals nothing of it.
    check_value    VARCHAR(64)              NOT NULL,
    -- 'file' (master.key) or 'secret' (FILEMAIL_BATCH_SECRET).
    key_source     VARCHAR(10)              NOT NULL,
    -- For 'secret', how the key is derived from it: 'pbkdf2-hmac-sha256' with this salt and iteration count, or
    -- 'sha256' (the bare digest of earlier versions, kept readable until rotate-key).
    kdf            VARCHAR(30),
    kdf_salt       VARCHAR(100),
    kdf_iterations INTEGER,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_master_key_check PRIMARY KEY (id),
    CONSTRAINT ck_master_key_check_one_row CHECK (id = 1)
);

-- A transfer that is final needs its key no more: shred the keys (and any stored request) of the rows already
-- final, as the ledger now does when a row becomes final, so that a stolen database holds only live transfers' keys.
UPDATE transfer_ledger SET transfer_key_enc = NULL, request_enc = NULL
    WHERE status IN ('COMPLETED', 'CANCELLED', 'EXPIRED')
      AND (transfer_key_enc IS NOT NULL OR request_enc IS NOT NULL);
