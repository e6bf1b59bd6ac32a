-- Run once by the postgres image on an empty data directory
-- (/docker-entrypoint-initdb.d), as the superuser. docs/operations.md has the
-- same steps for a database server of your own.
--
-- Two roles per service database (shared/roles.py):
--   mestring_<service>_owner  owns the database and its tables and runs the
--                             migrations (the `migrate` step in compose);
--   mestring_<service>        the runtime role the service connects as: not a
--                             superuser, not BYPASSRLS, owns nothing, so row-level
--                             security applies to it and it cannot truncate, alter
--                             or drop; the migration step grants it its DML.
--
-- The passwords come from the environment docker-compose.yml passes in
-- (MESTRING_DB_OWNER_PASSWORD and <SERVICE>_DB_PASSWORD). An empty, short or
-- known default password stops the first start here, before any role exists.

\set ON_ERROR_STOP on

\getenv owner_password MESTRING_DB_OWNER_PASSWORD
\getenv intake_password INTAKE_DB_PASSWORD
\getenv catalogue_password CATALOGUE_DB_PASSWORD
\getenv coordination_password COORDINATION_DB_PASSWORD
\getenv welfaretech_password WELFARETECH_DB_PASSWORD
\getenv quality_password QUALITY_DB_PASSWORD

-- Session settings, so the check and the role creation below can read them.
SELECT set_config('mestring.owner_password', coalesce(:'owner_password', ''), false),
       set_config('mestring.intake_password', coalesce(:'intake_password', ''), false),
       set_config('mestring.catalogue_password', coalesce(:'catalogue_password', ''), false),
       set_config('mestring.coordination_password', coalesce(:'coordination_password', ''), false),
       set_config('mestring.welfaretech_password', coalesce(:'welfaretech_password', ''), false),
       set_config('mestring.quality_password', coalesce(:'quality_password', ''), false)
\g /dev/null

DO $$
DECLARE
    known_defaults CONSTANT text[] := ARRAY[
        'mestring', 'postgres', 'password', 'passord', 'secret', 'change-me', 'changeme',
        'admin', 'example'
    ];
    service text;
    password text;
    owner_password text := current_setting('mestring.owner_password');
BEGIN
    IF length(owner_password) < 12 OR lower(owner_password) = ANY (known_defaults) THEN
        RAISE EXCEPTION 'MESTRING_DB_OWNER_PASSWORD is empty, shorter than 12 characters or a known default';
    END IF;
    FOREACH service IN ARRAY ARRAY['intake', 'catalogue', 'coordination', 'welfaretech', 'quality'] LOOP
        password := current_setting('mestring.' || service || '_password');
        IF length(password) < 12 OR lower(password) = ANY (known_defaults) THEN
            RAISE EXCEPTION '%_DB_PASSWORD is empty, shorter than 12 characters or a known default',
                upper(service);
        END IF;
        IF password = owner_password THEN
            RAISE EXCEPTION '%_DB_PASSWORD must differ from MESTRING_DB_OWNER_PASSWORD', upper(service);
        END IF;
        EXECUTE format(
            'CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L',
            'mestring_' || service || '_owner', owner_password);
        EXECUTE format(
            'CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L',
            'mestring_' || service, password);
    END LOOP;
END
$$;

RESET mestring.owner_password;
RESET mestring.intake_password;
RESET mestring.catalogue_password;
RESET mestring.coordination_password;
RESET mestring.welfaretech_password;
RESET mestring.quality_password;

CREATE DATABASE intake       OWNER mestring_intake_owner       ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE catalogue    OWNER mestring_catalogue_owner    ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE coordination OWNER mestring_coordination_owner ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE welfaretech  OWNER mestring_welfaretech_owner  ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE quality      OWNER mestring_quality_owner      ENCODING 'UTF8' TEMPLATE template0;

-- Only the owner and the service's own runtime role may connect (no TEMP either).
REVOKE ALL ON DATABASE intake, catalogue, coordination, welfaretech, quality FROM PUBLIC;
GRANT CONNECT ON DATABASE intake       TO mestring_intake;
GRANT CONNECT ON DATABASE catalogue    TO mestring_catalogue;
GRANT CONNECT ON DATABASE coordination TO mestring_coordination;
GRANT CONNECT ON DATABASE welfaretech  TO mestring_welfaretech;
GRANT CONNECT ON DATABASE quality      TO mestring_quality;

-- In each database: nobody but the owner creates objects; the runtime role may
-- use the schema (its table privileges come from the migration step).
\connect intake
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO mestring_intake;
\connect catalogue
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO mestring_catalogue;
\connect coordination
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO mestring_coordination;
\connect welfaretech
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO mestring_welfaretech;
\connect quality
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO mestring_quality;
