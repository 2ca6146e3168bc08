-- Roll-up changes not yet added into their rows. A consumer batch appends its deltas here instead of rewriting
-- the rows in place: every batch of a busy season touches the same province and country rows, and rewriting them
-- under row locks made the consumer members queue one behind the other (BENCHMARKS.md, freshness). A row's value
-- is its rollup row plus its pending deltas; readers add them up, and the compactor moves the deltas into the rows
-- in one transaction, many batches at a time. A delta's numbers may be negative (a revision, a withdrawal).
CREATE TABLE rollup_pending (
    region_code varchar(6)  NOT NULL,
    sector      varchar(32) NOT NULL,
    level       varchar(16) NOT NULL,
    year        integer     NOT NULL,
    reports     integer     NOT NULL,
    sums        numeric[]   NOT NULL,
    filled      integer[]   NOT NULL
);
CREATE INDEX rollup_pending_key_idx ON rollup_pending (region_code, sector, level, year);
