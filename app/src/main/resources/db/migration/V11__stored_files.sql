-- Resumes and attachments in the shared database: with several instances on one PostgreSQL and
-- no object store configured, a file uploaded through one instance is served by every other.
-- The name is the one the server generated at upload (attachments.storage_name).
CREATE TABLE stored_files (
    name        VARCHAR(80)              PRIMARY KEY,
    content     BYTEA                    NOT NULL,
    size        BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
