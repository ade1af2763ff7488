{{/*
Cache feature (cache.enabled). Contract used by other features:
- litellm-stack.cache.env: JSON list of env vars for the proxy (the password, named cache.passwordKey).
- litellm-stack.cache.litellmSettings: JSON object merged into litellm_settings (cache, cache_params).
- litellm-stack.cache.routerSettings: JSON object merged into router_settings (always empty, see below).
- litellm-stack.cache.endpoint: JSON {host, port} the proxy connects to; {} when the cache is off.
- litellm-stack.cache.dragonflyName: name of the in-chart Dragonfly (cache.dragonfly.create); its
  Service has that name, and its pods carry the label app=<name> (set in spec.podMetadata).
*/}}
{{- define "litellm-stack.cache.dragonflyName" -}}{{- include "litellm-stack.names.component" (dict "root" . "component" "dragonfly") -}}{{- end -}}
{{- define "litellm-stack.cache.dragonflySecret" -}}{{- printf "%s-auth" (include "litellm-stack.cache.dragonflyName" .) -}}{{- end -}}

{{/* The exact ACL rule the proxy needs (docs/cache.md explains each part). */}}
{{- define "litellm-stack.cache.aclRule" -}}
~{{ .Values.cache.namespace }}:* ~{* resetchannels -@all +hello +ping +get +set +mget +incrbyfloat +expire +ttl +evalsha +script|load +info
{{- end -}}

{{- define "litellm-stack.cache.endpoint" -}}
{{- $cache := .Values.cache -}}
{{- if not $cache.enabled -}}
{{- toJson dict -}}
{{- else if $cache.dragonfly.create -}}
{{- toJson (dict "host" (printf "%s.%s.svc" (include "litellm-stack.cache.dragonflyName" .) .Release.Namespace) "port" 6379) -}}
{{- else -}}
{{- toJson (dict "host" $cache.host "port" (int $cache.port)) -}}
{{- end -}}
{{- end -}}

{{/* Where the password comes from, as JSON {name, key}; {} without one. */}}
{{- define "litellm-stack.cache.passwordSecret" -}}
{{- $cache := .Values.cache -}}
{{- if not (and $cache.enabled $cache.passwordKey) -}}
{{- toJson dict -}}
{{- else if $cache.dragonfly.create -}}
{{- toJson (dict "name" (include "litellm-stack.cache.dragonflySecret" .) "key" "password") -}}
{{- else -}}
{{- toJson (dict "name" (include "litellm-stack.names.secret" .) "key" $cache.passwordKey) -}}
{{- end -}}
{{- end -}}

{{- define "litellm-stack.cache.env" -}}
{{- $secret := include "litellm-stack.cache.passwordSecret" . | fromJson -}}
{{- if $secret -}}
{{- toJson (list (dict "name" .Values.cache.passwordKey "valueFrom" (dict "secretKeyRef" $secret))) -}}
{{- else -}}
{{- toJson list -}}
{{- end -}}
{{- end -}}

{{/*
Everything LiteLLM needs to reach Redis lives in cache_params: redis-py receives username, password
and ssl from there, and the router reuses this very client (same user, same namespace).
*/}}
{{- define "litellm-stack.cache.litellmSettings" -}}
{{- $cache := .Values.cache -}}
{{- if $cache.enabled -}}
{{- $endpoint := include "litellm-stack.cache.endpoint" . | fromJson -}}
{{- $params := dict "type" "redis" "host" $endpoint.host "port" (int $endpoint.port) "namespace" $cache.namespace -}}
{{- with $cache.username -}}{{- $_ := set $params "username" . -}}{{- end -}}
{{- with $cache.passwordKey -}}{{- $_ := set $params "password" (printf "os.environ/%s" .) -}}{{- end -}}
{{- with $cache.ttl -}}{{- $_ := set $params "ttl" (int .) -}}{{- end -}}
{{- /* Any ssl key, even false, switches redis-py to TLS: render it only when TLS is wanted. */ -}}
{{- if $cache.tls -}}{{- $_ := set $params "ssl" true -}}{{- end -}}
{{- include "litellm-stack.secrets.refuseInline" (dict "values" $cache.params "path" "cache.params" "section" "cache_params in config.yaml (a ConfigMap)") -}}
{{- range $key, $value := $cache.params -}}
{{- if has $key (list "type" "host" "port" "username" "password" "namespace" "ttl" "ssl") -}}
{{- fail (printf "cache.params.%s: the chart renders cache_params.%s from cache.* (host, port, username, passwordKey, namespace, ttl, tls); set it there" $key $key) -}}
{{- end -}}
{{- $_ := set $params $key $value -}}
{{- end -}}
{{- toJson (dict "cache" true "cache_params" $params) -}}
{{- else -}}
{{- toJson dict -}}
{{- end -}}
{{- end -}}

{{/*
Empty on purpose: without router_settings.redis_* the router shares the cache's Redis client. Its own
redis_* settings have no username (LiteLLM drops redis_username), so it would log in as `default`.
*/}}
{{- define "litellm-stack.cache.routerSettings" -}}{{- toJson dict -}}{{- end -}}

{{/* Cross-value rules the schema cannot express. Included by cache-dragonfly.yaml on every render. */}}
{{- define "litellm-stack.cache.checks" -}}
{{- $cache := .Values.cache -}}
{{- range $key, $_ := $.Values.litellm.routerSettings -}}
{{- if and $cache.enabled (hasPrefix "redis_" $key) -}}
{{- fail (printf "litellm.routerSettings.%s: the router already shares the cache's Redis client (cache.*); its own redis_* settings cannot carry the ACL username, so it would log in as the default user" $key) -}}
{{- end -}}
{{- end -}}
{{- if $cache.dragonfly.create -}}
{{- if not $cache.enabled -}}{{- fail "cache.dragonfly.create: the in-chart Dragonfly is only for the proxy's cache; set cache.enabled=true" -}}{{- end -}}
{{- if $cache.host -}}{{- fail (printf "cache.host: leave it empty with cache.dragonfly.create (the proxy then uses the Dragonfly the chart creates), or unset cache.dragonfly.create to use %s" $cache.host) -}}{{- end -}}
{{- if not $cache.username -}}{{- fail "cache.username: the in-chart Dragonfly needs the ACL user the proxy logs in as (e.g. litellm)" -}}{{- end -}}
{{- if $cache.tls -}}{{- fail "cache.tls: the in-chart Dragonfly serves plain TCP inside the namespace; unset cache.tls" -}}{{- end -}}
{{- /* Flags land in the Dragonfly resource and the pod's command line, in plain text; they cannot read a Secret. */ -}}
{{- range $flag, $value := $cache.dragonfly.args -}}
{{- $path := printf "cache.dragonfly.args.%s" $flag -}}
{{- if has $flag (list "requirepass" "masterauth" "aclfile") -}}
{{- fail (printf "%s: the chart sets Dragonfly's password and ACL from the Secret it generates (%s); remove the flag" $path (include "litellm-stack.cache.dragonflySecret" $)) -}}
{{- end -}}
{{- include "litellm-stack.secrets.refuseUserinfo" (dict "value" $value "path" $path) -}}
{{- if and (include "litellm-stack.secrets.isSensitiveKey" $flag) (not (hasSuffix "_file" $flag)) $value -}}
{{- fail (printf "%s: a secret here would be plain text in the Dragonfly resource and the pod's command line (flags cannot read a Secret); leave it out" $path) -}}
{{- end -}}
{{- end -}}
{{- else if and $cache.enabled $cache.passwordKey (not .Values.secrets.existingSecret) (not (hasKey .Values.secrets.values $cache.passwordKey)) -}}
{{- fail (printf "secrets.values.%s: cache.passwordKey reads the cache password from Secret key %s, but the chart-created Secret has no value for it; set secrets.values.%s or use secrets.existingSecret" $cache.passwordKey $cache.passwordKey $cache.passwordKey) -}}
{{- end -}}
{{- end -}}
