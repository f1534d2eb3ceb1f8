-- Uploads: the shared download link of a completed transfer, and how far each file of a transfer got.
-- Portable SQL: the same file runs on H2 and PostgreSQL.
ALTER TABLE transfer_ledger ADD COLUMN download_url VARCHAR(2000);

-- One row per file of a transfer being uploaded, written when its upload begins. A chunk is recorded as soon as
-- the upload URL accepted it, so a restarted run skips finished files and resumes a file at next_chunk.
-- chunk_size is kept because the chunk arithmetic of a resumed file must not change with the configuration.
CREATE TABLE transfer_upload_progress (
    ledger_id   BIGINT                   NOT NULL,
    file_index  INTEGER                  NOT NULL,
    path        VARCHAR(4000)            NOT NULL,
    file_name   VARCHAR(1000)            NOT NULL,
    size        BIGINT                   NOT NULL,
    chunk_size  BIGINT                   NOT NULL,
    chunks      INTEGER                  NOT NULL,
    next_chunk  INTEGER                  NOT NULL,
    done        BOOLEAN                  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_transfer_upload_progress PRIMARY KEY (ledger_id, file_index),
    CONSTRAINT uq_transfer_upload_progress_name UNIQUE (ledger_id, file_name),
    -- Removing a ledger row (a purge) removes its progress with it.
    CONSTRAINT fk_transfer_upload_progress_ledger FOREIGN KEY (ledger_id) REFERENCES transfer_ledger (id)
        ON DELETE CASCADE
);
