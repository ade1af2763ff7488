{{/*
Zero-drop shutdown: the preStop hook and the grace period derived from the longest request the chart
allows (docs/operations.md). LiteLLM (uvicorn) drains in-flight requests on SIGTERM with no limit of
its own, so the grace period is what bounds a stream during a rollout.
*/}}

{{/* The longest request the chart allows, as JSON {seconds, source}: the value path that sets it. */}}
{{- define "litellm-stack.shutdown.longestRequest" -}}
{{- $longest := dict "seconds" (int .Values.litellm.router.timeout) "source" "litellm.router.timeout" -}}
{{- $rendered := include "litellm-stack.models.rendered" . | fromJson -}}
{{- range $id, $_ := $rendered -}}
{{- $model := get $.Values.models $id -}}
{{- if hasKey $model "timeout" -}}
{{- $seconds := ceil $model.timeout | int -}}
{{- if gt $seconds (int $longest.seconds) -}}{{- $longest = dict "seconds" $seconds "source" (printf "models.%s.timeout" $id) -}}{{- end -}}
{{- end -}}
{{- end -}}
{{- if and .Values.route.enabled .Values.route.timeouts.request -}}
{{- $seconds := include "litellm-stack.durations.seconds" .Values.route.timeouts.request | int -}}
{{- if gt $seconds (int $longest.seconds) -}}{{- $longest = dict "seconds" $seconds "source" "route.timeouts.request" -}}{{- end -}}
{{- end -}}
{{- toJson $longest -}}
{{- end -}}

{{/* terminationGracePeriodSeconds: the value, or preStop + longest request + 15 s to exit; a shorter value fails. */}}
{{- define "litellm-stack.shutdown.gracePeriodSeconds" -}}
{{- $shutdown := .Values.shutdown -}}
{{- $longest := include "litellm-stack.shutdown.longestRequest" . | fromJson -}}
{{- $needed := add $shutdown.preStopSleepSeconds $longest.seconds -}}
{{- if kindIs "invalid" $shutdown.terminationGracePeriodSeconds -}}
{{- add $needed 15 -}}
{{- else if lt (int $shutdown.terminationGracePeriodSeconds) (int $needed) -}}
{{- fail (printf "shutdown.terminationGracePeriodSeconds: %d is shorter than shutdown.preStopSleepSeconds (%d) + the longest request the chart allows (%d s, %s); streams would be cut at every rollout: set at least %d, or null to derive it" (int $shutdown.terminationGracePeriodSeconds) (int $shutdown.preStopSleepSeconds) (int $longest.seconds) $longest.source (int $needed)) -}}
{{- else -}}
{{- $shutdown.terminationGracePeriodSeconds -}}
{{- end -}}
{{- end -}}

{{/* The container's lifecycle: the user's `lifecycle`, else a preStop sleep (none when it is 0), as JSON. */}}
{{- define "litellm-stack.shutdown.lifecycle" -}}
{{- if .Values.lifecycle -}}
{{- toJson .Values.lifecycle -}}
{{- else if gt (int .Values.shutdown.preStopSleepSeconds) 0 -}}
{{- /* exec sleep rather than the sleep action: that needs Kubernetes 1.30 (the chart supports 1.27). */ -}}
{{- toJson (dict "preStop" (dict "exec" (dict "command" (list "sleep" (toString .Values.shutdown.preStopSleepSeconds))))) -}}
{{- else -}}
{{- toJson dict -}}
{{- end -}}
{{- end -}}

