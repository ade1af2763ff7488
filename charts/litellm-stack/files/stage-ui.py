# The `ui` init container: copies LiteLLM's admin UI into the /tmp emptyDir as LITELLM_NON_ROOT
# expects it (/tmp/litellm_ui, every page.html as page/index.html). LiteLLM 1.80.8 otherwise moves
# those files inside its own package at import, which a read-only root filesystem refuses, and
# /ui/login answers 404 (litellm#17825). find_spec locates the package without importing it.
import importlib.util
import os
import shutil

package = importlib.util.find_spec("litellm").submodule_search_locations[0]
target = "/tmp/litellm_ui"
shutil.copytree(os.path.join(package, "proxy", "_experimental", "out"), target, dirs_exist_ok=True)
for name in os.listdir(target):
    page, extension = os.path.splitext(name)
    if extension == ".html" and name != "index.html":
        os.makedirs(os.path.join(target, page), exist_ok=True)
        os.replace(os.path.join(target, name), os.path.join(target, page, "index.html"))
