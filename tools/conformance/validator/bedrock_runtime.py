"""Amazon Bedrock Runtime (`<base>/model/<modelId>/converse`, `/invoke`): botocore's own service model
for `bedrock-runtime` (its Converse input shape, checked by botocore's ParamValidator), and SigV4 checked
for real: the fake recomputes the signature with botocore's signer from the credentials the chart gave
the pod, so a wrong key, region or service is refused as Bedrock refuses it. InvokeModel's body is the
model's own format: for Anthropic models, the `anthropic` SDK's Messages types in their Bedrock form
(its bedrock client: `anthropic_version` in the body, no `model` or `stream`)."""
from urllib.parse import unquote

import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.validate import ParamValidator

import anthropic_messages
from rejection import Rejection, Request

_model = botocore.session.get_session().get_service_model("bedrock-runtime")
_converse = _model.operation_model("Converse").input_shape
#: The signing name in botocore's model (`bedrock`, not the endpoint prefix `bedrock-runtime`).
SIGNING_NAME = _model.signing_name
#: The body version the anthropic SDK's Bedrock client sends (anthropic.lib.bedrock DEFAULT_VERSION).
ANTHROPIC_BEDROCK_VERSION = "bedrock-2023-05-31"


def _error(status: int, error_type: str, message: str, rule: str) -> Rejection:
    # Bedrock's REST-JSON errors: the type in x-amzn-ErrorType, the body a bare message.
    return Rejection(status, {"message": message}, rule, {"x-amzn-errortype": f"{error_type}:http://internal.amazon.com/coral/com.amazon.bedrock/"})


def _authorization(request: Request) -> Rejection | None:
    header = request.headers.get("authorization", "")
    if not header.startswith("AWS4-HMAC-SHA256 "):
        return _error(403, "MissingAuthenticationTokenException", "Missing Authentication Token", "bedrock:sigv4-required")
    fields = dict(part.strip().split("=", 1) for part in header[len("AWS4-HMAC-SHA256 "):].split(","))
    key_id, _date, region, service, _terminator = fields["Credential"].split("/")
    auth = request.auth
    if key_id != auth.get("awsAccessKeyId"):
        return _error(403, "UnrecognizedClientException", "The security token included in the request is invalid.", "bedrock:sigv4-access-key")
    if region != auth.get("awsRegionName"):
        return _error(403, "InvalidSignatureException", f"Credential should be scoped to a valid region, not '{region}'. ", "bedrock:sigv4-region")
    if service != SIGNING_NAME:
        return _error(403, "InvalidSignatureException", f"Credential should be scoped to correct service: '{SIGNING_NAME}'. ", "bedrock:sigv4-service")
    # The request as it arrived, signed again by botocore with the pod's secret: only what the client signed.
    signed = {name: request.headers.get(name, "") for name in fields["SignedHeaders"].split(";")}
    query = "&".join(f"{name}={value}" for name, value in request.query.items())
    replay = AWSRequest(method="POST", url=f"http://{request.headers.get('host')}{request.path}{'?' + query if query else ''}", data=request.raw.encode(), headers=signed)
    signer = SigV4Auth(Credentials(key_id, auth.get("awsSecretAccessKey", "")), SIGNING_NAME, region)
    replay.context["timestamp"] = request.headers.get("x-amz-date", "")
    signer._modify_request_before_signing(replay)
    expected = signer.signature(signer.string_to_sign(replay, signer.canonical_request(replay)), replay)
    if expected != fields["Signature"]:
        return _error(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", "bedrock:sigv4-signature")
    return None


def _model_id(request: Request) -> str:
    return unquote(request.path.split("/model/", 1)[1].rsplit("/", 1)[0])


def converse(request: Request) -> Rejection | None:
    rejection = _authorization(request)
    if rejection:
        return rejection
    report = ParamValidator().validate({**(request.body if isinstance(request.body, dict) else {"body": request.body}), "modelId": _model_id(request)}, _converse)
    if report.has_errors():
        return _error(400, "ValidationException", report.generate_report(), "botocore:bedrock-runtime.Converse")
    return None


def invoke(request: Request) -> Rejection | None:
    rejection = _authorization(request)
    if rejection:
        return rejection
    model_id = _model_id(request)
    if "anthropic." not in model_id:
        return None
    body = dict(request.body) if isinstance(request.body, dict) else {}
    if body.pop("anthropic_version", None) != ANTHROPIC_BEDROCK_VERSION:
        return _error(400, "ValidationException", f"anthropic_version: must be {ANTHROPIC_BEDROCK_VERSION}", "anthropic:bedrock-version")
    body.pop("anthropic_beta", None)
    if "model" in body or "stream" in body:
        return _error(400, "ValidationException", "Malformed input request: extraneous key [model/stream] is not permitted", "anthropic:bedrock-body")
    found = anthropic_messages.body_problem({**body, "model": model_id})
    return _error(400, "ValidationException", found[1], found[0]) if found else None


KINDS = {"bedrock-converse": converse, "bedrock-invoke": invoke}
