"""The deployment files hang together: compose, the Dockerfiles, nginx and Kubernetes.

No container engine or cluster is needed: these tests only parse the files
(PyYAML and the standard library), so a service renamed in one place and not
in another, a lost probe or a missing route fails here rather than on a server.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
INFRA = ROOT / "infra"
SERVICES = ("intake", "catalogue", "coordination", "welfaretech", "quality")


def _compose() -> dict[str, Any]:
    compose: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    return compose


def _k8s_documents() -> list[dict[str, Any]]:
    documents = []
    for path in sorted((INFRA / "k8s").glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document is not None:
                documents.append(document)
    return documents


def _k8s(kind: str, name: str) -> dict[str, Any]:
    found = [d for d in _k8s_documents() if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} named {name!r} in infra/k8s, found {len(found)}"
    return found[0]


def _environment(service: dict[str, Any]) -> dict[str, str]:
    environment = service.get("environment", {})
    if isinstance(environment, list):
        return dict(item.split("=", 1) for item in environment)
    return {key: str(value) for key, value in environment.items()}


def _nginx() -> str:
    text = (INFRA / "nginx.conf").read_text(encoding="utf-8")
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def _command_text(service: dict[str, Any]) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else str(command)


# --- docker-compose.yml -------------------------------------------------------


def test_compose_has_the_database_the_five_services_and_the_gateway() -> None:
    services = _compose()["services"]
    assert set(services) >= {"db", "gateway", *SERVICES}


def test_compose_database_is_postgres_16_with_a_healthcheck_a_volume_and_the_init_script() -> None:
    compose = _compose()
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    volumes = db["volumes"]
    data = [v for v in volumes if v.endswith(":/var/lib/postgresql/data")]
    assert data and data[0].split(":", 1)[0] in compose["volumes"], "a named volume for the data"
    init = [v for v in volumes if "/docker-entrypoint-initdb.d/" in v]
    assert init, "the init script is mounted into /docker-entrypoint-initdb.d"
    source = init[0].split(":", 1)[0]
    assert (ROOT / source).resolve() == INFRA / "docker" / "init-databases.sql"


def test_init_script_gives_each_database_an_owner_role_and_a_runtime_role() -> None:
    sql = (INFRA / "docker" / "init-databases.sql").read_text(encoding="utf-8")
    create_role = re.search(r"'CREATE ROLE %I WITH ([^']*)'", sql)
    assert create_role, "the roles are created in a loop over the services"
    for attribute in ("LOGIN", "NOSUPERUSER", "NOBYPASSRLS", "NOCREATEDB", "NOCREATEROLE"):
        assert attribute in create_role.group(1).split(), (
            f"{attribute}: neither role may bypass row-level security"
        )
    assert "'mestring_' || service || '_owner'" in sql and "'mestring_' || service," in sql
    for name in SERVICES:
        assert f"'{name}'" in sql, f"the loop creates the roles of {name}"
        assert re.search(rf"CREATE DATABASE {name}\s+OWNER mestring_{name}_owner\b", sql), name
        assert re.search(rf"GRANT CONNECT ON DATABASE {name}\s+TO mestring_{name};", sql), name
        assert re.search(
            rf"\\connect {name}\nREVOKE CREATE ON SCHEMA public FROM PUBLIC;\n"
            rf"GRANT USAGE ON SCHEMA public TO mestring_{name};",
            sql,
        ), name
    assert re.search(r"REVOKE ALL ON DATABASE [^;]+ FROM PUBLIC;", sql)


def test_init_script_takes_the_passwords_from_the_environment_and_refuses_weak_ones() -> None:
    sql = (INFRA / "docker" / "init-databases.sql").read_text(encoding="utf-8")
    db_environment = _environment(_compose()["services"]["db"])
    variables = ["MESTRING_DB_OWNER_PASSWORD", *(f"{n.upper()}_DB_PASSWORD" for n in SERVICES)]
    for variable in variables:
        assert re.search(rf"^\\getenv \w+ {variable}$", sql, re.MULTILINE), variable
        assert db_environment[variable].startswith(f"${{{variable}:?"), variable
    assert not re.search(r"PASSWORD\s+'", sql), "no password written into the script"
    assert "RAISE EXCEPTION" in sql and "known_defaults" in sql
    for default in ("mestring", "postgres", "change-me"):
        assert f"'{default}'" in sql, f"{default!r} is refused as a password"


@pytest.mark.parametrize("name", SERVICES)
def test_compose_service_is_built_from_the_one_image_and_serves_after_the_migrate_step(
    name: str,
) -> None:
    service = _compose()["services"][name]
    assert service["build"]["dockerfile"] == "infra/Dockerfile"
    command = _command_text(service)
    assert "alembic" not in command, "the runtime role cannot migrate: the migrate step does"
    assert f"--factory services.{name}.app:create_app" in command
    assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_compose_migrate_step_upgrades_every_service_as_its_owner_role() -> None:
    migrate = _compose()["services"]["migrate"]
    assert migrate["build"]["dockerfile"] == "infra/Dockerfile"
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    command = _command_text(migrate)
    environment = _environment(migrate)
    for name in SERVICES:
        assert f"alembic -n {name} upgrade head" in command
        url = environment[f"{name.upper()}_OWNER_DATABASE_URL"]
        assert url.startswith(f"postgresql+asyncpg://mestring_{name}_owner:${{")
        assert url.endswith(f"@db:5432/{name}")
    assert not any(key.endswith("_DB_PASSWORD") for key in environment), "no runtime passwords"


@pytest.mark.parametrize("name", SERVICES)
def test_compose_service_has_its_database_url_and_production_settings(name: str) -> None:
    environment = _environment(_compose()["services"][name])
    url = environment[f"{name.upper()}_DATABASE_URL"]
    password = f"{name.upper()}_DB_PASSWORD"
    assert url.startswith(f"postgresql+asyncpg://mestring_{name}:${{{password}:?"), (
        "the runtime role, with a password compose refuses to start without"
    )
    assert url.endswith(f"@db:5432/{name}")
    others = {f"{other.upper()}_DATABASE_URL" for other in SERVICES if other != name}
    assert not others & set(environment), "a service sees only its own database"
    assert not [key for key in environment if "OWNER" in key], "nor the owner role"
    assert "MESTRING_DB_OWNER_PASSWORD" not in url
    assert environment["MESTRING_ENV"] == "${MESTRING_ENV:-production}"
    for key in ("MESTRING_AUTH_JWKS_URL", "MESTRING_AUTH_ISSUER", "MESTRING_AUTH_AUDIENCE"):
        assert environment[key].startswith(f"${{{key}:-"), key
    for other in SERVICES:
        assert environment[f"MESTRING_{other.upper()}_URL"] == f"http://{other}:8000"


def _interpolations(text: str) -> list[tuple[str, str, str]]:
    """Each `${VAR}`, `${VAR:-default}` or `${VAR:?message}` as (name, operator, rest)."""
    return re.findall(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}", text)


def test_compose_has_no_default_passwords_and_refuses_to_start_without_them() -> None:
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    secrets = [
        (name, operator)
        for name, operator, _ in _interpolations(text)
        if re.search("PASSWORD|SECRET|KEY", name)
    ]
    assert {name for name, _ in secrets} >= {
        "POSTGRES_PASSWORD",
        "MESTRING_DB_OWNER_PASSWORD",
        *(f"{n.upper()}_DB_PASSWORD" for n in SERVICES),
    }
    for name, operator in secrets:
        assert operator == ":?", f"${{{name}}} must be `${{{name}:?message}}`, with no default"
    # No password written into a URL or a setting, only taken from the environment.
    assert not re.search(r"postgresql(\+\w+)?://[^:/@\s]+:[^$@\s]+@", text)
    assert not re.search(r"^\s+\w*PASSWORD:\s+[^$\s]", text, re.MULTILINE)


@pytest.mark.parametrize("name", SERVICES)
def test_compose_service_waits_for_a_healthy_database_and_checks_its_readiness(name: str) -> None:
    service = _compose()["services"][name]
    assert service["depends_on"]["db"]["condition"] == "service_healthy"
    test = service["healthcheck"]["test"]
    assert test[0] in ("CMD", "CMD-SHELL")
    joined = " ".join(test)
    assert "python" in joined and "urllib" in joined, "the slim image has no curl"
    assert f"http://127.0.0.1:8000/api/{name}/health/ready" in joined


def test_compose_gateway_serves_on_port_8000_with_a_healthcheck() -> None:
    gateway = _compose()["services"]["gateway"]
    assert gateway["build"]["dockerfile"] == "infra/Dockerfile.gateway"
    assert any(
        str(port).endswith("8000}:80") or str(port) == "8000:80" for port in gateway["ports"]
    )
    assert "healthcheck" in gateway
    assert set(gateway["depends_on"]) == set(SERVICES)


# --- Dockerfiles --------------------------------------------------------------


def test_service_image_is_python_3_11_slim_and_runs_as_a_non_root_user() -> None:
    dockerfile = (INFRA / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.MULTILINE)
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.MULTILINE)
    assert users and not users[-1].startswith(("root", "0")), "the last USER is not root"
    for path in ("alembic.ini", "shared", "services"):
        assert re.search(rf"^COPY\s+{path}\b", dockerfile, re.MULTILINE), path
    [cmd] = re.findall(r"^CMD (.*)$", dockerfile, re.MULTILINE)
    assert "uvicorn" in cmd and "alembic" not in cmd, "migrating is a step of its own"


def test_gateway_image_builds_the_spa_with_node_and_serves_it_with_nginx() -> None:
    dockerfile = (INFRA / "Dockerfile.gateway").read_text(encoding="utf-8")
    stages = re.findall(r"^FROM\s+(\S+)", dockerfile, re.MULTILINE)
    assert (
        stages[0].startswith("node:20")
        and stages[-1].startswith("nginx:")
        and "alpine" in stages[-1]
    )
    assert "npm ci" in dockerfile and "npm run build" in dockerfile
    assert "COPY infra/nginx.conf /etc/nginx/nginx.conf" in dockerfile
    assert re.search(r"^COPY --from=\S+ \S*dist /usr/share/nginx/html", dockerfile, re.MULTILINE)


# --- nginx.conf ---------------------------------------------------------------


@pytest.mark.parametrize("name", SERVICES)
def test_nginx_routes_the_service_keeping_the_path(name: str) -> None:
    conf = _nginx()
    location = re.search(rf"location /api/{name}/ \{{([^}}]*)\}}", conf)
    assert location, f"no location /api/{name}/"
    proxy_pass = re.search(r"proxy_pass\s+http://([\w.-]+)(\S*);", location.group(1))
    assert proxy_pass, f"location /api/{name}/ does not proxy"
    upstream, uri = proxy_pass.groups()
    assert uri == "", "proxy_pass without a URI keeps the /api/<service>/ path"
    servers = re.search(rf"upstream {upstream}\s*\{{([^}}]*)\}}", conf)
    target = servers.group(1) if servers else f"server {upstream};"
    assert re.search(rf"server\s+{name}:8000\b", target), f"/api/{name}/ goes to {name}:8000"


def test_nginx_passes_request_id_and_authorization_and_sets_security_headers() -> None:
    conf = _nginx()
    assert re.search(r"proxy_set_header\s+X-Request-ID\s", conf)
    assert re.search(r"proxy_set_header\s+Authorization\s+\$http_authorization;", conf)
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert re.search(rf"add_header\s+{header}\s", conf), header
    assert "default-src 'self'" in conf
    assert re.search(r"^\s*gzip\s+on;", conf, re.MULTILINE)


def test_nginx_falls_back_to_index_html_for_the_spa() -> None:
    conf = _nginx()
    spa = re.search(r"location / \{([^}]*)\}", conf)
    assert spa and "try_files $uri /index.html;" in spa.group(1)


# --- infra/k8s ----------------------------------------------------------------


def test_k8s_documents_are_well_formed_and_in_the_namespace() -> None:
    documents = _k8s_documents()
    assert documents
    namespaces = [d for d in documents if d["kind"] == "Namespace"]
    assert [d["metadata"]["name"] for d in namespaces] == ["mestring"]
    for document in documents:
        assert document.get("apiVersion") and document.get("kind"), document
        assert document["metadata"].get("name"), document
        if document["kind"] != "Namespace":
            assert document["metadata"].get("namespace") == "mestring", document["metadata"]["name"]


@pytest.mark.parametrize("name", SERVICES)
def test_k8s_deployment_probes_the_health_urls(name: str) -> None:
    deployment = _k8s("Deployment", name)
    assert deployment["apiVersion"] == "apps/v1"
    spec = deployment["spec"]
    labels = spec["template"]["metadata"]["labels"]
    assert all(labels.get(key) == value for key, value in spec["selector"]["matchLabels"].items())
    containers = spec["template"]["spec"]["containers"]
    assert len(containers) == 1
    container = containers[0]
    assert container["livenessProbe"]["httpGet"]["path"] == f"/api/{name}/health/live"
    assert container["readinessProbe"]["httpGet"]["path"] == f"/api/{name}/health/ready"
    assert f"services.{name}.app:create_app" in container["command"]
    assert "--factory" in container["command"]
    resources = container["resources"]
    assert {"cpu", "memory"} <= set(resources["requests"]) and {"cpu", "memory"} <= set(
        resources["limits"]
    )


@pytest.mark.parametrize("name", SERVICES)
def test_k8s_deployment_reads_config_and_its_runtime_database_url_from_a_secret(
    name: str,
) -> None:
    pod = _k8s("Deployment", name)["spec"]["template"]["spec"]
    config = _k8s("ConfigMap", "mestring-config")
    assert config["data"]["MESTRING_ENV"] == "production"
    [container] = pod["containers"]
    sources = [
        s["configMapRef"]["name"] for s in container.get("envFrom", []) if "configMapRef" in s
    ]
    assert "mestring-config" in sources
    env = {e["name"]: e for e in container.get("env", [])}
    ref = env[f"{name.upper()}_DATABASE_URL"]["valueFrom"]["secretKeyRef"]
    assert ref == {"name": "mestring-database", "key": f"{name.upper()}_DATABASE_URL"}
    assert not [key for key in env if "OWNER" in key], "the service never sees the owner role"


@pytest.mark.parametrize("name", SERVICES)
def test_k8s_deployment_waits_for_its_migrations_as_the_runtime_role(name: str) -> None:
    """The migrations are a Job of their own; each pod waits, in an initContainer, until its
    database is at the code's head: read-only, as the runtime role, no Kubernetes API rights."""
    pod = _k8s("Deployment", name)["spec"]["template"]["spec"]
    [wait] = pod["initContainers"]
    [container] = pod["containers"]
    assert wait["image"] == container["image"], "the head of the code the pod runs"
    command = wait["command"]
    assert command[:3] == ["python", "-m", "shared.migrations"]
    assert command[command.index("--wait-for-head") + 1] == name
    assert float(command[command.index("--timeout") + 1]) > 0
    assert "kubectl" not in " ".join(command)
    [env] = wait["env"]
    assert env["name"] == f"{name.upper()}_DATABASE_URL"
    assert env["valueFrom"]["secretKeyRef"] == {
        "name": "mestring-database",
        "key": f"{name.upper()}_DATABASE_URL",
    }, "the runtime role's URL, never the owner's"
    assert wait["securityContext"]["readOnlyRootFilesystem"] is True
    assert {"cpu", "memory"} <= set(wait["resources"]["limits"])
    assert pod.get("automountServiceAccountToken") is False


