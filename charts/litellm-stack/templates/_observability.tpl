{{/*
Observability feature (monitoring, tracing, langfuse). Contract used by the proxy templates:
- litellm-stack.observability.env: JSON list of env vars for the proxy.
- litellm-stack.observability.litellmSettings: JSON object merged into litellm_settings (callbacks, …).
- litellm-stack.observability.volumes / .volumeMounts: JSON lists (e.g. PROMETHEUS_MULTIPROC_DIR).
Each feature adds to the shared callback lists here, so `callbacks` holds prometheus and otel at once.
*/}}

{{/* Where the workers of one pod share their Prometheus samples (prometheus_client multiprocess mode). */}}
{{- define "litellm-stack.observability.multiprocDir" -}}/prometheus-multiproc{{- end -}}

{{/* "true" when metrics are on and more than one uvicorn worker serves them. */}}
{{- define "litellm-stack.observability.multiproc" -}}
{{- if and .Values.monitoring.metrics.enabled (gt (int .Values.litellm.numWorkers) 1) -}}true{{- end -}}
{{- end -}}

{{- define "litellm-stack.observability.env" -}}
{{- $secret := include "litellm-stack.names.secret" . -}}
{{- $env := list -}}
{{- if include "litellm-stack.observability.multiproc" . -}}
{{- $env = append $env (dict "name" "PROMETHEUS_MULTIPROC_DIR" "value" (include "litellm-stack.observability.multiprocDir" .)) -}}
{{- end -}}
{{- with .Values.tracing -}}
{{- if .enabled -}}
{{- $env = concat $env (list
  (dict "name" "OTEL_EXPORTER" "value" .exporter)
  (dict "name" "OTEL_ENDPOINT" "value" .endpoint)
  (dict "name" "OTEL_SERVICE_NAME" "value" .serviceName)) -}}
{{- if .headersKey -}}
{{- include "litellm-stack.secrets.requireKey" (dict "root" $ "key" .headersKey "value" "tracing.headersKey") -}}
{{- $env = append $env (dict "name" "OTEL_HEADERS" "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" .headersKey))) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- with .Values.langfuse -}}
{{- if .enabled -}}
{{- $env = append $env (dict "name" "LANGFUSE_HOST" "value" .host) -}}
{{- range $name, $path := dict "LANGFUSE_PUBLIC_KEY" "publicKeyKey" "LANGFUSE_SECRET_KEY" "secretKeyKey" -}}
{{- $key := get $.Values.langfuse $path -}}
{{- include "litellm-stack.secrets.requireKey" (dict "root" $ "key" $key "value" (printf "langfuse.%s" $path)) -}}
{{- $env = append $env (dict "name" $name "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" $key))) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $env -}}
{{- end -}}

{{- define "litellm-stack.observability.litellmSettings" -}}
{{- $callbacks := list -}}
{{- $settings := dict -}}
{{- if .Values.monitoring.metrics.enabled -}}
{{- $callbacks = append $callbacks "prometheus" -}}
{{- /* Singular: LiteLLM reads service_callback and silently ignores service_callbacks. It only reports through a mounted /metrics, i.e. with "prometheus" in callbacks. */ -}}
{{- $_ := set $settings "service_callback" (list "prometheus_system") -}}
{{- /* /metrics carries key, team and user aliases (litellm#24530): it asks for a key like the API. */ -}}
{{- if .Values.monitoring.metrics.requireAuth -}}{{- $_ := set $settings "require_auth_for_metrics_endpoint" true -}}{{- end -}}
{{- end -}}
{{- if .Values.tracing.enabled -}}{{- $callbacks = append $callbacks "otel" -}}{{- end -}}
{{- if $callbacks -}}{{- $_ := set $settings "callbacks" $callbacks -}}{{- end -}}
{{- if .Values.langfuse.enabled -}}
{{- $_ := set $settings "success_callback" (list "langfuse") -}}
{{- $_ := set $settings "failure_callback" (list "langfuse") -}}
{{- end -}}
{{- toJson $settings -}}
{{- end -}}

{{- define "litellm-stack.observability.volumes" -}}
{{- if include "litellm-stack.observability.multiproc" . -}}
{{- toJson (list (dict "name" "prometheus-multiproc" "emptyDir" dict)) -}}
{{- else -}}{{- toJson list -}}{{- end -}}
{{- end -}}

{{- define "litellm-stack.observability.volumeMounts" -}}
{{- if include "litellm-stack.observability.multiproc" . -}}
{{- toJson (list (dict "name" "prometheus-multiproc" "mountPath" (include "litellm-stack.observability.multiprocDir" .))) -}}
{{- else -}}{{- toJson list -}}{{- end -}}
{{- end -}}

{{/* The consumers of /metrics/ need the exporter: fail early rather than scrape a 404. */}}
{{- define "litellm-stack.observability.requireMetrics" -}}
{{- if not .root.Values.monitoring.metrics.enabled -}}
{{- fail (printf "monitoring.%s.enabled: needs monitoring.metrics.enabled=true (LiteLLM only serves /metrics/ with the prometheus callback)" .consumer) -}}
{{- end -}}
{{- end -}}

{{/* Seconds in a Prometheus or Gateway API duration such as 1m30s (ms are dropped); routes use it too. */}}
{{- define "litellm-stack.durations.seconds" -}}
{{- $units := dict "s" 1 "m" 60 "h" 3600 "d" 86400 "w" 604800 "y" 31536000 -}}
{{- $total := 0 -}}
{{- range regexFindAll "[0-9]+(ms|[smhdwy])" . -1 -}}
{{- $unit := regexFind "[a-z]+$" . -}}
{{- if ne $unit "ms" -}}{{- $total = add $total (mul (trimSuffix $unit . | int) (get $units $unit)) -}}{{- end -}}
{{- end -}}
{{- $total -}}
{{- end -}}

{{/* Label matchers that select this release's proxy targets in Prometheus (ServiceMonitor target labels). */}}
{{- define "litellm-stack.observability.targetSelector" -}}
{{- printf "namespace=%q, service=%q" .Release.Namespace (include "litellm-stack.names.fullname" .) -}}
{{- end -}}
