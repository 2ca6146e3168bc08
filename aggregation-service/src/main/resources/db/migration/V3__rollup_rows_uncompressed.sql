-- A roll-up row (two arrays over the 254 metric positions, 1.5-4 KB) passed the 2 KB at which PostgreSQL compresses
-- a row's largest values with pglz, so every write of a row compressed it again: most of the database's time in a
-- rebuild's COPY of the roll-ups and in the live consumer's rewrites. Rows now stay whole and uncompressed in the
-- table up to a page's size, at about 20 % more disk (BENCHMARKS.md, section 4).
ALTER TABLE rollup SET (toast_tuple_target = 8160);
