"""Prints, as JSON, the config keys the installed LiteLLM accepts (packages/catalog/src/values/litellm-keys.ts).

router_settings: the proxy keeps only keys that are Router.__init__ parameters and drops the rest
silently. general_settings: no schema is enforced at load; the known keys are ConfigGeneralSettings'
fields plus every key the proxy's code reads from the dict.

litellm_params of a deployment: the fields of LiteLLM_Params, LiteLLM's own list of litellm params, and
the parameters of the endpoint functions the router hands a deployment's params to, and the names
provider code reads from the call's kwargs / optional params (input_type, output_format, …); any other
key reaches those functions as a **kwarg that nothing reads.

litellm_settings: the keys the proxy handles itself (`key == "…"` in load_config's loop, or read from
the dict elsewhere), and module attributes of `litellm` that the proxy sets with setattr and that some
code reads back as `litellm.<name>`; setattr of any other name has no effect.

cache_params: the parameters of litellm's Cache (the proxy passes cache_params to it as they are), of
its RedisCache, and of redis-py's client, which receives the rest as **kwargs (username, ssl, …).

Top-level config sections: the keys ProxyConfig's methods read from the loaded config dict
(`config.get("x")`, `config["x"]`); the proxy ignores any other top-level key.

model_info supports_* flags: the capability fields of LiteLLM's ModelInfo.

The bundled cost map's model names (LITELLM_LOCAL_MODEL_COST_MAP=True: the map in the package, not
the one LiteLLM would download): a base_model outside it is tracked at cost 0.
"""
import ast
import inspect
import json
from importlib.metadata import version
import pathlib
import re
import types
import typing

import litellm
import redis
from litellm.caching.caching import Cache
from litellm.caching.redis_cache import RedisCache
from litellm.proxy._types import ConfigGeneralSettings
from litellm.types.router import LiteLLM_Params
from litellm.types.utils import ModelInfoBase, all_litellm_params

PACKAGE = pathlib.Path(litellm.__file__).parent

# general_settings.get("x"...), general_settings["x"], "x" in general_settings (not general_settings.y / [...])
READ = re.compile(
    r"general_settings(?:\.get\(|\[)\s*[\"']([a-z0-9_]+)[\"']"
    r"|[\"']([a-z0-9_]+)[\"']\s+(?:not\s+)?in\s+general_settings(?![\w.\[])"
)
# Provider code reads a deployment's other params from the call's kwargs / optional params by name.
PARAM_READ = re.compile(
    r"\b(?:kwargs|optional_params|non_default_params|litellm_params)(?:\.(?:get|pop)\(|\[)\s*[\"']([a-z][a-z0-9_]*)[\"']"
    r"|[\"']([a-z][a-z0-9_]*)[\"']\s+(?:not\s+)?in\s+(?:kwargs|optional_params|non_default_params|litellm_params)\b(?![\w.\[])"
)
SETTINGS_READ = re.compile(
    r"litellm_settings(?:\.get\(|\[)\s*[\"']([a-z0-9_]+)[\"']"
    r"|[\"']([a-z0-9_]+)[\"']\s+(?:not\s+)?in\s+litellm_settings(?![\w.\[])"
)


def sources(folder: pathlib.Path):
    for path in sorted(folder.rglob("*.py")):
        yield path, path.read_text(encoding="utf-8")


def matches(pattern: re.Pattern, folder: pathlib.Path) -> set:
    return {m.group(1) or m.group(2) for _, text in sources(folder) for m in pattern.finditer(text)}


def model_params() -> list:
    keys = set(LiteLLM_Params.model_fields) | set(all_litellm_params)
    endpoints = [litellm.completion, litellm.embedding, litellm.image_generation, litellm.rerank,
                 litellm.speech, litellm.transcription, litellm.responses, litellm.text_completion]
    for function in endpoints:
        keys |= {name for name, p in inspect.signature(function).parameters.items()
                 if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)}
    return sorted(keys | matches(PARAM_READ, PACKAGE))


