"""Cohere Rerank v2 (`<base>/v2/rerank`): the parameters of the `cohere` SDK's `V2Client.rerank`, whose
body it sends as they are (the SDK has no request type for it, so one is built from the signature)."""
import uuid

from cohere.v2.client import V2Client

from rejection import Rejection, Request
from sdk import errors, params_adapter

_rerank = params_adapter("V2RerankParams", V2Client.rerank, skip=("request_options",))


def rerank(request: Request) -> Rejection | None:
    found = errors(_rerank, request.body)
    if found:
        # Cohere's error body: an id and a message.
        return Rejection(400, {"id": str(uuid.uuid4()), "message": f"invalid request: {'; '.join(found)}"}, "sdk:cohere.V2Client.rerank")
    return None


KINDS = {"cohere-rerank": rerank}
