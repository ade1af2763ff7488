{{/*
Routing feature (route.enabled). Used by the route templates and the network policies:
- litellm-stack.route.namespace: the HTTPRoute's namespace (route.namespace or the release's).
- litellm-stack.route.gatewayNamespaces: JSON list of the namespaces of the Gateways it attaches to.
- litellm-stack.route.publicPaths: JSON list of the path prefixes the route and the Ingress publish.
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

{{/* route.pathPrefix, or route.paths, checked: Gateway API and Ingress both refuse empty, `.` and `..` segments. */}}
{{- define "litellm-stack.route.publicPaths" -}}
{{- with .Values.route -}}
{{- if or (contains "//" .pathPrefix) (regexMatch "/\\.\\.?(/|$)" .pathPrefix) -}}
{{- fail (printf "route.pathPrefix: %s has an empty, `.` or `..` segment; Gateway API and Ingress reject it" .pathPrefix) -}}
{{- end -}}
{{- range $index, $path := .paths -}}
{{- if or (contains "//" $path) (regexMatch "/\\.\\.?(/|$)" $path) -}}
{{- fail (printf "route.paths[%d]: %s has an empty, `.` or `..` segment; Gateway API and Ingress reject it" $index $path) -}}
{{- end -}}
{{- end -}}
{{- if and (not .pathPrefix) (not .paths) -}}
{{- fail "route.paths: the route and the Ingress need at least one path (or route.pathPrefix)" -}}
{{- end -}}
{{- toJson (ternary (list .pathPrefix) .paths (ne .pathPrefix "")) -}}
{{- end -}}
{{- end -}}
