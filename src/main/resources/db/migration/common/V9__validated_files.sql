-- What the path rules found when a row's files were validated: the base directory (its real path) and, per file,
-- its real path, identity (device and inode, where the file system has one) and size, as JSON. The upload opens
-- exactly that file, confined to the base directory, and refuses it when it is no longer the file that was checked.
-- Rows recorded before this column existed have none, and their files are not uploaded.
-- Portable SQL: the same file runs on H2 and PostgreSQL.
ALTER TABLE transfer_ledger ADD COLUMN validated_files TEXT;
