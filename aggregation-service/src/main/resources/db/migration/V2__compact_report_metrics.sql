-- Report metrics by position instead of by name. As jsonb keyed by metric code a report state took about 12 KB
-- (codes average 48 characters); writing and re-reading that was most of a bulk load's and a rebuild's time.
-- metric_values[idx + 1] holds the value of the metric at position idx of the metric table (SQL arrays start
-- at 1), NULL when blank; positions past the end of the array are blank too. Codes without a position (cells of a
-- template this version of the service does not know) stay by name in other_metrics, usually '{}'.
ALTER TABLE report_state ADD COLUMN metric_values numeric[];
UPDATE report_state s SET
    metric_values = (SELECT coalesce(array_agg((s.metrics ->> m.code)::numeric ORDER BY m.idx), '{}') FROM metric m),
    metrics = (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}') FROM jsonb_each(s.metrics) AS e
               WHERE NOT EXISTS (SELECT 1 FROM metric m WHERE m.code = e.key));
ALTER TABLE report_state ALTER COLUMN metric_values SET NOT NULL;
ALTER TABLE report_state RENAME COLUMN metrics TO other_metrics;

-- Every read of report states names a sector and a year, and a place: the agencies directly in a region, or a
-- region's subtree, which always lies within one province. One b-tree serves all of them; the GIN index over
-- the ancestors cost every write and served no query the b-tree does not.
ALTER TABLE report_state ADD COLUMN province_code varchar(6)
    GENERATED ALWAYS AS (ancestors[cardinality(ancestors) - 1]) STORED;
DROP INDEX report_state_ancestors_idx;
DROP INDEX report_state_year_idx;
CREATE INDEX report_state_place_idx ON report_state (sector, year, province_code, region_code);
