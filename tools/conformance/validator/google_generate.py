"""Gemini API (`/v1beta/models/<model>:generateContent`, key in `x-goog-api-key` or `?key=`) and Vertex
AI (`/v1/projects/<p>/locations/<l>/publishers/google/models/<model>:generateContent`, an OAuth access
token): the body is the REST GenerateContentRequest, each field typed by the `google-genai` SDK's own
pydantic types (unknown fields refused, camelCase or snake_case as the API's JSON accepts). Vertex's
service-account flow is done for real: the token endpoint verifies the JWT assertion's RS256 signature
with google-auth against the public key of the pair the test generated, and issues the token that
generateContent must then carry."""
import time
from typing import Optional
from urllib.parse import parse_qs

from google.auth import exceptions as auth_exceptions
from google.auth import jwt
from google.genai import _common, types

from rejection import Rejection, Request
from sdk import errors, strict_adapter

#: The grant a service account's token request uses (RFC 7523), and the scope LiteLLM asks Vertex for.
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform"
#: The audience of a service account's assertion is Google's token endpoint, wherever token_uri points
#: (google-auth signs it so, and Google's endpoint refuses any other).
TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token"


class GeminiGenerateContentRequest(_common.BaseModel):
    """The Gemini API's GenerateContentRequest body (its model is in the path)."""
    contents: list[types.Content]
    system_instruction: Optional[types.Content] = None
    generation_config: Optional[types.GenerationConfig] = None
    safety_settings: Optional[list[types.SafetySetting]] = None
    tools: Optional[list[types.Tool]] = None
    tool_config: Optional[types.ToolConfig] = None
    cached_content: Optional[str] = None


class VertexGenerateContentRequest(GeminiGenerateContentRequest):
    """Vertex AI's adds labels (google-genai sends GenerateContentConfig.labels to Vertex only)."""
    labels: Optional[dict[str, str]] = None


_gemini = strict_adapter(GeminiGenerateContentRequest)
_vertex = strict_adapter(VertexGenerateContentRequest)


def _error(rule: str, status: int, state: str, message: str) -> Rejection:
    # Google APIs' error body (google.rpc.Status as JSON).
    return Rejection(status, {"error": {"code": status, "message": message, "status": state}}, rule)


def _body(rule: str, adapter, request: Request) -> Rejection | None:
    found = errors(adapter, request.body)
    return _error(rule, 400, "INVALID_ARGUMENT", f"Invalid JSON payload received. {'; '.join(found)}") if found else None


def gemini(request: Request) -> Rejection | None:
    key = request.headers.get("x-goog-api-key") or request.query.get("key")
    if not key:
        return _error("gemini:api-key-required", 403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")
    if key != request.auth.get("apiKey"):
        return _error("gemini:api-key-invalid", 400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.")
    return _body("sdk:google.genai.types (Gemini GenerateContentRequest)", _gemini, request)


def vertex(request: Request) -> Rejection | None:
    header = request.headers.get("authorization", "")
    if not header.startswith("Bearer ") or header[len("Bearer "):] not in request.auth.get("issuedTokens", "").split():
        return _error("vertex:access-token", 401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.")
    return _body("sdk:google.genai.types (Vertex GenerateContentRequest)", _vertex, request)


def _grant_error(rule: str, description: str) -> Rejection:
    # OAuth 2.0's token error body (RFC 6749 5.2), as Google's token endpoint answers.
    return Rejection(400, {"error": "invalid_grant", "error_description": description}, rule)


def token(request: Request) -> Rejection | None:
    form = {name: values[0] for name, values in parse_qs(request.raw).items()}
    if form.get("grant_type") != JWT_BEARER or "assertion" not in form:
        return Rejection(400, {"error": "unsupported_grant_type", "error_description": "Invalid grant_type."}, "vertex:token-grant-type")
    try:
        claims = jwt.decode(form["assertion"], certs=request.auth.get("publicKey"), audience=TOKEN_AUDIENCE)
    except (ValueError, auth_exceptions.GoogleAuthError) as error:
        return _grant_error("vertex:token-jwt", f"Invalid JWT Signature. ({error})")
    if claims.get("iss") != request.auth.get("clientEmail"):
        return _grant_error("vertex:token-issuer", "Invalid JWT: iss is not the service account.")
    if CLOUD_PLATFORM not in str(claims.get("scope", "")).split():
        return Rejection(400, {"error": "invalid_scope", "error_description": f"Vertex AI needs {CLOUD_PLATFORM}."}, "vertex:token-scope")
    if not claims.get("exp", 0) - claims.get("iat", 0) <= 3600 or claims["exp"] < time.time():
        return _grant_error("vertex:token-lifetime", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.")
    return None


KINDS = {"gemini-generate": gemini, "vertex-generate": vertex, "vertex-token": token}
