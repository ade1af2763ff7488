{{/*
OIDC login feature (oidc.enabled). Contract used by the proxy templates:
- litellm-stack.oidc.env: JSON list of env vars for the proxy (GENERIC_*, PROXY_BASE_URL).
*/}}
{{- define "litellm-stack.oidc.env" -}}{{- toJson list -}}{{- end -}}