{{/*
The proxy env the operations values set, as a JSON list: log level and format, the local price map,
the separate health app's switches. Under
supervisord (SEPARATE_HEALTH_APP) the stop wait is the grace period minus preStop, so supervisord
keeps draining for as long as the kubelet lets it.
*/}}
{{- define "litellm-stack.operations.env" -}}
{{- $litellm := .Values.litellm -}}
{{- $env := list (dict "name" "LITELLM_LOG" "value" $litellm.logLevel) -}}
{{- /* LiteLLM reads any non-empty JSON_LOGS as true. */ -}}
{{- if $litellm.jsonLogs -}}{{- $env = append $env (dict "name" "JSON_LOGS" "value" "True") -}}{{- end -}}
{{- if $litellm.localModelCostMap -}}{{- $env = append $env (dict "name" "LITELLM_LOCAL_MODEL_COST_MAP" "value" "True") -}}{{- end -}}
{{- with .Values.healthApp -}}
{{- if .enabled -}}
{{- if eq (int .port) (int $.Values.litellm.port) -}}
{{- fail (printf "healthApp.port: %d is litellm.port as well; the health app needs a port of its own" (int .port)) -}}
{{- end -}}
{{- $stopWait := sub (include "litellm-stack.shutdown.gracePeriodSeconds" $ | int) $.Values.shutdown.preStopSleepSeconds -}}
{{- $env = concat $env (list
  (dict "name" "SEPARATE_HEALTH_APP" "value" "1")
  (dict "name" "SEPARATE_HEALTH_PORT" "value" (toString .port))
  (dict "name" "SUPERVISORD_STOPWAITSECS" "value" (toString $stopWait))) -}}
{{- end -}}
{{- end -}}
{{- toJson $env -}}
{{- end -}}

{{/*
The container port name the liveness probe uses. Readiness stays on the proxy: the health app is a
process without the proxy's config, whose /health/readiness reports healthy even when the proxy is frozen.
*/}}
{{- define "litellm-stack.healthApp.probePort" -}}
{{- if .Values.healthApp.enabled -}}health{{- else -}}http{{- end -}}
{{- end -}}

{{/*
Combinations that render but break in production. Included by proxy-deployment.yaml on every render.
- More than one proxy process without a cache: usage-based routing counts rpm/tpm per process, so every
  limit is multiplied by the number of processes (LiteLLM's redis_requirements page).
- An image tag of a compromised LiteLLM release (files/compromised-litellm.json, shared with the
  conformance suite's pin check).
- A digest pin with pullPolicy Never: the kubelet may not pull it.
- A command override with the health app: only the image's entrypoint starts it.
- A loadBalancerClass on a Service that is not a LoadBalancer: the API server refuses it.
*/}}
{{- define "litellm-stack.operations.checks" -}}
{{- $processes := mul (include "litellm-stack.proxy.maxReplicas" . | int) .Values.litellm.numWorkers -}}
{{- $strategy := .Values.litellm.router.routingStrategy -}}
{{- if and (gt (int $processes) 1) (hasPrefix "usage-based-routing" $strategy) (not .Values.cache.enabled) -}}
{{- fail (printf "litellm.router.routingStrategy: %s counts rpm/tpm in each proxy process, and %d can run (replicas, autoscaling.maxReplicas or keda.maxReplicas × litellm.numWorkers) without a shared cache, which multiplies every limit; set cache.enabled (Redis) or use one replica with one worker" $strategy (int $processes)) -}}
{{- end -}}
{{- $version := regexFind "[0-9]+\\.[0-9]+\\.[0-9]+" .Values.image.tag -}}
{{- range (.Files.Get "files/compromised-litellm.json" | fromJson).releases -}}
{{- if eq .version $version -}}
{{- fail (printf "image.tag: %s is LiteLLM %s, a compromised release (%s: %s); pin another release, and rotate every credential a pod of it held" $.Values.image.tag .version .advisory .note) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.command .Values.healthApp.enabled -}}
{{- fail "command: replaces the image's entrypoint, the only thing that starts the separate health app (healthApp.enabled), so the liveness probe would fail; unset command or healthApp.enabled" -}}
{{- end -}}
{{- if and .Values.service.loadBalancerClass (ne .Values.service.type "LoadBalancer") -}}
{{- fail (printf "service.loadBalancerClass: only a Service of type LoadBalancer may have one (service.type is %s); the API server refuses it" .Values.service.type) -}}
{{- end -}}
{{- if and .Values.image.digest (eq .Values.image.pullPolicy "Never") -}}
{{- fail (printf "image.pullPolicy: Never cannot pull the digest-pinned image %s; use IfNotPresent (a digest never changes) or Always" (include "litellm-stack.proxy.image" .)) -}}
{{- end -}}
{{- end -}}
