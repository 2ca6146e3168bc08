-- Sending no longer updates the outbox row: the relay deletes it and logs the send in outbox_sent, a table that only
-- the relay writes. Marking a row sent (UPDATE ... SET sent_at) wrote a new version of it, and under load that
-- statement spent most of its time waiting for the table's extension lock (Lock:extend in pg_stat_activity) against
-- the submissions, which extend outbox_event with every insert: 45-80 % of the single relay thread's time at 400
-- submissions/s, and the p99 of freshness past 1 s (BENCHMARKS.md, section 2, session 14). A delete writes no new row
-- version. outbox_event now holds exactly the unsent events, in id order on its primary key, so the partial index on
-- the unsent ones goes. The log keeps what outbox_event kept of a sent row but its payload (the event is in Kafka)
-- until nianbao.outbox.keep-sent.
CREATE TABLE outbox_sent (
    id          bigint       PRIMARY KEY,
    topic       varchar(100) NOT NULL,
    record_key  varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL,
    sent_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX outbox_sent_at_idx ON outbox_sent (sent_at);

INSERT INTO outbox_sent (id, topic, record_key, created_at, sent_at)
    SELECT id, topic, record_key, created_at, sent_at FROM outbox_event WHERE sent_at IS NOT NULL;
DELETE FROM outbox_event WHERE sent_at IS NOT NULL;
DROP INDEX outbox_unsent_idx;
ALTER TABLE outbox_event DROP COLUMN sent_at;
