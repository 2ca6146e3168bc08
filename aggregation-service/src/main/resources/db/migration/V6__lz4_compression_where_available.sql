-- Roll-up rows and report states hold arrays of up to 254 numbers, 1–3 KB, which PostgreSQL compresses as it
-- stores them. With its default method, pglz, compressing was half the cost of writing a roll-up row: COPYing
-- 100,000 such rows took 4.7 s with pglz and 2.1 s with lz4, at the same size on disk (BENCHMARKS.md, section 4);
-- lz4 also decompresses faster for every read. It needs a server built with lz4 (the postgres images are; the
-- embedded server of the tests and the local run is not), so where it is missing nothing changes. Values already
-- stored keep their method until they are written again; a rebuild writes them all.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE rollup ALTER COLUMN sums SET COMPRESSION lz4, ALTER COLUMN filled SET COMPRESSION lz4;
        ALTER TABLE rollup_pending ALTER COLUMN sums SET COMPRESSION lz4, ALTER COLUMN filled SET COMPRESSION lz4;
        ALTER TABLE report_state ALTER COLUMN metric_values SET COMPRESSION lz4,
            ALTER COLUMN other_metrics SET COMPRESSION lz4, ALTER COLUMN warnings SET COMPRESSION lz4;
    END IF;
END $$;
