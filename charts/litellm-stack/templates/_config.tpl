{{/*
LiteLLM's config.yaml, assembled from values. Only enabled models whose credential is enabled are
rendered; secret values appear only as os.environ/NAME references to env vars from the Secret.
*/}}

{{/*
The models that are rendered, as JSON {id: credentialId}. Fails on a model whose credential does not
exist or whose provider (as LiteLLM resolves it) is not its credential's. Computed once per render and
kept in the root context, which Helm shares between all of the chart's templates (several read it).
*/}}
{{- define "litellm-stack.models.rendered" -}}
{{- if not (hasKey . "litellmStackRenderedModels") -}}
{{- $_ := set . "litellmStackRenderedModels" (include "litellm-stack.models.select" .) -}}
{{- end -}}
{{- .litellmStackRenderedModels -}}
{{- end -}}

{{/* The rendered models' public names, as JSON {modelName: id} (the last id in key order serving it); a set, because appending to a list per model is quadratic. */}}
{{- define "litellm-stack.models.publicNames" -}}
{{- $names := dict -}}
{{- range $id, $_ := include "litellm-stack.models.rendered" . | fromJson -}}
{{- $_ := set $names (get $.Values.models $id).modelName $id -}}
{{- end -}}
{{- toJson $names -}}
{{- end -}}

{{- define "litellm-stack.models.select" -}}
{{- $data := include "litellm-stack.providers.data" . | fromJson -}}
{{- $rendered := dict -}}
{{- $skipped := dict -}}
{{- $credentials := .Values.credentials | default dict -}}
{{- range $id, $model := .Values.models -}}
{{- if ne $model.enabled false -}}
{{- $credential := get $credentials $model.credential -}}
{{- if not $credential -}}
{{- fail (printf "models.%s.credential: unknown credential %q; it must be one of the ids under credentials: %s" $id $model.credential (keys $credentials | sortAlpha | join ", ")) -}}
{{- end -}}
{{- $provider := include "litellm-stack.providers.ofModel" (dict "data" $data "model" $model) -}}
{{- if not $provider -}}
{{- fail (printf "models.%s.model: LiteLLM cannot tell the provider of %q: start it with \"%s/\" (credential %q), or use a model name LiteLLM knows without a prefix" $id $model.model $credential.provider $model.credential) -}}
{{- end -}}
{{- if ne $provider $credential.provider -}}
{{- fail (printf "models.%s.model: %q does not match credential %q (provider %s): LiteLLM resolves it to provider %s; the model must start with \"%s/\"" $id $model.model $model.credential $credential.provider $provider $credential.provider) -}}
{{- end -}}
{{- if $credential.enabled -}}
{{- $_ := set $rendered $id $model.credential -}}
{{- else -}}
{{- $_ := set $skipped $id (printf "models.%s.credential (%s)" $id $model.credential) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and $skipped (eq .Values.skippedModels "fail") -}}
{{- $lists := dict -}}
{{- include "litellm-stack.config.listOf" (dict "map" $skipped "out" $lists "name" "skipped") -}}
{{- fail (printf "%s: the credential is disabled, so this enabled model would not be served (skippedModels: fail); enable the credential with its endpoint or set models.<id>.enabled=false. All %d: %s" (first $lists.skipped) (len $lists.skipped) (join ", " $lists.skipped)) -}}
{{- end -}}
{{- toJson $rendered -}}
{{- end -}}

{{/* Typed model fields rendered into litellm_params under their snake_case name (thinking is nested). */}}
{{- define "litellm-stack.models.typedParams" -}}
{{- toJson (list "rpm" "tpm" "timeout" "streamTimeout" "apiVersion" "maxTokens" "maxCompletionTokens" "maxOutputTokens" "reasoningEffort" "mergeReasoningContentInChoices" "cacheControlInjectionPoints" "inputType" "modalities") -}}
{{- end -}}

