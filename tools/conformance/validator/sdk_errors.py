"""What the providers' official SDKs make of a fake's error answer: one real call with the SDK to a
fake backend (no SDK retries), and the typed error it raises. The oracle for the fakes' error bodies:
a body the SDK cannot read loses its code, type or param here."""
import json

import anthropic
import boto3
import botocore.config
import botocore.exceptions
import cohere
import openai
from anthropic.types.shared import ErrorResponse
from pydantic import ValidationError

_messages = [{"role": "user", "content": "hi"}]


def _azure(spec: dict):
    if spec.get("api_version") is None:
        # Azure's path without the api-version query: the plain OpenAI client on the deployment's base.
        return openai.OpenAI(api_key="key", base_url=f"{spec['base_url']}/openai/deployments/{spec['model']}", max_retries=0)
    return openai.AzureOpenAI(api_key="key", azure_endpoint=spec["base_url"], api_version=spec["api_version"], max_retries=0)


def _bedrock(spec: dict, extra: dict) -> dict:
    # boto3 signs for real; its client-side parameter validation is off so a body the service model
    # refuses still reaches the fake, which must refuse it itself.
    auth = spec.get("auth") or {}
    client = boto3.client(
        "bedrock-runtime", endpoint_url=spec["base_url"], region_name=auth.get("awsRegionName"),
        aws_access_key_id=auth.get("awsAccessKeyId"), aws_secret_access_key=auth.get("awsSecretAccessKey"),
        config=botocore.config.Config(parameter_validation=False, retries={"total_max_attempts": 1}),
    )
    if spec.get("operation") == "invoke_model":
        answer = client.invoke_model(modelId=spec["model"], body=json.dumps(extra["body"]), contentType="application/json")
        return {"error": None, "answer": json.loads(answer["body"].read())}
    answer = client.converse(modelId=spec["model"], **{"messages": [{"role": "user", "content": [{"text": "hi"}]}], **extra})
    return {"error": None, "answer": answer["output"]}


def call(spec: dict) -> dict:
    """spec: {provider, base_url, model, api_version?, extra?, auth?, operation?}; answers the SDK's error, or {"error": None}."""
    provider, extra = spec["provider"], spec.get("extra") or {}
    client = None
    try:
        if provider == "azure":
            client = _azure(spec)
            client.chat.completions.create(model=spec["model"], messages=_messages, **extra)
        elif provider == "anthropic":
            client = anthropic.Anthropic(api_key="key", base_url=spec["base_url"], max_retries=0)
            client.messages.create(model=spec["model"], messages=_messages, **{"max_tokens": 64, **extra})
        elif provider == "bedrock":
            return _bedrock(spec, extra)
        elif provider == "cohere":
            cohere.ClientV2(api_key="key", base_url=spec["base_url"]).rerank(
                model=spec["model"], query="q", documents=["a"], request_options={"max_retries": 0}, **extra)
        else:
            raise ValueError(f"no SDK call for provider {provider}")
    except (openai.APIStatusError, anthropic.APIStatusError) as error:
        described = {
            "error": f"{type(error).__module__.split('.')[0]}.{type(error).__name__}", "status": error.status_code, "body": error.body,
            # How long the SDK itself would wait before its retry (retry-after-ms first, then retry-after).
            "retry_after": client._parse_retry_after_header(error.response.headers),
        }
        if isinstance(error, openai.APIStatusError):
            described.update(code=error.code, type=error.type, param=error.param)
        else:
            try:
                described["type"] = ErrorResponse.model_validate(error.body).error.type
            except ValidationError as invalid:
                described["type"] = f"not an anthropic ErrorResponse: {invalid.errors()[0]['msg']}"
        return described
    except botocore.exceptions.ClientError as error:
        # botocore's rest-json parser: the code from x-amzn-ErrorType, the message from the body.
        return {"error": "botocore.ClientError", "status": error.response["ResponseMetadata"]["HTTPStatusCode"], "code": error.response["Error"]["Code"], "body": error.response["Error"]["Message"]}
    except cohere.core.api_error.ApiError as error:
        return {"error": f"cohere.{type(error).__name__}", "status": error.status_code, "body": error.body}
    return {"error": None}
