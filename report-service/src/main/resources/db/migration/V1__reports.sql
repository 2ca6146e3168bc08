-- The agency registry. The level follows from the region (province / city / county) and is stored so
-- that listings can filter on it without the division list.
CREATE TABLE agency (
    id          varchar(64)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    region_code char(6)      NOT NULL,
    sector      varchar(32)  NOT NULL,
    level       varchar(16)  NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    revision    bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX agency_region_idx ON agency (region_code);

-- One row per agency and report year: the head that points at the current version. Revisions lock
-- this row, which is what makes version numbers strictly sequential under concurrent writers.
CREATE TABLE report (
    agency_id       varchar(64) NOT NULL REFERENCES agency (id),
    year            integer     NOT NULL,
    current_version integer     NOT NULL,
    status          varchar(16) NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (agency_id, year)
);
CREATE INDEX report_year_idx ON report (year, status);

-- Every accepted change is a new immutable version; a withdrawal is a version too.
CREATE TABLE report_version (
    agency_id    varchar(64) NOT NULL,
    year         integer     NOT NULL,
    version      integer     NOT NULL,
    status       varchar(16) NOT NULL,
    template     varchar(16) NOT NULL,
    published_on date,
    submitted_at timestamptz NOT NULL,
    cells        jsonb       NOT NULL, -- filled cells only: a blank cell is absent, never 0
    blank_cells  jsonb       NOT NULL, -- cells the submitter sent explicitly as null
    texts        jsonb       NOT NULL,
    warnings     jsonb       NOT NULL,
    PRIMARY KEY (agency_id, year, version),
    FOREIGN KEY (agency_id, year) REFERENCES report (agency_id, year)
);

-- The transactional outbox: written in the same transaction as the change it announces, relayed to Kafka
-- in id order and then marked sent.
CREATE TABLE outbox_event (
    id         bigserial    PRIMARY KEY,
    topic      varchar(100) NOT NULL,
    record_key varchar(200) NOT NULL,
    payload    bytea        NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    sent_at    timestamptz
);
CREATE INDEX outbox_unsent_idx ON outbox_event (id) WHERE sent_at IS NULL;
