-- Idempotency-Key (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): the first answer to each caller's key,
-- written in the same transaction as the write it answers, so that a retried write is answered from here instead of
-- being stored again, even when the first answer was lost to a crash. Rows older than nianbao.idempotency.keep are
-- no longer answered from and are deleted.
CREATE TABLE idempotency_key (
    subject      varchar(255) NOT NULL,
    key          varchar(255) NOT NULL,
    fingerprint  bytea        NOT NULL,
    status       smallint     NOT NULL,
    headers      jsonb        NOT NULL,
    body         bytea,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
