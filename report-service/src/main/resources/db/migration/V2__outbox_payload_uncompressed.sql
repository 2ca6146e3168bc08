-- An outbox record lives from its submission until the relay has sent it and the pruning after
-- nianbao.outbox.keep-sent (7 days) has deleted it. Compressing its payload (pglz, about 11 KB of event JSON to
-- 2.3 KB) on insert and decompressing it again when the relay reads it cost PostgreSQL more CPU per submission than
-- the disk it saved is worth for a row that short-lived; Kafka compresses the events anyway (lz4).
-- EXTERNAL: stored out of line when large, never compressed. Applies to rows written from now on.
ALTER TABLE outbox_event ALTER COLUMN payload SET STORAGE EXTERNAL;