{{/*
Fails on a models.<id>.params key that a typed field or the chart itself renders: the typed field
says what it is and is checked; model and credential come from the entry (api_base: secrets.refuseKeyRedirect).
Input: (dict "id" ID "key" KEY "typed" {litellm_params key: typed field}).
*/}}
{{- define "litellm-stack.models.checkParam" -}}
{{- if hasKey .typed .key -}}
{{- fail (printf "models.%s.params.%s: a typed field renders litellm_params.%s; set models.%s.%s instead" .id .key .key .id (get .typed .key)) -}}
{{- end -}}
{{- if has .key (list "model" "litellm_credential_name") -}}
{{- fail (printf "models.%s.params.%s: the chart renders litellm_params.%s itself from models.%s.model and models.%s.credential" .id .key .key .id .id) -}}
{{- end -}}
{{- end -}}

{{/*
litellm_settings keys LiteLLM never reads there, each with where it belongs. The schema admits them
(litellmSettingsWithHints in packages/catalog/src/values/areas/litellm.ts) so that this can say so.
*/}}
{{- define "litellm-stack.config.settingsHints" -}}
{{- $generalSetting := "a general_settings key, read only there: set it under litellm.generalSettings" -}}
{{- $langfuse := "LiteLLM reads Langfuse's settings from LANGFUSE_* env vars only: use langfuse.* (docs/observability.md)" -}}
{{- $costTracking := "no such LiteLLM setting: with a database LiteLLM records spend per model, key, team and user anyway (spend logs)" -}}
{{- $limit := "no such LiteLLM setting: limit a deployment with models.<id>.rpm / tpm, or keys and teams with their own rpm_limit / tpm_limit" -}}
{{- toJson (dict
  "alerting" $generalSetting "alerting_args" $generalSetting "alerting_threshold" $generalSetting
  "langfuse_enabled" $langfuse "langfuse_host" $langfuse "langfuse_public_key" $langfuse "langfuse_sample_rate" $langfuse "langfuse_secret" $langfuse
  "max_file_size_mb" "no such LiteLLM setting: the request size limit is general_settings.max_request_size_mb (litellm.generalSettings)"
  "rpm_limit" $limit "tpm_limit" $limit
  "service_callbacks" "LiteLLM reads service_callback, singular; the chart sets it to prometheus_system with monitoring.metrics.enabled"
  "telemetry" "LiteLLM 1.80.8 sets litellm.telemetry but never reads it; leave it out"
  "track_cost_per_model" $costTracking "track_cost_per_team" $costTracking "track_cost_per_user" $costTracking) -}}
{{- end -}}

{{/*
Top-level config.yaml sections the chart renders, each with the values that set it:
litellm.configSections refuses them (the schema admits every section LiteLLM reads so that this can say so).
*/}}
{{- define "litellm-stack.config.renderedSections" -}}
{{- toJson (dict
  "model_list" "set models.<id>" "credential_list" "set credentials.<id>"
  "litellm_settings" "set litellm.settings" "general_settings" "set litellm.generalSettings" "router_settings" "set litellm.routerSettings"
  "guardrails" "set litellm.guardrails"
  "environment_variables" "set env vars with extraEnv (from the Secret for secrets): this section would write their values into a ConfigMap"
  "include" "the chart splits model_list into included files past modelListSplitBytes") -}}
{{- end -}}

{{/* Enabled models not served because their credential is disabled, as JSON {credentialId: {id: true}} (sets: appending to a list per model copied it). */}}
{{- define "litellm-stack.models.skipped" -}}
{{- $skipped := dict -}}
{{- range $id, $model := .Values.models -}}
{{- $credential := get ($.Values.credentials | default dict) $model.credential -}}
{{- if and (ne $model.enabled false) $credential (not $credential.enabled) -}}
{{- if not (hasKey $skipped $model.credential) -}}{{- $_ := set $skipped $model.credential dict -}}{{- end -}}
{{- $_ := set (get $skipped $model.credential) $id true -}}
{{- end -}}
{{- end -}}
{{- toJson $skipped -}}
{{- end -}}

