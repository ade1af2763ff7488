"""LiteLLM's own model cost map, read from the installed package (the JSON the proxy itself loads with
LITELLM_LOCAL_MODEL_COST_MAP), not imported: which base models are reasoning models."""
import importlib.util
import json
import os
from functools import cache


@cache
def _cost_map() -> dict:
    (package,) = importlib.util.find_spec("litellm").submodule_search_locations
    with open(os.path.join(package, "model_prices_and_context_window_backup.json")) as file:
        return json.load(file)


def is_reasoning(profile: dict) -> bool:
    """`supports_reasoning` of the deployment's base model (its model_info.base_model, the key LiteLLM
    prices it by); the catalog's flag only for a base model the map does not hold (azure/global/gpt-5.2)."""
    entry = _cost_map().get(profile.get("baseModel") or "")
    return profile.get("catalogReasoning") is True if entry is None else entry.get("supports_reasoning") is True
