{{/*
Observability feature (monitoring, tracing, langfuse). Contract used by the proxy templates:
- litellm-stack.observability.env: JSON list of env vars for the proxy.
- litellm-stack.observability.litellmSettings: JSON object merged into litellm_settings (callbacks, …).
- litellm-stack.observability.volumes / .volumeMounts: JSON lists (e.g. PROMETHEUS_MULTIPROC_DIR).
*/}}
{{- define "litellm-stack.observability.env" -}}{{- toJson list -}}{{- end -}}
{{- define "litellm-stack.observability.litellmSettings" -}}{{- toJson dict -}}{{- end -}}
{{- define "litellm-stack.observability.volumes" -}}{{- toJson list -}}{{- end -}}
{{- define "litellm-stack.observability.volumeMounts" -}}{{- toJson list -}}{{- end -}}
