-- What the roll-ups have taken in: per topic partition the last offset applied to the live tables (written in the
-- batch's own transaction), and one row per rebuild that replaced them (partition -1 of topic 'rebuild'). Every
-- change of an answer commits a greater total, so the total, with the epoch of this database, names the state of
-- the answers: the queries' entity tags are made from it. Each partition's row is written only by the consumer member
-- that owns the partition, so batches do not queue on one counter row.
CREATE TABLE applied_watermark (
    topic            varchar(100) NOT NULL,
    kafka_partition  integer      NOT NULL,
    applied_offset   bigint       NOT NULL,
    PRIMARY KEY (topic, kafka_partition)
);
-- a database made again (restored, reset) starts a new epoch, so that its totals never repeat an old tag
CREATE TABLE watermark_epoch (
    epoch  text PRIMARY KEY
);
INSERT INTO watermark_epoch VALUES (md5(random()::text || clock_timestamp()::text));
