{{/*
No secret outside a Secret. The open maps rendered into config.yaml (a ConfigMap) and the plain env
values of extraEnv may not carry one:
- a key LiteLLM itself treats as sensitive, i.e. one whose `_`/`-` separated parts include one of
  LiteLLM 1.80.8's SensitiveDataMasker patterns (litellm_core_utils/sensitive_data_masker.py), or
  `credentials` (vertex_credentials), or is one the masker misses (URLs that embed a password:
  database_url, redis_url; litellm_license; the Authorization header), holding a literal string (or a
  list of them) instead of an `os.environ/NAME` reference;
- any URL with userinfo (`scheme://user:password@host`).
Keys LiteLLM reads as names, switches or URLs, not secrets, are exempt (notSensitive; auth_type and
token_url: an MCP server's auth scheme and OAuth token endpoint).
*/}}
{{- define "litellm-stack.secrets.sensitiveParts" -}}
password secret key token auth credential access private certificate fingerprint tenancy credentials
{{- end -}}
{{- define "litellm-stack.secrets.sensitiveKeys" -}}
database_url redis_url litellm_license authorization
{{- end -}}
{{- define "litellm-stack.secrets.notSensitive" -}}
key_management_system litellm_key_header_name custom_auth custom_key_generate token_rate_limit_type mcp_client_side_auth_header_name ui_access_mode access_mode auth_type token_url
{{- end -}}

{{/* "true" when a key of an open map carries a credential. */}}
{{- define "litellm-stack.secrets.isSensitiveKey" -}}
{{- $key := lower (toString .) | replace "-" "_" -}}
{{- if not (has $key (splitList " " (include "litellm-stack.secrets.notSensitive" .))) -}}
{{- $parts := splitList " " (include "litellm-stack.secrets.sensitiveParts" .) -}}
{{- $sensitive := has $key (splitList " " (include "litellm-stack.secrets.sensitiveKeys" .)) -}}
{{- range splitList "_" $key -}}{{- if has . $parts -}}{{- $sensitive = true -}}{{- end -}}{{- end -}}
{{- if $sensitive -}}true{{- end -}}
{{- end -}}
{{- end -}}

{{/* Fails on a URL with userinfo. Input: (dict "value" V "path" "values.path"). */}}
{{- define "litellm-stack.secrets.refuseUserinfo" -}}
{{- if and (kindIs "string" .value) (regexMatch "^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@" .value) -}}
{{- fail (printf "%s: a URL with a user or password in it would be written in plain text; put the password into the Secret (secrets.values or secrets.existingSecret) and reference it (os.environ/NAME in config, secretKeyRef in env)" .path) -}}
{{- end -}}
{{- end -}}

{{/*
Fails on a literal secret anywhere in an open map. Input: (dict "values" MAP-OR-LIST "path" "values.path"
"section" "where it would land"); "sensitive" true for the items of a list under a sensitive key.
*/}}
{{- define "litellm-stack.secrets.refuseInline" -}}
{{- $ctx := . -}}
{{- $entries := dict -}}
{{- if kindIs "map" .values -}}{{- $entries = .values -}}
{{- else if kindIs "slice" .values -}}{{- range $index, $item := .values -}}{{- $_ := set $entries (toString $index) $item -}}{{- end -}}
{{- end -}}
{{- range $key, $value := $entries -}}
{{- $path := printf "%s.%s" $ctx.path $key -}}
{{- $sensitive := or $ctx.sensitive (include "litellm-stack.secrets.isSensitiveKey" $key) -}}
{{- if kindIs "map" $value -}}
{{- include "litellm-stack.secrets.refuseInline" (dict "values" $value "path" $path "section" $ctx.section) -}}
{{- else if kindIs "slice" $value -}}
{{- include "litellm-stack.secrets.refuseInline" (dict "values" $value "path" $path "section" $ctx.section "sensitive" $sensitive) -}}
{{- else if kindIs "string" $value -}}
{{- include "litellm-stack.secrets.refuseUserinfo" (dict "value" $value "path" $path) -}}
{{- if and $sensitive (ne $value "") (not (hasPrefix "os.environ/" $value)) -}}
{{- fail (printf "%s: a secret here would be written in plain text into %s; put it into the Secret (secrets.values.<NAME> or your secrets.existingSecret), pass it to the proxy with extraEnv (valueFrom.secretKeyRef), and write os.environ/<NAME> here" $path $ctx.section) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
LiteLLM fills a deployment's litellm_params from its credential only where they are unset
(utils.load_credentials_from_list), so params.api_base without params.api_key would send the
credential's secrets to that host. Input: (dict "data" PROVIDERS "id" ID "params" MAP "credentialId" ID "credential" MAP).
*/}}
{{- define "litellm-stack.secrets.refuseKeyRedirect" -}}
{{- $base := get (.params | default dict) "api_base" -}}
{{- if and $base (not (hasKey .params "api_key")) -}}
{{- $host := (urlParse (toString $base)).host -}}
{{- $credentialHost := (urlParse (include "litellm-stack.credentials.endpoint" (dict "data" .data "credential" .credential))).host -}}
{{- if ne $host $credentialHost -}}
{{- fail (printf "models.%s.params.api_base: LiteLLM would send credential %s's secrets (secretKeys %s) to %s instead of %s; point credentials.%s.apiBase there, or give this model a credential of its own" .id .credentialId (values (.credential.secretKeys | default dict) | sortAlpha | join ", ") $host $credentialHost .credentialId) -}}
{{- end -}}
{{- end -}}
{{- end -}}
