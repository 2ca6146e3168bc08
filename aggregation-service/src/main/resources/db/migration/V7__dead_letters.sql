-- Events the consumer could not apply: an unreadable payload, or a value the database refuses. Each is set aside here
-- with its coordinates and the error, and the consumer goes on with the rest of its partition instead of retrying it
-- forever. The key is the record's place on its topic, so setting the same record aside again (a replay, a rebuild)
-- keeps one row. Listed by GET /api/v1/admin/dead-letters; counted in the readiness data.
CREATE TABLE dead_letter (
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    record_offset   bigint      NOT NULL,
    record_key      text,
    payload         bytea,
    error           text        NOT NULL,
    set_aside_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition, record_offset)
);