{{/* Fails when an open settings map sets a key the chart renders itself. */}}
{{- define "litellm-stack.config.settings" -}}
{{- include "litellm-stack.secrets.refuseInline" (dict "values" .extra "path" .path "section" (printf "%s in config.yaml (a ConfigMap)" .section)) -}}
{{- range $key, $_ := .extra -}}
{{- if hasKey $.managed $key -}}
{{- fail (printf "%s.%s: the chart renders %s.%s itself from its own values; remove it here" $.path $key $.section $key) -}}
{{- end -}}
{{- end -}}
{{- toJson (merge (deepCopy .managed) (.extra | default dict)) -}}
{{- end -}}

{{/*
LiteLLM's config.yaml and, past modelListSplitBytes, the model files it includes, as
{file name: YAML text} in .litellmStackConfigFiles of the root context: built once per render (Helm
shares the root context between the chart's templates), read by the ConfigMaps and the Deployment.
*/}}
{{- define "litellm-stack.config.files" -}}
{{- if not (hasKey . "litellmStackConfigFiles") -}}
{{- $files := dict -}}
{{- include "litellm-stack.config.document" (dict "root" . "files" $files) -}}
{{- $_ := set . "litellmStackConfigFiles" $files -}}
{{- end -}}
{{- end -}}

{{/*
The model files config.yaml includes when it would be larger than modelListSplitBytes, set into
.out as {file name: [its model_list items]} from .entries {id: item}: as many files as the next power of two of twice its size over
the limit (at most 256), each model in the file its id's sha256 picks. Adding a model rewrites one
file; only a doubling of the count moves models between files. LiteLLM's include: extends the main
config's lists with the included files' (ProxyConfig._process_includes).
*/}}
{{- define "litellm-stack.config.modelFiles" -}}
{{- $count := 1 -}}
{{- range until 8 -}}{{- if lt (mul $count $.limit) (mul 2 $.size) -}}{{- $count = mul $count 2 -}}{{- end -}}{{- end -}}
{{- $buckets := dict -}}
{{- range $index := until (int $count) -}}{{- $_ := set $buckets (printf "models-%03d.yaml" $index) dict -}}{{- end -}}
{{- range $id, $entry := $.entries -}}
{{- $name := printf "models-%03d.yaml" (mod (sha256sum $id | substr 0 2 | printf "0x%s" | int) $count) -}}
{{- $_ := set (get $buckets $name) $id $entry -}}
{{- end -}}
{{- range $name, $bucket := $buckets -}}
{{- include "litellm-stack.config.listOf" (dict "map" $bucket "out" $.out "name" $name) -}}
{{- end -}}
{{- end -}}

{{/*
Sets .out.<name> to the values of .map as a list, in key order. In chunks: append copies the list,
so appending to one long list would cost quadratic time in the models.
*/}}
{{- define "litellm-stack.config.listOf" -}}
{{- $list := list -}}
{{- $chunk := list -}}
{{- range $_, $item := .map -}}
{{- $chunk = append $chunk $item -}}
{{- if eq (len $chunk) 128 -}}{{- $list = concat $list $chunk -}}{{- $chunk = list -}}{{- end -}}
{{- end -}}
{{- /* concat of empty lists is null: an empty map stays an empty list. */ -}}
{{- if $chunk -}}{{- $list = concat $list $chunk -}}{{- end -}}
{{- $_ := set .out .name $list -}}
{{- end -}}

{{/* model_list as toYaml renders it at the top level of a document, from its items' YAML (a list of texts). */}}
{{- define "litellm-stack.config.modelList" -}}
{{- if . -}}model_list:{{ printf "\n%s" (join "\n" .) }}{{- else -}}model_list: []{{- end -}}
{{- end -}}

