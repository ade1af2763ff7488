{{/*
Render-time checks of what the schema cannot see: derived names, labels and sizes against the limits
the API server or an operator enforces, and LiteLLM settings that LiteLLM accepts silently but gets
wrong. Each message starts with the values path to change. Included once by proxy-configmap.yaml.
*/}}

{{/* The value that decides the object names: fullnameOverride, else nameOverride and the release name. */}}
{{- define "litellm-stack.checks.nameSource" -}}
{{- if .Values.fullnameOverride -}}fullnameOverride{{- else -}}nameOverride (or the release name){{- end -}}
{{- end -}}

{{/* Names the chart derives, checked before names.component truncates them into collisions. */}}
{{- define "litellm-stack.checks.names" -}}
{{- $fullname := include "litellm-stack.names.fullname" . -}}
{{- $source := include "litellm-stack.checks.nameSource" . -}}
{{- if not (regexMatch "^[a-z]([-a-z0-9]*[a-z0-9])?$" $fullname) -}}
{{- fail (printf "%s: the full name %q is not a DNS-1035 label (lower case letters, digits and '-', starting with a letter), which Service names must be; set fullnameOverride to one" $source $fullname) -}}
{{- end -}}
{{- $components := list "migrate" "dashboard" -}}
{{- if eq .Values.database.mode "cnpg" -}}{{- $components = concat $components (list "db" "db-litellm" "db-app") -}}{{- end -}}
{{- if .Values.backup.enabled -}}{{- $components = append $components "backup" -}}{{- end -}}
{{- if .Values.cache.dragonfly.create -}}{{- $components = concat $components (list "dragonfly" "dragonfly-auth") -}}{{- end -}}
{{- range $components -}}
{{- $name := printf "%s-%s" $fullname . -}}
{{- if gt (len $name) 63 -}}
{{- fail (printf "%s: the derived object name %s is %d characters, Kubernetes allows 63; shorten %s" $source $name (len $name) $source) -}}
{{- end -}}
{{- end -}}
{{- $cluster := printf "%s-db" $fullname -}}
{{- if and (eq .Values.database.mode "cnpg") (gt (len $cluster) 50) -}}
{{- fail (printf "%s: the CloudNativePG Cluster name %s is %d characters, CNPG allows 50 (it derives Service and Pod names from it); shorten %s" $source $cluster (len $cluster) $source) -}}
{{- end -}}
{{- if and .Values.route.enabled (ne (include "litellm-stack.route.namespace" .) .Release.Namespace) -}}
{{- $grant := printf "%s-from-%s" $fullname (include "litellm-stack.route.namespace" .) -}}
{{- if gt (len $grant) 63 -}}
{{- fail (printf "route.namespace: the ReferenceGrant name %s is %d characters, Kubernetes allows 63; shorten route.namespace or %s" $grant (len $grant) $source) -}}
{{- end -}}
{{- end -}}
{{- /* Secrets the chart or the operators create must not be the user's existing Secret. */ -}}
{{- $made := list -}}
{{- if .Values.cache.dragonfly.create -}}{{- $made = append $made (include "litellm-stack.cache.dragonflySecret" .) -}}{{- end -}}
{{- if eq .Values.database.mode "cnpg" -}}{{- $made = append $made (printf "%s-app" $cluster) -}}{{- end -}}
{{- if has .Values.secrets.existingSecret $made -}}
{{- fail (printf "secrets.existingSecret: %s is the Secret the chart (or its operator) creates itself; name your own Secret differently" .Values.secrets.existingSecret) -}}
{{- end -}}
{{- end -}}

