-- Every value a row may hold, within the rules of docs/csv-format.md, fits its column, on H2 and PostgreSQL alike.
-- Portable SQL: the same file runs on H2 and PostgreSQL.
--
-- H2 counts a VARCHAR's length in UTF-16 units, PostgreSQL in characters: a limit of 200 characters needs
-- VARCHAR(400) on H2 when every character is outside the Basic Multilingual Plane (an emoji is two units).
ALTER TABLE transfer_ledger ALTER COLUMN reference SET DATA TYPE VARCHAR(400);
ALTER TABLE transfer_ledger ALTER COLUMN subject SET DATA TYPE VARCHAR(400);
ALTER TABLE run_journal ALTER COLUMN reference SET DATA TYPE VARCHAR(400);

-- No limit is stated on how many recipients or files a row names, nor on a password or a path's length: these
-- columns hold any length (TEXT on both databases).
ALTER TABLE transfer_ledger ALTER COLUMN recipients SET DATA TYPE TEXT;
ALTER TABLE transfer_ledger ALTER COLUMN files SET DATA TYPE TEXT;
ALTER TABLE transfer_ledger ALTER COLUMN request_enc SET DATA TYPE TEXT;
ALTER TABLE transfer_ledger ALTER COLUMN source_file SET DATA TYPE TEXT;
ALTER TABLE transfer_upload_progress ALTER COLUMN path SET DATA TYPE TEXT;
-- The input file's path is a job parameter.
ALTER TABLE BATCH_JOB_EXECUTION_PARAMS ALTER COLUMN PARAMETER_VALUE SET DATA TYPE TEXT;

-- A digest of what a row asks for (its request without the password, and its files), so that a second row of the
-- same input with the same reference is told apart: the same content is a harmless duplicate, other content a
-- conflict (see LedgerRepository).
ALTER TABLE transfer_ledger ADD COLUMN content_sha256 VARCHAR(64);
