-- Run once by the postgres image, on its first start with an empty data volume (docker-entrypoint-initdb.d):
-- each service owns its database on the one server. The services' Flyway migrations create the tables.
-- A later change here needs a fresh volume: docker compose -f deploy/docker-compose.yml down -v
CREATE DATABASE reports;
CREATE DATABASE aggregates;
