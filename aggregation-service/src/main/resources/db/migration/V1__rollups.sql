-- Metric codes (cells and group cells of every template) get a stable position in the roll-up arrays.
-- New codes are only ever appended, so stored arrays never need rewriting.
CREATE TABLE metric (
    idx  integer      PRIMARY KEY,
    code varchar(200) NOT NULL UNIQUE
);

-- The agency registry as last seen on nianbao.agencies.v1: who is expected to report.
CREATE TABLE agency_state (
    agency_id   varchar(64)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    region_code varchar(6)   NOT NULL,
    ancestors   varchar(6)[] NOT NULL, -- the region path, own region first, country last
    sector      varchar(32)  NOT NULL,
    level       varchar(16)  NOT NULL,
    active      boolean      NOT NULL,
    revision    bigint       NOT NULL
);
CREATE INDEX agency_state_ancestors_idx ON agency_state USING gin (ancestors);

-- The version of each report that the roll-ups currently contain. A version at or below the stored one is
-- a duplicate or arrived late and changes nothing; that is what makes replays safe.
CREATE TABLE report_state (
    agency_id          varchar(64)  NOT NULL,
    year               integer      NOT NULL,
    version            integer      NOT NULL,
    status             varchar(16)  NOT NULL,
    agency_name        varchar(200) NOT NULL,
    region_code        varchar(6)   NOT NULL,
    ancestors          varchar(6)[] NOT NULL,
    sector             varchar(32)  NOT NULL,
    level              varchar(16)  NOT NULL,
    template           varchar(16)  NOT NULL,
    published_on       date,
    first_submitted_at timestamptz  NOT NULL,
    submitted_at       timestamptz  NOT NULL,
    metrics            jsonb        NOT NULL, -- filled cells and group cells of the version; blank is absent
    warnings           jsonb        NOT NULL,
    warning_count      integer      NOT NULL,
    PRIMARY KEY (agency_id, year)
);
CREATE INDEX report_state_ancestors_idx ON report_state USING gin (ancestors);
CREATE INDEX report_state_year_idx ON report_state (year, sector, status);

-- One row per region × sector × agency level (ALL, PROVINCE, CITY, COUNTY) × year. sums[i] is the sum of
-- metric i over the reports that filled it and filled[i] how many did; reports counts the active reports.
CREATE TABLE rollup (
    region_code varchar(6)  NOT NULL,
    sector      varchar(32) NOT NULL,
    level       varchar(16) NOT NULL,
    year        integer     NOT NULL,
    reports     integer     NOT NULL,
    sums        numeric[]   NOT NULL,
    filled      integer[]   NOT NULL,
    PRIMARY KEY (region_code, sector, level, year)
);

-- Element-wise sums of arrays of different lengths (missing elements count as 0).
CREATE FUNCTION nb_add(a numeric[], b numeric[]) RETURNS numeric[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i), '{}')
   FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i) $$;

CREATE FUNCTION nb_add(a integer[], b integer[]) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i), '{}')
   FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i) $$;