{{/* Labels the chart sets itself; a values label map may not restate them (duplicate keys, or a pod leaving its own selector). */}}
{{- define "litellm-stack.checks.labels" -}}
{{- $chartLabels := include "litellm-stack.labels.common" . | fromYaml -}}
{{- $maps := dict "podLabels" .Values.podLabels "monitoring.serviceMonitor.labels" .Values.monitoring.serviceMonitor.labels "monitoring.dashboard.labels" .Values.monitoring.dashboard.labels "monitoring.prometheusRule.labels" .Values.monitoring.prometheusRule.labels "database.cnpg.podMonitor.labels" .Values.database.cnpg.podMonitor.labels "route.labels" .Values.route.labels -}}
{{- range $path, $labels := $maps -}}
{{- range $key, $_ := $labels -}}
{{- if or (hasKey $chartLabels $key) (eq $key "app.kubernetes.io/component") -}}
{{- fail (printf "%s.%s: the chart sets this label itself (%s selects the proxy's pods and names its objects); use another key" $path $key $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A Kubernetes quantity in milli-units (float), or fails naming the value. Input: (dict "value" Q "path" P). */}}
{{- define "litellm-stack.checks.quantity" -}}
{{- $q := toString .value -}}
{{- $match := regexFindAll "^([0-9]+(\\.[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$" $q 1 -}}
{{- if not $match -}}
{{- fail (printf "%s: %q is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 1Gi)" .path $q) -}}
{{- end -}}
{{- $suffix := regexReplaceAll "^[0-9.]+" $q "" -}}
{{- $factors := dict "" 1000.0 "m" 1.0 "k" 1e6 "M" 1e9 "G" 1e12 "T" 1e15 "P" 1e18 "E" 1e21 "Ki" 1024000.0 "Mi" 1048576000.0 "Gi" 1073741824000.0 "Ti" 1099511627776000.0 "Pi" 1125899906842624000.0 "Ei" 1152921504606846976000.0 -}}
{{- mulf (float64 (regexFind "^[0-9.]+" $q)) (get $factors $suffix) -}}
{{- end -}}

{{/* limits ≥ requests, every quantity well-formed. Input: (dict "resources" R "path" "resources"). */}}
{{- define "litellm-stack.checks.resources" -}}
{{- $ctx := . -}}
{{- $limits := .resources.limits | default dict -}}
{{- range $section := list "requests" "limits" -}}
{{- range $name, $value := get ($ctx.resources | default dict) $section | default dict -}}
{{- if not (or (has $name (list "cpu" "memory" "ephemeral-storage")) (hasPrefix "hugepages-" $name) (contains "/" $name)) -}}
{{- fail (printf "%s.%s.%s: not a container resource the API server accepts: cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource with its domain (e.g. nvidia.com/gpu)" $ctx.path $section $name) -}}
{{- end -}}
{{- $_ := include "litellm-stack.checks.quantity" (dict "value" $value "path" (printf "%s.%s.%s" $ctx.path $section $name)) -}}
{{- end -}}
{{- end -}}
{{- range $name, $request := .resources.requests | default dict -}}
{{- if hasKey $limits $name -}}
{{- $r := include "litellm-stack.checks.quantity" (dict "value" $request "path" "") | float64 -}}
{{- $l := include "litellm-stack.checks.quantity" (dict "value" (get $limits $name) "path" "") | float64 -}}
{{- if gt $r $l -}}
{{- fail (printf "%s.limits.%s: %v is below %s.requests.%s %v; Kubernetes refuses it: raise the limit or lower the request" $ctx.path $name (get $limits $name) $ctx.path $name $request) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Workload values the API server refuses, or accepts into a rollout or PDB that cannot work. */}}
{{- define "litellm-stack.checks.workload" -}}
{{- include "litellm-stack.checks.resources" (dict "resources" .Values.resources "path" "resources") -}}
{{- include "litellm-stack.checks.resources" (dict "resources" .Values.database.cnpg.resources "path" "database.cnpg.resources") -}}
{{- include "litellm-stack.checks.resources" (dict "resources" .Values.cache.dragonfly.resources "path" "cache.dragonfly.resources") -}}
{{- $strategy := .Values.strategy -}}
{{- if and (eq (trimSuffix "%" $strategy.maxSurge | int) 0) (eq (trimSuffix "%" $strategy.maxUnavailable | int) 0) -}}
{{- fail "strategy.maxUnavailable: maxSurge and maxUnavailable are both 0, so a rollout could never replace a pod; Kubernetes refuses it: allow a surge (e.g. strategy.maxSurge: 25%)" -}}
{{- end -}}
{{- if and (hasSuffix "%" $strategy.maxUnavailable) (gt (trimSuffix "%" $strategy.maxUnavailable | int) 100) -}}
{{- fail (printf "strategy.maxUnavailable: %s is over 100%%; Kubernetes refuses it: use at most 100%%" $strategy.maxUnavailable) -}}
{{- end -}}
{{- $minReplicas := include "litellm-stack.proxy.minReplicas" . | int -}}
{{- if and .Values.podDisruptionBudget.enabled (gt $minReplicas 1) (ge (int .Values.podDisruptionBudget.maxUnavailable) $minReplicas) -}}
{{- fail (printf "podDisruptionBudget.maxUnavailable: %d lets a disruption take all %d replicas at once, so the PDB protects nothing; lower it below the replica count" (int .Values.podDisruptionBudget.maxUnavailable) $minReplicas) -}}
{{- end -}}
{{- /* Every name and path the chart may use, whether or not this render needs it: a later values change must not clash. */ -}}
{{- $volumes := dict "config" true "config-models" true "prometheus-multiproc" true "credential-files" true -}}
{{- $mounts := dict "/app/config.yaml" true "/app/models" true (include "litellm-stack.observability.multiprocDir" .) true (include "litellm-stack.providers.data" . | fromJson).filesDir true -}}
{{- range include "litellm-stack.proxy.writableDirs" . | fromJsonArray -}}
{{- $_ := set $volumes .name true -}}
{{- $_ := set $mounts .mountPath true -}}
{{- end -}}
{{- range $index, $volume := .Values.extraVolumes -}}
{{- if hasKey $volumes (toString $volume.name) -}}
{{- fail (printf "extraVolumes[%d].name: a volume named %v already exists in the pod; use another name" $index $volume.name) -}}
{{- end -}}
{{- $sources := without (keys $volume) "name" -}}
{{- if ne (len $sources) 1 -}}
{{- fail (printf "extraVolumes[%d]: a volume has exactly one source (emptyDir, configMap, secret, persistentVolumeClaim, …), this one has %d (%s); the API server refuses it" $index (len $sources) ($sources | sortAlpha | join ", ")) -}}
{{- end -}}
{{- $_ := set $volumes (toString $volume.name) true -}}
{{- end -}}
{{- range $index, $mount := .Values.extraVolumeMounts -}}
{{- if hasKey $mounts (toString $mount.mountPath) -}}
{{- fail (printf "extraVolumeMounts[%d].mountPath: %v is already mounted in the container; use another path" $index $mount.mountPath) -}}
{{- end -}}
{{- if not (hasKey $volumes (toString $mount.name)) -}}
{{- fail (printf "extraVolumeMounts[%d].name: the pod has no volume named %v; add it to extraVolumes" $index $mount.name) -}}
{{- end -}}
{{- $_ := set $mounts (toString $mount.mountPath) true -}}
{{- end -}}
{{- range $index, $toleration := .Values.tolerations -}}
{{- if not (has ($toleration.operator | default "Equal") (list "Equal" "Exists")) -}}
{{- fail (printf "tolerations[%d].operator: %v is not Equal or Exists" $index $toleration.operator) -}}
{{- end -}}
{{- if not (has ($toleration.effect | default "") (list "" "NoSchedule" "PreferNoSchedule" "NoExecute")) -}}
{{- fail (printf "tolerations[%d].effect: %v is not NoSchedule, PreferNoSchedule or NoExecute (or empty: all effects)" $index $toleration.effect) -}}
{{- end -}}
{{- end -}}
{{- range $index, $arg := .Values.args -}}
{{- $flag := regexReplaceAll "=.*$" $arg "" -}}
{{- if has $flag (list "--config" "-c" "--port" "--num_workers" "--host") -}}
{{- fail (printf "args[%d]: %s is set by the chart (litellm.port, litellm.numWorkers, the mounted config); change those values instead" $index $flag) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Secrets values that would be ignored or clash. */}}
{{- define "litellm-stack.checks.secrets" -}}
{{- $secrets := .Values.secrets -}}
{{- if eq $secrets.masterKeyKey $secrets.saltKeyKey -}}
{{- fail (printf "secrets.saltKeyKey: %s is secrets.masterKeyKey too; the salt key must be its own value (it encrypts stored credentials and may never change)" $secrets.saltKeyKey) -}}
{{- end -}}
{{- if $secrets.existingSecret -}}
{{- range $path := list "masterKey" "saltKey" -}}
{{- if get $secrets . -}}
{{- fail (printf "secrets.%s: ignored with secrets.existingSecret (%s); put it into that Secret under %s instead" . $secrets.existingSecret (get $secrets (printf "%sKey" .))) -}}
{{- end -}}
{{- end -}}
{{- range $key, $_ := $secrets.values -}}
{{- fail (printf "secrets.values.%s: ignored with secrets.existingSecret (%s); put the key into that Secret instead" $key $secrets.existingSecret) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.cache.enabled (eq .Values.cache.username "default") -}}
{{- fail "cache.username: \"default\" is the server's all-powerful default user; give LiteLLM its own ACL user (e.g. litellm) with the rule in docs/cache.md" -}}
{{- end -}}
{{- end -}}

{{/* Numbers Go writes with an exponent but no decimal point (1e-07): PyYAML, LiteLLM's loader, reads them as strings. */}}
{{- define "litellm-stack.checks.numbers" -}}
{{- $ctx := . -}}
{{- range $key, $value := .values -}}
{{- $path := printf "%s.%s" $ctx.path (toString $key) -}}
{{- if kindIs "map" $value -}}
{{- include "litellm-stack.checks.numbers" (dict "values" $value "path" $path) -}}
{{- else if kindIs "float64" $value -}}
{{- $json := toJson $value -}}
{{- if and (contains "e" $json) (not (contains "." $json)) -}}
{{- fail (printf "%s: %s is written with an exponent and no decimal point, which PyYAML (LiteLLM's loader) reads as a string; give it with more significant digits (e.g. 1.5e-07) or as a number between 1e-6 and 1e21" $path (toString $value)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* LiteLLM semantics it does not check itself. */}}
{{- define "litellm-stack.checks.litellm" -}}
{{- $root := . -}}
{{- $rendered := include "litellm-stack.models.rendered" . | fromJson -}}
{{- $modes := dict -}}
{{- range $id := keys $rendered | sortAlpha -}}
{{- $model := get $root.Values.models $id -}}
{{- $seen := get $modes $model.modelName -}}
{{- if and $seen (ne (index $seen 0) $model.info.mode) -}}
{{- fail (printf "models.%s.info.mode: %s, but models.%s serves the same modelName %q as %s; the router balances one name over all its deployments, so give them one mode or different names" $id $model.info.mode (index $seen 1) $model.modelName (index $seen 0)) -}}
{{- end -}}
{{- if not $seen -}}{{- $_ := set $modes $model.modelName (list $model.info.mode $id) -}}{{- end -}}
{{- if and $model.timeout $root.Values.route.enabled $root.Values.route.timeouts.request -}}
{{- $request := include "litellm-stack.durations.seconds" $root.Values.route.timeouts.request | int -}}
{{- if and (gt $request 0) (gt (float64 $model.timeout) (float64 $request)) -}}
{{- fail (printf "models.%s.timeout: %v s is longer than route.timeouts.request (%s); the gateway would cut the request first: lower it or raise route.timeouts.request" $id $model.timeout $root.Values.route.timeouts.request) -}}
{{- end -}}
{{- end -}}
{{- include "litellm-stack.checks.numbers" (dict "values" ($model.params | default dict) "path" (printf "models.%s.params" $id)) -}}
{{- end -}}
{{- /* Fallbacks name model groups; LiteLLM skips a group no deployment serves without a word. */ -}}
{{- $aliases := get $root.Values.litellm.routerSettings "model_group_alias" | default dict -}}
{{- range $setting := list "fallbacks" "context_window_fallbacks" "content_policy_fallbacks" "default_fallbacks" -}}
{{- range $index, $entry := get $root.Values.litellm.routerSettings $setting | default list -}}
{{- $names := list -}}
{{- if kindIs "map" $entry -}}{{- range $from, $to := $entry -}}{{- $names = concat (list $from) $names ($to | default list) -}}{{- end -}}{{- else -}}{{- $names = list $entry -}}{{- end -}}
{{- range $names -}}
{{- if not (or (hasKey $modes (toString .)) (hasKey $aliases (toString .))) -}}
{{- fail (printf "litellm.routerSettings.%s[%d]: %q is no modelName of a rendered deployment (nor a model_group_alias); LiteLLM would skip it silently. Served: %s" $setting $index (toString .) (keys $modes | sortAlpha | join ", ")) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $id, $credential := $root.Values.credentials -}}
{{- if $credential.enabled -}}
{{- if and $credential.apiBase $credential.resourceName -}}
{{- fail (printf "credentials.%s.resourceName: set either resourceName or apiBase; with both, apiBase wins silently" $id) -}}
{{- end -}}
{{- $base := urlParse (include "litellm-stack.credentials.apiBase" $credential) -}}
{{- if and (eq $credential.provider "azure") (or (and $base.path (ne $base.path "/")) $base.query) -}}
{{- fail (printf "credentials.%s.apiBase: Azure OpenAI's api_base is the resource endpoint (https://<resource>.openai.azure.com) without path or query; LiteLLM appends /openai/deployments/… and api-version itself" $id) -}}
{{- end -}}
{{- $host := regexReplaceAll ":[0-9]+$" $base.host "" -}}
{{- if and (eq $base.scheme "http") (not (or (regexMatch "\\.svc(\\.|$)|\\.local$|^localhost$|^127\\.|^10\\.|^192\\.168\\.|^172\\.(1[6-9]|2[0-9]|3[01])\\." $host) (not (contains "." $host)))) -}}
{{- fail (printf "credentials.%s.apiBase: plain http:// to the public host %s would send the API key unencrypted; use https://" $id $host) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $section, $values := dict "litellm.settings" $root.Values.litellm.settings "litellm.generalSettings" $root.Values.litellm.generalSettings "litellm.routerSettings" $root.Values.litellm.routerSettings -}}
{{- include "litellm-stack.checks.numbers" (dict "values" $values "path" $section) -}}
{{- end -}}
{{- end -}}

{{/* Each config file must fit its ConfigMap (1 MiB for all of its data). Input: (dict "file" name "config" text). */}}
{{- define "litellm-stack.checks.configSize" -}}
{{- if gt (len .config) 1000000 -}}
{{- if eq .file "config.yaml" -}}
{{- fail (printf "models: config.yaml would be %d bytes, more than a ConfigMap holds (1 MiB); disable models you do not serve (models.<id>.enabled: false)" (len .config)) -}}
{{- else -}}
{{- fail (printf "modelListSplitBytes: the model file %s would be %d bytes, more than a ConfigMap holds (1 MiB); lower modelListSplitBytes so that more, smaller files hold the models" .file (len .config)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "litellm-stack.checks.all" -}}
{{- include "litellm-stack.checks.names" . -}}
{{- include "litellm-stack.checks.labels" . -}}
{{- include "litellm-stack.checks.workload" . -}}
{{- include "litellm-stack.checks.secrets" . -}}
{{- include "litellm-stack.checks.litellm" . -}}
{{- end -}}
