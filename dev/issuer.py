"""The dev token issuer: signs RS256 tokens for the demo users (dev and test only).

Contract: `GET /api/dev/users`, `POST /api/dev/token` with `{"username"}`,
JWKS at `/api/dev/.well-known/jwks.json`. It refuses to exist in production.
Token requests are rate limited per client address (a 429 problem with `Retry-After`).
"""

from __future__ import annotations

import hashlib
import time
import uuid
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import APIRouter, FastAPI
from jwt.algorithms import RSAAlgorithm
from pydantic import BaseModel

from dev.users import DemoUser, demo_user, demo_users
from shared.errors import NotFound
from shared.hardening import RateLimitMiddleware, TokenBuckets
from shared.problems import install_problem_handlers
from shared.settings import Environment, ServiceSettings

TOKEN_LIFETIME_SECONDS = 8 * 3600
TOKEN_RATE_PER_SECOND = 2.0
TOKEN_BURST = 20
"""Tokens one client (address) may fetch: 20 at once, then two a second."""
MAX_LIFETIME_SECONDS: int = ServiceSettings.model_fields["auth_max_token_lifetime_seconds"].default


class SigningKey:
    """An RSA key pair with its JWK id."""

    def __init__(self, private_pem: bytes) -> None:
        self.private_pem = private_pem
        private_key = serialization.load_pem_private_key(private_pem, password=None)
        if not isinstance(private_key, rsa.RSAPrivateKey):
            raise ValueError("the dev signing key must be an RSA key")
        self.private_key = private_key
        self.public_key = private_key.public_key()
        self.public_pem = self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode()
        self.kid = hashlib.sha256(self.public_pem.encode()).hexdigest()[:16]

    @classmethod
    def generate(cls) -> SigningKey:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return cls(pem)

    @classmethod
    def load_or_create(cls, path: Path) -> SigningKey:
        if path.exists():
            return cls(path.read_bytes())
        key = cls.generate()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(key.private_pem)
        path.chmod(0o600)
        return key

    def jwk(self) -> dict[str, Any]:
        """The public key as a JWK, as the library writes it, with its id and use."""
        jwk = RSAAlgorithm.to_jwk(self.public_key, as_dict=True)
        return {**jwk, "use": "sig", "alg": "RS256", "kid": self.kid}

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": self.kid})


def claims_for(
    user: DemoUser, issuer: str, audience: str, lifetime: int = TOKEN_LIFETIME_SECONDS
) -> dict[str, Any]:
    if not 0 < lifetime <= MAX_LIFETIME_SECONDS:
        raise ValueError(f"a dev token lives at most {MAX_LIFETIME_SECONDS} seconds")
    now = int(time.time())
    return {
        "iss": issuer,
        "aud": audience,
        "sub": user.username,
        "name": user.name,
        "municipality": user.municipality,
        "roles": [role.value for role in user.roles],
        "units": user.units,
        "iat": now,
        "exp": now + lifetime,
        "jti": str(uuid.uuid4()),
    }


class TokenRequest(BaseModel):
    username: str


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


def issuer_router(key: SigningKey, issuer: str, audience: str) -> APIRouter:
    router = APIRouter(tags=["dev"])

    @router.get("/users", response_model=list[DemoUser], operation_id="dev_list_users")
    async def list_users() -> list[DemoUser]:
        """The demo users, one per role in each demo municipality."""
        return demo_users()

    @router.post("/token", response_model=TokenResponse, operation_id="dev_issue_token")
    async def issue_token(body: TokenRequest) -> TokenResponse:
        """A signed token for a demo user."""
        user = demo_user(body.username)
        if user is None:
            raise NotFound(f"No demo user named {body.username!r}")
        token = key.sign(claims_for(user, issuer, audience))
        return TokenResponse(access_token=token, expires_in=TOKEN_LIFETIME_SECONDS)

    @router.get("/.well-known/jwks.json", operation_id="dev_jwks")
    async def jwks() -> dict[str, list[dict[str, Any]]]:
        return {"keys": [key.jwk()]}

    return router


def create_issuer_app(
    key: SigningKey,
    env: Environment,
    issuer: str = "mestring-dev",
    audience: str = "mestring",
    *,
    token_rate: float = TOKEN_RATE_PER_SECOND,
    token_burst: int = TOKEN_BURST,
) -> FastAPI:
    if env == Environment.production:
        raise RuntimeError("The dev token issuer does not exist in production")
    app = FastAPI(
        title="Mestring dev issuer",
        openapi_url="/api/dev/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    install_problem_handlers(app)
    app.add_middleware(
        RateLimitMiddleware,
        buckets=TokenBuckets(token_rate, token_burst),
        methods=frozenset({"POST"}),
    )
    app.include_router(issuer_router(key, issuer, audience), prefix="/api/dev")
    return app
