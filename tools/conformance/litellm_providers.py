"""Prints, as JSON, what the installed LiteLLM knows about providers (packages/catalog/src/values/litellm-providers.ts).

providers: the values of `litellm.provider_list` (the LlmProviders enum), the prefixes `<provider>/`
that LiteLLM's get_llm_provider accepts in a deployment's model.

unprefixed: a model without a prefix is resolved by get_llm_provider from LiteLLM's per-provider model
lists (built from its bundled cost map). Every name of the bundled cost map without a `/`, with the
provider get_llm_provider gives it; names it cannot resolve, or resolves to a provider outside its
provider_list (aleph_alpha), are left out: no credential can serve them.

defaultApiBases: the endpoint get_llm_provider fills in for an OpenAI-compatible provider
(litellm.openai_compatible_providers: groq, mistral, openrouter, …) when the deployment gives none.
Providers that log in with a device-code flow (github_copilot, chatgpt) are not asked: resolving them
starts that login.
"""
import contextlib
import io
import json
from importlib.metadata import version

import litellm

DEVICE_LOGIN = {"github_copilot", "chatgpt"}


def resolve(model: str, provider=None):
    try:
        # LiteLLM prints its provider list to stdout when it refuses a model.
        with contextlib.redirect_stdout(io.StringIO()):
            return litellm.get_llm_provider(model=model, custom_llm_provider=provider)
    except Exception:  # LiteLLM refuses the model: it has no provider
        return None


def main() -> None:
    providers = sorted({p.value if hasattr(p, "value") else str(p) for p in litellm.provider_list})
    unprefixed = {}
    for name in sorted(litellm.model_cost):
        if "/" in name or name == "sample_spec":
            continue
        resolved = resolve(name)
        if resolved is not None and resolved[1] in providers:
            unprefixed[name] = resolved[1]
    bases = {}
    for provider in sorted(set(litellm.openai_compatible_providers) - DEVICE_LOGIN):
        resolved = resolve("any-model", provider)
        if resolved is not None and resolved[3]:
            bases[provider] = resolved[3]
    print(json.dumps({"version": version("litellm"), "providers": providers, "unprefixed": unprefixed,
                      "defaultApiBases": bases}, indent=1, sort_keys=True))


main()
