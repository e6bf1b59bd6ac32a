"""What every Mestring service shares.

Public modules (import from them directly):

- `shared.settings`: `ServiceSettings`, `Environment`, `SERVICE_NAMES`
- `shared.app`: `create_service_app`, the one way a service app is put together
- `shared.db`: `TenantMixin`, `TenantSession`, `set_tenant`, row-level security helpers
- `shared.errors`: `NotFound`, `Conflict`, `PreconditionFailed`, `RuleViolation`, ... → problem+json
- `shared.auth`: `Principal`, `CurrentPrincipal`, `require_roles`, `role_dependency`
- `shared.clients`: `ServiceClient`, `client_for`, `CatalogueClient`, `IntakeClient`
- `shared.pagination`: `paginate`, `Limit`, `Cursor`
- `shared.idempotency`: `IdempotencyKeyMixin`, `idempotency_dependency`
- `shared.outbox`: `EventMixin`, `Outbox`, `EventOutbox`
- `shared.concurrency`: `IfMatchVersion`, `check_version`, `set_etag`
- `shared.clock`: `Today`
- `shared.schemas`: `Problem`, `Page`, `LocalizedText`, `EventEnvelope`, `Role`
- `shared.permissions`: `allow`, `public`, `declared_access` (access declared on every route)

The dev token issuer, dev gateway, embedded PostgreSQL and `make run` live outside this
package, in `dev/`.
"""
