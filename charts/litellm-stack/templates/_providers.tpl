{{/*
LiteLLM's providers (files/providers.json, generated from packages/catalog: LiteLLM 1.80.8's own
provider list and unprefixed model names, and the credential fields each provider family reads).
*/}}
{{- define "litellm-stack.providers.data" -}}
{{- .Files.Get "files/providers.json" -}}
{{- end -}}

{{/* A provider's family: openai, azure, bedrock, vertex, selfHosted or keyed. Input: (dict "data" DATA "provider" P). */}}
{{- define "litellm-stack.providers.family" -}}
{{- get .data.families .provider | default "keyed" -}}
{{- end -}}

{{/*
The provider LiteLLM gives a deployment (get_llm_provider): params.custom_llm_provider, else the
model's prefix when it is a provider, else the provider of a model name LiteLLM knows without a
prefix; empty when LiteLLM cannot tell. Input: (dict "data" DATA "model" MODEL-ENTRY).
*/}}
{{- define "litellm-stack.providers.ofModel" -}}
{{- $model := .model -}}
{{- $prefix := "" -}}
{{- if contains "/" $model.model -}}{{- $prefix = index (splitList "/" $model.model) 0 -}}{{- end -}}
{{- $custom := get ($model.params | default dict) "custom_llm_provider" -}}
{{- if $custom -}}{{ $custom }}
{{- else if has $prefix .data.providers -}}{{ $prefix }}
{{- else -}}{{ get .data.unprefixed $model.model }}
{{- end -}}
{{- end -}}

{{/* A credential's api_base: apiBase, or the Azure OpenAI endpoint of resourceName; empty for a provider's default endpoint. */}}
{{- define "litellm-stack.credentials.apiBase" -}}
{{- if .apiBase -}}{{ .apiBase }}{{- else if .resourceName -}}{{ printf "https://%s.openai.azure.com" .resourceName }}{{- end -}}
{{- end -}}

{{/* The endpoint a credential's requests go to: its api_base, else its provider's public API. Input: (dict "data" DATA "credential" C). */}}
{{- define "litellm-stack.credentials.endpoint" -}}
{{- $credential := .credential -}}
{{- $base := include "litellm-stack.credentials.apiBase" $credential -}}
{{- $public := get .data.publicEndpoints $credential.provider -}}
{{- if $base -}}{{ $base }}
{{- else if $public -}}
{{- /* Vertex AI's global location has no regional host. */ -}}
{{- $public | replace "{region}" ($credential.awsRegionName | default "") | replace "{location}" ($credential.vertexLocation | default "") | replace "https://global-" "https://" -}}
{{- end -}}
{{- end -}}

{{/* Where the proxy finds a credential's file secret (vertexCredentials): a file of the credential-files volume. */}}
{{- define "litellm-stack.credentials.filePath" -}}
{{- printf "%s/%s/%s" .data.filesDir .id .field -}}
{{- end -}}

{{/*
A credential's LiteLLM credential_values, as JSON: each field its family reads, secrets as
os.environ/NAME (env) or the path of the file mounted from the Secret. Input: (dict "data" DATA "id" ID "credential" C).
*/}}
{{- define "litellm-stack.credentials.values" -}}
{{- $ctx := . -}}
{{- $credential := .credential -}}
{{- $secretKeys := $credential.secretKeys | default dict -}}
{{- $values := dict -}}
{{- with include "litellm-stack.credentials.apiBase" $credential -}}{{- $_ := set $values "api_base" . -}}{{- end -}}
{{- range $field := .data.fields -}}
{{- if eq $field.secret "env" -}}
{{- with get $secretKeys $field.field -}}{{- $_ := set $values $field.liteLLMKey (printf "os.environ/%s" .) -}}{{- end -}}
{{- else if eq $field.secret "file" -}}
{{- if get $secretKeys $field.field -}}{{- $_ := set $values $field.liteLLMKey (include "litellm-stack.credentials.filePath" (dict "data" $ctx.data "id" $ctx.id "field" $field.field)) -}}{{- end -}}
{{- else if and (ne $field.field "apiBase") (hasKey $credential $field.field) -}}
{{- $_ := set $values $field.liteLLMKey (get $credential $field.field) -}}
{{- end -}}
{{- end -}}
{{- /* LiteLLM reads the pod's federated token (AZURE_FEDERATED_TOKEN_FILE, set by the workload identity webhook) for "oidc/azure/<audience>". */ -}}
{{- if $credential.workloadIdentity -}}{{- $_ := set $values "azure_ad_token" "oidc/azure/api://AzureADTokenExchange" -}}{{- end -}}
{{- toJson $values -}}
{{- end -}}