{{/* What rolls the pods when the config changes: config.yaml's sha256, or with model files the sha256 of every file's. */}}
{{- define "litellm-stack.config.checksum" -}}
{{- if eq (len .) 1 -}}
{{- get . "config.yaml" | sha256sum -}}
{{- else -}}
{{- $sums := list -}}
{{- range $file, $text := . -}}{{- $sums = append $sums (printf "%s %s" (sha256sum $text) $file) -}}{{- end -}}
{{- join "\n" $sums | sha256sum -}}
{{- end -}}
{{- end -}}

{{- define "litellm-stack.config.document" -}}
{{- $root := .root -}}
{{- $rendered := include "litellm-stack.models.rendered" $root | fromJson -}}
{{- $data := include "litellm-stack.providers.data" $root | fromJson -}}
{{- $entries := dict -}}
{{- $deploymentIds := dict -}}
{{- $publicNames := include "litellm-stack.models.publicNames" $root | fromJson -}}
{{- /* Once, not per model: {typed field: litellm_params key}, and its inverse with thinking for checkParam. */ -}}
{{- $snakeOf := dict -}}
{{- $typed := dict "thinking" "thinking" -}}
{{- range include "litellm-stack.models.typedParams" $root | fromJsonArray -}}
{{- $_ := set $snakeOf . (snakecase .) -}}
{{- $_ := set $typed (snakecase .) . -}}
{{- end -}}
{{- range $id, $credentialId := $rendered -}}
{{- $model := get $root.Values.models $id -}}
{{- $credential := get $root.Values.credentials $credentialId -}}
{{- $params := dict "model" $model.model -}}
{{- if eq $model.info.mode "realtime" -}}
{{- /* LiteLLM does not resolve litellm_credential_name for realtime requests: inline the credential. */ -}}
{{- $params = merge $params (include "litellm-stack.credentials.values" (dict "data" $data "id" $credentialId "credential" $credential) | fromJson) -}}
{{- else -}}
{{- $_ := set $params "litellm_credential_name" $credentialId -}}
{{- end -}}
{{- range $key, $snake := $snakeOf -}}
{{- if hasKey $model $key -}}{{- $_ := set $params $snake (get $model $key) -}}{{- end -}}
{{- end -}}
{{- with $model.thinking -}}
{{- $thinking := dict "type" .type -}}
{{- if hasKey . "budgetTokens" -}}{{- $_ := set $thinking "budget_tokens" .budgetTokens -}}{{- end -}}
{{- $_ := set $params "thinking" $thinking -}}
{{- end -}}
{{- include "litellm-stack.secrets.refuseInline" (dict "values" $model.params "path" (printf "models.%s.params" $id) "section" "litellm_params in config.yaml (a ConfigMap)") -}}
{{- include "litellm-stack.secrets.refuseKeyRedirect" (dict "data" $data "id" $id "params" $model.params "credentialId" $credentialId "credential" $credential) -}}
{{- range $key, $value := $model.params -}}
{{- include "litellm-stack.models.checkParam" (dict "id" $id "key" $key "typed" $typed) -}}
{{- if hasKey $params $key -}}
{{- fail (printf "models.%s.params.%s: the chart renders litellm_params.%s itself; use the model's own field" $id $key $key) -}}
{{- end -}}
{{- $_ := set $params $key $value -}}
{{- end -}}
{{- if and $root.Values.litellm.backgroundHealthChecks (eq $model.info.mode "audio_speech") (not $model.info.disableBackgroundHealthCheck) (not $model.info.healthCheckVoice) -}}
{{- fail (printf "models.%s.info.healthCheckVoice: is required for mode audio_speech while litellm.backgroundHealthChecks is on (the check synthesises speech with it); or set models.%s.info.disableBackgroundHealthCheck: true" $id $id) -}}
{{- end -}}
{{- if and $root.Values.litellm.backgroundHealthChecks (contains "*" $model.model) (not $model.info.disableBackgroundHealthCheck) (not $model.info.healthCheckModel) -}}
{{- fail (printf "models.%s.info.healthCheckModel: is required for a wildcard deployment (%s) while litellm.backgroundHealthChecks is on (the check cannot call a model with \"*\"); name a concrete model, or set models.%s.info.disableBackgroundHealthCheck: true" $id $model.model $id) -}}
{{- end -}}
{{- $info := dict "id" ($model.info.id | default $id) -}}
{{- with get $deploymentIds $info.id -}}
{{- fail (printf "models.%s.info.id: %q is already the model_info.id of models.%s; LiteLLM keys deployments (and their spend) on it, so it must be unique" $id $info.id .) -}}
{{- end -}}
{{- /* LiteLLM's router looks a requested name up as a deployment id before its model groups. */ -}}
{{- with get $publicNames $info.id -}}
{{- fail (printf "models.%s.info.id: %q is also the public name (modelName) of models.%s; LiteLLM 1.80.8 then sends every request for %q to this one deployment, without retries or failover: set models.%s.info.id to another value (the id defaults to the entry's key)" $id $info.id . $info.id $id) -}}
{{- end -}}
{{- $_ := set $deploymentIds $info.id $id -}}
{{- range $key, $value := omit $model.info "id" "unpricedBaseModel" -}}
{{- $_ := set $info (snakecase $key) $value -}}
{{- end -}}
{{- $_ := set $entries $id (dict "model_name" $model.modelName "litellm_params" $params "model_info" $info) -}}
{{- end -}}

