-- Run once by the postgres image on an empty data directory
-- (/docker-entrypoint-initdb.d), as the superuser.
--
-- The services connect as `mestring`, an ordinary role (not a superuser and
-- without BYPASSRLS) that owns one database per service. Because it is not a
-- superuser, the row-level security policies the migrations create (FORCE ROW
-- LEVEL SECURITY on every tenant table) apply to the services' own queries.
--
-- The password matches the default <SERVICE>_DATABASE_URLs in
-- docker-compose.yml. On a real server change it after the first start:
--   docker compose exec db psql -U postgres -c "ALTER ROLE mestring PASSWORD '...'"
-- and set the five <SERVICE>_DATABASE_URL variables to match.

\set ON_ERROR_STOP on

CREATE ROLE mestring WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD 'mestring';

CREATE DATABASE intake       OWNER mestring ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE catalogue    OWNER mestring ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE coordination OWNER mestring ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE welfaretech  OWNER mestring ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE quality      OWNER mestring ENCODING 'UTF8' TEMPLATE template0;

-- Only the owner (and the superuser) may connect; nobody else by default.
REVOKE ALL ON DATABASE intake, catalogue, coordination, welfaretech, quality FROM PUBLIC;
