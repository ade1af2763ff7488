{{/*
Routing feature (route.enabled). Used by the route templates and the network policies:
- litellm-stack.route.namespace: the HTTPRoute's namespace (route.namespace or the release's).
- litellm-stack.route.gatewayNamespaces: JSON list of the namespaces of the Gateways it attaches to.
*/}}
{{- define "litellm-stack.route.namespace" -}}
{{- .Values.route.namespace | default .Release.Namespace -}}
{{- end -}}

{{- define "litellm-stack.route.gatewayNamespaces" -}}
{{- $namespaces := list -}}
{{- if .Values.route.enabled -}}
{{- $routeNamespace := include "litellm-stack.route.namespace" . -}}
{{- range .Values.route.parentRefs -}}
{{- $namespaces = append $namespaces (.namespace | default $routeNamespace) -}}
{{- end -}}
{{- end -}}
{{- toJson ($namespaces | uniq | sortAlpha) -}}
{{- end -}}
