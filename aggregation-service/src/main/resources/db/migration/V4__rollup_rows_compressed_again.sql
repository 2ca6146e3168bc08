-- Undoes V3. Leaving the roll-up rows uncompressed made a rebuild's COPY of them only 12 % faster at 3× the disk
-- (BENCHMARKS.md, section 4), so the rows are compressed again. V3 stays: a database that applied it must still find
-- it here, or Flyway refuses to start.
ALTER TABLE rollup RESET (toast_tuple_target);