{{- $credentialList := list -}}
{{- range $id, $credential := $root.Values.credentials -}}
{{- if $credential.enabled -}}
{{- include "litellm-stack.credentials.check" (dict "data" $data "id" $id "credential" $credential) -}}
{{- $credentialValues := include "litellm-stack.credentials.values" (dict "data" $data "id" $id "credential" $credential) | fromJson -}}
{{- $credentialInfo := dict "custom_llm_provider" $credential.provider "description" ($credential.description | default $id) -}}
{{- $credentialList = append $credentialList (dict "credential_name" $id "credential_values" $credentialValues "credential_info" $credentialInfo) -}}
{{- end -}}
{{- end -}}

{{- $litellm := $root.Values.litellm -}}
{{- $hints := include "litellm-stack.config.settingsHints" $root | fromJson -}}
{{- range $key, $_ := $litellm.settings -}}
{{- if hasKey $hints $key -}}{{- fail (printf "litellm.settings.%s: %s" $key (get $hints $key)) -}}{{- end -}}
{{- end -}}
{{- $litellmManaged := merge (include "litellm-stack.cache.litellmSettings" $root | fromJson) (include "litellm-stack.observability.litellmSettings" $root | fromJson) -}}
{{- $litellmSettings := include "litellm-stack.config.settings" (dict "managed" $litellmManaged "extra" $litellm.settings "path" "litellm.settings" "section" "litellm_settings") | fromJson -}}
{{- $generalManaged := dict "master_key" "os.environ/LITELLM_MASTER_KEY" "background_health_checks" $litellm.backgroundHealthChecks "proxy_batch_write_at" $litellm.proxyBatchWriteAt -}}
{{- if $litellm.backgroundHealthChecks -}}{{- $_ := set $generalManaged "health_check_interval" $litellm.healthCheckInterval -}}{{- end -}}
{{- $generalManaged = merge $generalManaged (include "litellm-stack.database.generalSettings" $root | fromJson) -}}
{{- $generalSettings := include "litellm-stack.config.settings" (dict "managed" $generalManaged "extra" $litellm.generalSettings "path" "litellm.generalSettings" "section" "general_settings") | fromJson -}}
{{- $router := $litellm.router -}}
{{- $routerManaged := dict "routing_strategy" $router.routingStrategy "num_retries" $router.numRetries "allowed_fails" $router.allowedFails "cooldown_time" $router.cooldownTime "timeout" $router.timeout -}}
{{- $routerManaged = merge $routerManaged (include "litellm-stack.cache.routerSettings" $root | fromJson) -}}
{{- $routerSettings := include "litellm-stack.config.settings" (dict "managed" $routerManaged "extra" $litellm.routerSettings "path" "litellm.routerSettings" "section" "router_settings") | fromJson -}}
{{- /*
Each model's YAML once: an entry is a list item under a top-level key both in config.yaml and in a
model file, so its text is the same in either, and the config's size and every file are put together
from it. config.yaml is rendered with a placeholder for model_list, which the items replace.
*/ -}}
{{- $items := dict -}}
{{- range $id, $entry := $entries -}}
{{- $_ := set $items $id (toYaml (dict "model_list" (list $entry)) | trimPrefix "model_list:\n") -}}
{{- end -}}
{{- $placeholder := "model_list: LITELLM_STACK_MODEL_LIST" -}}
{{- $document := dict "model_list" (ternary (list) (trimPrefix "model_list: " $placeholder) (empty $items)) "credential_list" $credentialList "litellm_settings" $litellmSettings "general_settings" $generalSettings "router_settings" $routerSettings -}}
{{- with $litellm.guardrails -}}
{{- include "litellm-stack.secrets.refuseInline" (dict "values" . "path" "litellm.guardrails" "section" "guardrails in config.yaml (a ConfigMap)") -}}
{{- $_ := set $document "guardrails" . -}}
{{- end -}}
{{- $renderedSections := include "litellm-stack.config.renderedSections" $root | fromJson -}}
{{- range $section, $value := $litellm.configSections -}}
{{- with get $renderedSections $section -}}
{{- fail (printf "litellm.configSections.%s: the chart renders %s itself; %s" $section $section .) -}}
{{- end -}}
{{- include "litellm-stack.secrets.refuseInline" (dict "values" (dict $section $value) "path" "litellm.configSections" "section" "config.yaml (a ConfigMap)") -}}
{{- $_ := set $document $section $value -}}
{{- end -}}
{{- $config := toYaml $document -}}
{{- $lists := dict -}}
{{- include "litellm-stack.config.listOf" (dict "map" $items "out" $lists "name" "model_list") -}}
{{- $modelList := include "litellm-stack.config.modelList" $lists.model_list -}}
{{- $size := len $config -}}
{{- if $items -}}
{{- $size = add $size (len $modelList) (mul -1 (len $placeholder)) -}}
{{- end -}}
{{- $limit := int $root.Values.modelListSplitBytes -}}
{{- if le $size $limit -}}
{{- if $items -}}{{- $config = replace (printf "\n%s" $placeholder) (printf "\n%s" $modelList) $config -}}{{- end -}}
{{- $_ := set .files "config.yaml" $config -}}
{{- else -}}
{{- $modelFiles := dict -}}
{{- include "litellm-stack.config.modelFiles" (dict "entries" $items "size" $size "limit" $limit "out" $modelFiles) -}}
{{- range $name, $list := $modelFiles -}}
{{- $text := include "litellm-stack.config.modelList" $list -}}
{{- if gt (len $text) 1000000 -}}
{{- /* Only on the way to a refusal: name the model when it alone is too large, which no split can help. */ -}}
{{- range $id, $item := $items -}}
{{- $size := len (include "litellm-stack.config.modelList" (list $item)) -}}
{{- if gt $size 1000000 -}}
{{- fail (printf "models.%s: its model_list entry alone would be %d bytes, more than a ConfigMap holds (1 MiB), which no split of the model list can help; shorten its params" $id $size) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $_ := set $.files $name $text -}}
{{- end -}}
{{- $include := list -}}
{{- range $name, $_ := $modelFiles -}}{{- $include = append $include (printf "models/%s" $name) -}}{{- end -}}
{{- $_ := set $document "include" $include -}}
{{- $_ := set .files "config.yaml" (toYaml (omit $document "model_list")) -}}
{{- end -}}
{{- end -}}