@pytest.mark.parametrize("name", SERVICES)
def test_k8s_migration_job_upgrades_the_service_as_its_owner_role(name: str) -> None:
    job = _k8s("Job", f"migrate-{name}")
    assert job["apiVersion"] == "batch/v1"
    assert job["metadata"]["labels"]["app.kubernetes.io/component"] == "migrate"
    pod = job["spec"]["template"]["spec"]
    assert pod["restartPolicy"] in ("OnFailure", "Never")
    [container] = pod["containers"]
    assert container["command"] == ["alembic", "-n", name, "upgrade", "head"]
    assert (
        container["image"]
        == _k8s("Deployment", name)["spec"]["template"]["spec"]["containers"][0]["image"]
    ), "the Job migrates to the version the Deployment runs"
    [env] = container["env"]
    assert env["name"] == f"{name.upper()}_OWNER_DATABASE_URL"
    assert env["valueFrom"]["secretKeyRef"] == {
        "name": "mestring-database-owner",
        "key": f"{name.upper()}_OWNER_DATABASE_URL",
    }


def test_k8s_manifests_hold_no_secrets_or_default_passwords() -> None:
    """The Secrets come from the operator's secret store, never from these files."""
    secrets = [d for d in _k8s_documents() if d["kind"] == "Secret"]
    assert not [s for s in secrets if s.get("data") or s.get("stringData")]
    for path in sorted((INFRA / "k8s").glob("*.yaml")):
        text = "\n".join(
            line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()
        )
        assert "CHANGE-ME" not in text, path.name
        assert not re.search(r"postgresql(\+\w+)?://[^:/@\s]+:[^@\s]+@", text), path.name
        assert not re.search(r"(?i)password", text), path.name


