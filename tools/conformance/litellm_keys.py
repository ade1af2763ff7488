"""Prints, as JSON, the settings keys the installed LiteLLM accepts (packages/catalog/src/values/litellm-keys.ts).

router_settings: the proxy keeps only keys that are Router.__init__ parameters and drops the rest
silently. general_settings: no schema is enforced at load; the known keys are ConfigGeneralSettings'
fields plus every key the proxy's code reads from the dict.
"""
import inspect
import json
from importlib.metadata import version
import pathlib
import re

import litellm
from litellm.proxy._types import ConfigGeneralSettings

# general_settings.get("x"...), general_settings["x"], "x" in general_settings (not general_settings.y / [...])
READ = re.compile(
    r"general_settings(?:\.get\(|\[)\s*[\"']([a-z0-9_]+)[\"']"
    r"|[\"']([a-z0-9_]+)[\"']\s+(?:not\s+)?in\s+general_settings(?![\w.\[])"
)


def general_settings_read() -> list:
    proxy = pathlib.Path(litellm.__file__).parent / "proxy"
    keys = set()
    for path in proxy.rglob("*.py"):
        for match in READ.finditer(path.read_text(encoding="utf-8")):
            keys.add(match.group(1) or match.group(2))
    return sorted(keys)


print(json.dumps({
    "version": version("litellm"),
    "routerInitParams": [name for name in inspect.signature(litellm.Router.__init__).parameters if name != "self"],
    "configGeneralSettingsFields": sorted(ConfigGeneralSettings.model_fields),
    "generalSettingsRead": general_settings_read(),
}))
