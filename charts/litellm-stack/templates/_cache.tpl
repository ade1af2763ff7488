{{/*
Cache feature (cache.enabled). Contract used by other features:
- litellm-stack.cache.env: JSON list of env vars for the proxy.
- litellm-stack.cache.litellmSettings: JSON object merged into litellm_settings (cache, cache_params).
- litellm-stack.cache.routerSettings: JSON object merged into router_settings.
*/}}
{{- define "litellm-stack.cache.env" -}}{{- toJson list -}}{{- end -}}
{{- define "litellm-stack.cache.litellmSettings" -}}{{- toJson dict -}}{{- end -}}
{{- define "litellm-stack.cache.routerSettings" -}}{{- toJson dict -}}{{- end -}}
