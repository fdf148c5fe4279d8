#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is first initialised (docker-entrypoint-initdb.d).
# Temporal's auto-setup creates its own databases (temporal, temporal_visibility) as the
# superuser; the app gets a database and a role of its own.
set -eo pipefail  # no -u: the entrypoint sources this file if it lost its executable bit

psql -v ON_ERROR_STOP=1 -v password="${PORTAL_DB_PASSWORD:?PORTAL_DB_PASSWORD is not set}" \
  --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE ROLE portal LOGIN PASSWORD :'password';
CREATE DATABASE portal OWNER portal;
SQL