@pytest.mark.parametrize("name", SERVICES)
def test_k8s_service_exposes_the_deployment_on_port_8000(name: str) -> None:
    service = _k8s("Service", name)
    deployment = _k8s("Deployment", name)
    selector = service["spec"]["selector"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert all(labels.get(key) == value for key, value in selector.items())
    assert [p["port"] for p in service["spec"]["ports"]] == [8000]


@pytest.mark.parametrize("name", SERVICES)
def test_k8s_hpa_scales_the_deployment_on_cpu(name: str) -> None:
    hpa = _k8s("HorizontalPodAutoscaler", name)
    assert hpa["apiVersion"] == "autoscaling/v2"
    target = hpa["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", name)
    assert 1 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    [metric] = hpa["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert metric["resource"]["target"] == {"type": "Utilization", "averageUtilization": 70}
    assert "replicas" not in _k8s("Deployment", name)["spec"], "the HPA owns the replica count"


def test_k8s_ingress_sends_everything_to_the_gateway() -> None:
    _k8s("Deployment", "gateway")
    gateway = _k8s("Service", "gateway")
    ports = {p["name"]: p["port"] for p in gateway["spec"]["ports"]}
    ingresses = [d for d in _k8s_documents() if d["kind"] == "Ingress"]
    assert ingresses
    backends = [
        path["backend"]["service"]
        for ingress in ingresses
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    ]
    assert backends
    for backend in backends:
        assert backend["name"] == "gateway"
        port = backend["port"]
        assert port.get("name") in ports or port.get("number") in ports.values()


# --- the lockfile -------------------------------------------------------------


def _makefile_variable(name: str) -> str:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{name}\s*:?=\s*(\S+)", makefile, re.MULTILINE)
    assert match, f"the Makefile sets {name}"
    return match.group(1)


def test_service_image_installs_exactly_the_lockfile_with_the_makefiles_uv() -> None:
    dockerfile = (INFRA / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^COPY\s+pyproject\.toml\s+uv\.lock\b", dockerfile, re.MULTILINE)
    syncs = re.findall(r"^RUN uv sync (.*)$", dockerfile, re.MULTILINE)
    assert syncs and all("--frozen" in sync and "--no-dev" in sync for sync in syncs)
    assert "pip install" not in dockerfile.replace('pip install "uv==${UV_VERSION}"', "")
    [version] = re.findall(r"^ARG UV_VERSION=(\S+)", dockerfile, re.MULTILINE)
    assert version == _makefile_variable("UV_VERSION")


def test_make_installs_from_the_lockfile_and_reinstalls_when_it_changes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    stamp = re.search(r"^\$\(PY_STAMP\):([^\n]*)\n\t([^\n]*)", makefile, re.MULTILINE)
    assert stamp, "the install stamp has a rule"
    assert "uv.lock" in stamp.group(1).split("|")[0]
    assert "sync --frozen" in stamp.group(2)
    assert re.search(r"^lock:", makefile, re.MULTILINE)


def test_the_lockfile_names_only_pypi_and_no_python_jose() -> None:
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    registries = set(re.findall(r'registry = "([^"]+)"', lock))
    assert registries == {"https://pypi.org/simple"}
    assert 'name = "pyjwt"' in lock
    assert 'name = "python-jose"' not in lock
