"""What a fake provider answers instead of 200, and what it records about why."""
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Rejection:
    status: int
    #: The provider's own error body.
    body: dict
    #: Which rule refused (`sdk:<type>` for the SDK's request type, else the per-deployment rule).
    rule: str
    headers: dict = field(default_factory=dict)


@dataclass
class Request:
    kind: str
    path: str
    query: dict
    headers: dict
    body: Any
    #: The Azure deployment (path) or the body's model: what the service knows the call is for.
    deployment: str | None
    #: What the catalog says about that deployment (`model`, `baseModel`, `catalogReasoning`), from the harness.
    profile: dict
    #: The body exactly as it arrived (what a signature covers).
    raw: str = ""
    #: What the chart gave the pod to authenticate with (`awsAccessKeyId`, …), for providers that verify it.
    auth: dict = field(default_factory=dict)
