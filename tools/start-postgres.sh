#!/usr/bin/env bash
# Start a local PostgreSQL for the store tests, idempotently, as root on Debian 12:
#   install Debian's `postgresql` package when missing, start the Debian cluster (create it when
#   absent) on 127.0.0.1, create the role and database `allegiance` (password `allegiance`), and
#   print the URL to export as ALLEGIANCE_TEST_PG. Safe to run again: each step checks first.
# Usage: export ALLEGIANCE_TEST_PG="$(bash tools/start-postgres.sh)"
set -euo pipefail
PORT="${PGPORT:-5432}"
NAME="${ALLEGIANCE_PG_NAME:-allegiance}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
    pg_createcluster "$VERSION" main -p "$PORT" >&2
fi
if ! pg_lsclusters -h | awk '$1=="'"$VERSION"'" && $2=="main" {print $4}' | grep -qx online; then
    pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$PORT" && break
    sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || { echo "PostgreSQL did not start on port $PORT" >&2; exit 1; }

as_postgres() { su postgres -c "psql -X -q -p $PORT -tAc \"$1\""; }
if [ "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = '$NAME'")" != "1" ]; then
    as_postgres "CREATE ROLE $NAME LOGIN PASSWORD '$NAME'" >&2
fi
if [ "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = '$NAME'")" != "1" ]; then
    as_postgres "CREATE DATABASE $NAME OWNER $NAME" >&2
fi
echo "postgresql://$NAME:$NAME@127.0.0.1:$PORT/$NAME"
