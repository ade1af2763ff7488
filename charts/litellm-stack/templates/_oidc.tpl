{{/*
OIDC login feature (oidc.enabled). Contract used by the proxy templates:
- litellm-stack.oidc.env: JSON list of env vars for the proxy (GENERIC_*, PROXY_BASE_URL).
Also used by the network policies:
- litellm-stack.oidc.endpoints: JSON {authorization, token, userinfo, proxyBaseUrl}; the proxy itself
  calls token and userinfo (server-to-server), the browser the authorization endpoint.
*/}}

{{/* Keycloak's endpoint layout under an issuer (realm) URL. */}}
{{- define "litellm-stack.oidc.derive" -}}
{{- if .issuer -}}{{ printf "%s/protocol/openid-connect/%s" (trimSuffix "/" .issuer) .path }}{{- end -}}
{{- end -}}

{{- define "litellm-stack.oidc.endpoints" -}}
{{- $oidc := .Values.oidc -}}
{{- $internal := $oidc.internalIssuerUrl | default $oidc.issuerUrl -}}
{{- $endpoints := dict
  "authorization" ($oidc.authorizationEndpoint | default (include "litellm-stack.oidc.derive" (dict "issuer" $oidc.issuerUrl "path" "auth")))
  "token" ($oidc.tokenEndpoint | default (include "litellm-stack.oidc.derive" (dict "issuer" $internal "path" "token")))
  "userinfo" ($oidc.userinfoEndpoint | default (include "litellm-stack.oidc.derive" (dict "issuer" $internal "path" "userinfo")))
-}}
{{- range $name := list "authorization" "token" "userinfo" -}}
{{- if not (get $endpoints $name) -}}
{{- fail (printf "oidc.%sEndpoint: OIDC login needs the %s endpoint; set it, or oidc.issuerUrl (and oidc.internalIssuerUrl) to derive it" $name $name) -}}
{{- end -}}
{{- end -}}
{{- $proxyBaseUrl := $oidc.proxyBaseUrl -}}
{{- $admin := .Values.route.admin -}}
{{- if and (not $proxyBaseUrl) .Values.route.enabled $admin.enabled -}}
{{- /* The SSO callback is on the admin route only: the public route's host would answer it with 404. */ -}}
{{- if not (and $admin.hostnames (not (hasPrefix "*" (first $admin.hostnames)))) -}}
{{- fail "oidc.proxyBaseUrl: the SSO callback (/sso/callback) is on the admin route (route.admin.enabled), which has no exact host name; set oidc.proxyBaseUrl to the admin route's URL, or route.admin.hostnames" -}}
{{- end -}}
{{- $proxyBaseUrl = printf "https://%s" (first $admin.hostnames) -}}
{{- else if and (not $proxyBaseUrl) .Values.route.enabled .Values.route.hostnames -}}
{{- $proxyBaseUrl = printf "https://%s" (first .Values.route.hostnames) -}}
{{- else if and (not $proxyBaseUrl) .Values.ingress.enabled .Values.ingress.hostnames -}}
{{- $proxyBaseUrl = printf "https://%s" (first .Values.ingress.hostnames) -}}
{{- end -}}
{{- if not $proxyBaseUrl -}}
{{- fail "oidc.proxyBaseUrl: OIDC login needs the proxy's external URL (the provider redirects to <url>/sso/callback); set it, or route.hostnames with route.enabled (or ingress.hostnames with ingress.enabled)" -}}
{{- end -}}
{{- $_ := set $endpoints "proxyBaseUrl" (trimSuffix "/" $proxyBaseUrl) -}}
{{- toJson $endpoints -}}
{{- end -}}

{{- define "litellm-stack.oidc.env" -}}
{{- $oidc := .Values.oidc -}}
{{- if $oidc.enabled -}}
{{- /* LiteLLM keeps SSO users (and their keys) in its database; without one the login cannot complete. */ -}}
{{- if eq .Values.database.mode "none" -}}
{{- fail "oidc.enabled: OIDC login needs a database (LiteLLM stores SSO users there); set database.mode to cnpg or external, or disable oidc" -}}
{{- end -}}
{{- if not $oidc.clientId -}}
{{- fail "oidc.clientId: OIDC login needs the client id (GENERIC_CLIENT_ID)" -}}
{{- end -}}
{{- include "litellm-stack.secrets.requireKey" (dict "root" . "key" $oidc.clientSecretKey "value" "oidc.clientSecretKey") -}}
{{- $endpoints := include "litellm-stack.oidc.endpoints" . | fromJson -}}
{{- toJson (list
  (dict "name" "GENERIC_CLIENT_ID" "value" $oidc.clientId)
  (dict "name" "GENERIC_CLIENT_SECRET" "valueFrom" (dict "secretKeyRef" (dict "name" (include "litellm-stack.names.secret" .) "key" $oidc.clientSecretKey)))
  (dict "name" "GENERIC_AUTHORIZATION_ENDPOINT" "value" $endpoints.authorization)
  (dict "name" "GENERIC_TOKEN_ENDPOINT" "value" $endpoints.token)
  (dict "name" "GENERIC_USERINFO_ENDPOINT" "value" $endpoints.userinfo)
  (dict "name" "GENERIC_SCOPE" "value" $oidc.scope)
  (dict "name" "PROXY_BASE_URL" "value" $endpoints.proxyBaseUrl)) -}}
{{- else -}}
{{- toJson list -}}
{{- end -}}
{{- end -}}
