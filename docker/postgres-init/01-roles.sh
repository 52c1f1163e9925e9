#!/bin/sh
# Run by the postgres image once, when its volume is first initialised (/docker-entrypoint-initdb.d):
# the owner role, which migrates and owns every table, and the application role the API connects
# as, which owns nothing (the grants are made by the API's migrate step). README, "Database roles".
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v db="$POSTGRES_DB" -v owner_password="$PIVOT_OWNER_PASSWORD" -v app_password="$PIVOT_APP_PASSWORD" <<'SQL'
CREATE ROLE pivot_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE pivot_app LOGIN PASSWORD :'app_password';
ALTER DATABASE :"db" OWNER TO pivot_owner;
SQL