def settings_special_keys() -> set:
    """`key == "x"` comparisons inside the proxy's `for key, value in litellm_settings.items()` loop."""
    tree = ast.parse((PACKAGE / "proxy" / "proxy_server.py").read_text(encoding="utf-8"))
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.For) and "litellm_settings.items()" in ast.unparse(node.iter):
            for compare in ast.walk(node):
                if (isinstance(compare, ast.Compare) and isinstance(compare.left, ast.Name) and compare.left.id == "key"
                        and isinstance(compare.comparators[0], ast.Constant)):
                    keys.add(compare.comparators[0].value)
    return keys


def settings_attributes() -> set:
    """Data attributes of the litellm module that code reads as `litellm.<name>` (outside its __init__)."""
    read = set()
    for path, text in sources(PACKAGE):
        if path == PACKAGE / "__init__.py":
            continue
        read |= set(re.findall(r"\blitellm\.([a-z_][a-z0-9_]*)\b(?!\s*=[^=])", text))
    plain = (type(None), bool, int, float, str, list, dict, set, tuple)
    return {name for name in read
            if not name.startswith("_") and hasattr(litellm, name) and isinstance(getattr(litellm, name), plain)}


def router_defaults_from_settings() -> list:
    """[parameter, setting] where Router.__init__ falls back to a litellm setting of another name
    (`self.timeout = timeout or litellm.request_timeout`): litellm_settings sets the same value. Module
    constants (ROUTER_MAX_FALLBACKS) are defaults, not settings."""
    tree = ast.parse(inspect.getsource(litellm.Router.__init__).lstrip())
    params = set(inspect.signature(litellm.Router.__init__).parameters)
    pairs = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Attribute)
                and isinstance(node.targets[0].value, ast.Name) and node.targets[0].value.id == "self"):
            continue
        param = node.targets[0].attr
        for read in ast.walk(node.value):
            if (param in params and isinstance(read, ast.Attribute) and isinstance(read.value, ast.Name)
                    and read.value.id == "litellm" and read.attr != param and read.attr.islower()):
                pairs.add((param, read.attr))
    return sorted([list(pair) for pair in pairs])


def config_sections() -> list:
    """Keys ProxyConfig reads from the dict its methods call `config` (the loaded config.yaml), except in
    methods where `config` is a field of some other record (`config = row.param_value`: a database row)."""
    tree = ast.parse((PACKAGE / "proxy" / "proxy_server.py").read_text(encoding="utf-8"))
    proxy_config = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "ProxyConfig")
    methods = [node for node in proxy_config.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
               and not any(isinstance(a, ast.Assign) and isinstance(a.value, ast.Attribute)
                           and any(isinstance(t, ast.Name) and t.id == "config" for t in a.targets) for a in ast.walk(node))]
    keys = set()
    for node in (inner for method in methods for inner in ast.walk(method)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "config"
                and node.args and isinstance(node.args[0], ast.Constant)):
            keys.add(node.args[0].value)
        elif (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "config"
                and isinstance(node.slice, ast.Constant)):
            keys.add(node.slice.value)
    return sorted(keys)


def supports_flags() -> list:
    hints = typing.get_type_hints(ModelInfoBase)
    return sorted(name for name in hints if name.startswith("supports_"))


print(json.dumps({
    "version": version("litellm"),
    "routerInitParams": [name for name in inspect.signature(litellm.Router.__init__).parameters if name != "self"],
    "configGeneralSettingsFields": sorted(ConfigGeneralSettings.model_fields),
    "generalSettingsRead": sorted(matches(READ, PACKAGE / "proxy")),
    "modelParams": model_params(),
    "litellmSettingsHandled": sorted(settings_special_keys() | matches(SETTINGS_READ, PACKAGE / "proxy")),
    "litellmSettingsAttributes": sorted(settings_attributes()),
    "cacheParams": sorted({name for function in (Cache.__init__, RedisCache.__init__, redis.Redis.__init__)
                           for name, p in inspect.signature(function).parameters.items()
                           if name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)}),
    "supportsFlags": supports_flags(),
    "routerDefaultsFromSettings": router_defaults_from_settings(),
    "configSections": config_sections(),
    "costMapModels": sorted(name for name in litellm.model_cost if name != "sample_spec"),
}))