{{/*
Fails on a credential field its provider's family does not read, and on a family's missing fields.
Input: (dict "data" DATA "id" ID "credential" C).
*/}}
{{- define "litellm-stack.credentials.check" -}}
{{- $id := .id -}}
{{- $credential := .credential -}}
{{- $provider := $credential.provider -}}
{{- $family := include "litellm-stack.providers.family" (dict "data" .data "provider" $provider) -}}
{{- $secretKeys := $credential.secretKeys | default dict -}}
{{- range $field := .data.fields -}}
{{- $set := ternary (get $secretKeys $field.field) (get $credential $field.field) (not (empty $field.secret)) -}}
{{- if and $set (not (has $family $field.families)) -}}
{{- fail (printf "credentials.%s.%s%s: LiteLLM reads %s only for %s providers; provider %s is %s" $id (ternary "secretKeys." "" (not (empty $field.secret))) $field.field $field.liteLLMKey (join ", " $field.families) $provider $family) -}}
{{- end -}}
{{- end -}}
{{- if and $credential.workloadIdentity (ne $family "azure") -}}
{{- fail (printf "credentials.%s.workloadIdentity: only for Azure; for %s (%s) leave the secret keys out and annotate the ServiceAccount (serviceAccount.annotations)" $id $provider $family) -}}
{{- end -}}
{{- $endpoint := include "litellm-stack.credentials.apiBase" $credential -}}
{{- if and (has $family (list "azure" "selfHosted")) (not $endpoint) -}}
{{- fail (printf "credentials.%s: enabled without an endpoint (apiBase%s is empty); a %s provider has no public default, set apiBase" $id (ternary " and resourceName" "" (eq $family "azure")) (ternary "self-hosted" "Azure" (eq $family "selfHosted"))) -}}
{{- end -}}
{{- if eq $family "azure" -}}
{{- $ways := list -}}
{{- if $secretKeys.apiKey -}}{{- $ways = append $ways "secretKeys.apiKey" -}}{{- end -}}
{{- if $secretKeys.clientSecret -}}{{- $ways = append $ways "secretKeys.clientSecret" -}}{{- end -}}
{{- if $credential.workloadIdentity -}}{{- $ways = append $ways "workloadIdentity" -}}{{- end -}}
{{- if ne (len $ways) 1 -}}
{{- fail (printf "credentials.%s.secretKeys: Azure authenticates one way: secretKeys.apiKey, or Entra ID with tenantId, clientId and secretKeys.clientSecret, or workloadIdentity with tenantId and clientId; %s" $id (ternary "none is set" (printf "%s are all set" (join ", " $ways)) (empty $ways))) -}}
{{- end -}}
{{- if and (not $secretKeys.apiKey) (not (and $credential.tenantId $credential.clientId)) -}}
{{- fail (printf "credentials.%s.%s: Entra ID needs tenantId and clientId" $id (ternary "clientId" "tenantId" (not (empty $credential.tenantId)))) -}}
{{- end -}}
{{- else if eq $family "bedrock" -}}
{{- if not $credential.awsRegionName -}}
{{- fail (printf "credentials.%s.awsRegionName: is required for %s (LiteLLM aws_region_name); the endpoint and the signature depend on it" $id $provider) -}}
{{- end -}}
{{- if ne (empty $secretKeys.awsAccessKeyId) (empty $secretKeys.awsSecretAccessKey) -}}
{{- fail (printf "credentials.%s.secretKeys.%s: AWS access keys come in pairs (awsAccessKeyId and awsSecretAccessKey); or leave both out for IRSA or EKS pod identity" $id (ternary "awsSecretAccessKey" "awsAccessKeyId" (empty $secretKeys.awsSecretAccessKey))) -}}
{{- end -}}
{{- else if eq $family "vertex" -}}
{{- range $field := list "vertexProject" "vertexLocation" -}}
{{- if not (get $credential $field) -}}
{{- fail (printf "credentials.%s.%s: is required for %s (LiteLLM %s)" $id $field $provider (snakecase $field)) -}}
{{- end -}}
{{- end -}}
{{- else if and (eq $family "openai") (not $secretKeys.apiKey) (not $credential.apiBase) -}}
{{- fail (printf "credentials.%s.secretKeys.apiKey: OpenAI's public API needs a key (an OpenAI-compatible server set in apiBase may do without)" $id) -}}
{{- end -}}
{{- end -}}

{{/* "true" when an enabled credential uses Azure workload identity: the pod then needs the webhook's label. */}}
{{- define "litellm-stack.credentials.azureWorkloadIdentity" -}}
{{- range $id, $credential := .Values.credentials -}}
{{- if and $credential.enabled $credential.workloadIdentity -}}true{{- break -}}{{- end -}}
{{- end -}}
{{- end -}}
