{{/*
Routing feature (route.enabled). Used by the route templates and the network policies:
- litellm-stack.route.namespace: the HTTPRoute's namespace (route.namespace or the release's).
- litellm-stack.route.gatewayNamespaces: JSON list of the namespaces of the Gateways the routes attach to.
- litellm-stack.route.publicPaths: JSON list of the path prefixes the route and the Ingress publish.
- litellm-stack.route.routes: the HTTPRoutes (public, and admin with route.admin.enabled), checked.
*/}}
{{- define "litellm-stack.route.namespace" -}}
{{- .Values.route.namespace | default .Release.Namespace -}}
{{- end -}}

{{- define "litellm-stack.route.gatewayNamespaces" -}}
{{- $namespaces := list -}}
{{- if .Values.route.enabled -}}
{{- range include "litellm-stack.route.routes" . | fromJsonArray -}}
{{- range .parentRefs -}}
{{- $namespaces = append $namespaces .namespace -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson ($namespaces | uniq | sortAlpha) -}}
{{- end -}}

{{/* One path prefix, checked: Gateway API and Ingress both refuse empty, `.` and `..` segments. Input: (dict "path" P "at" VALUES-PATH). */}}
{{- define "litellm-stack.route.checkPath" -}}
{{- if or (contains "//" .path) (regexMatch "/\\.\\.?(/|$)" .path) -}}
{{- fail (printf "%s: %s has an empty, `.` or `..` segment; Gateway API and Ingress reject it" .at .path) -}}
{{- end -}}
{{- end -}}

{{/* Gateway API PathPrefix semantics: whole segments. Input: (dict "path" P "prefix" Q); "true" or "". */}}
{{- define "litellm-stack.route.under" -}}
{{- if or (eq .path .prefix) (hasPrefix (printf "%s/" (trimSuffix "/" .prefix)) .path) -}}true{{- end -}}
{{- end -}}

{{/* route.pathPrefix, or route.paths, checked. */}}
{{- define "litellm-stack.route.publicPaths" -}}
{{- with .Values.route -}}
{{- include "litellm-stack.route.checkPath" (dict "path" .pathPrefix "at" "route.pathPrefix") -}}
{{- range $index, $path := .paths -}}
{{- include "litellm-stack.route.checkPath" (dict "path" $path "at" (printf "route.paths[%d]" $index)) -}}
{{- end -}}
{{- if and (not .pathPrefix) (not .paths) -}}
{{- fail "route.paths: the route and the Ingress need at least one path (or route.pathPrefix)" -}}
{{- end -}}
{{- toJson (ternary (list .pathPrefix) .paths (ne .pathPrefix "")) -}}
{{- end -}}
{{- end -}}

{{/*
route.admin.paths, checked: none may share a prefix with a public path, or the public route would
publish it (e.g. route.pathPrefix `/`).
*/}}
{{- define "litellm-stack.route.adminPaths" -}}
{{- $public := include "litellm-stack.route.publicPaths" . | fromJsonArray -}}
{{- range $index, $path := .Values.route.admin.paths -}}
{{- $at := printf "route.admin.paths[%d]" $index -}}
{{- include "litellm-stack.route.checkPath" (dict "path" $path "at" $at) -}}
{{- range $public -}}
{{- if or (include "litellm-stack.route.under" (dict "path" $path "prefix" .)) (include "litellm-stack.route.under" (dict "path" . "prefix" $path)) -}}
{{- fail (printf "%s: %s overlaps the public route's path %s, so the public route would publish admin paths; remove it, or narrow route.paths/route.pathPrefix" $at $path .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson .Values.route.admin.paths -}}
{{- end -}}

{{/*
parentRefs with their defaults filled in, refused when listed twice (Gateway API rejects duplicates).
Input: (dict "root" $ "refs" LIST "at" VALUES-PATH); JSON list of {name, namespace, sectionName, port}.
*/}}
{{- define "litellm-stack.route.parentRefs" -}}
{{- $namespace := include "litellm-stack.route.namespace" .root -}}
{{- $refs := list -}}
{{- $seen := dict -}}
{{- range .refs -}}
{{- $ref := dict "name" .name "namespace" (.namespace | default $namespace) "sectionName" (.sectionName | default "") "port" (.port | default 0 | int) -}}
{{- $key := printf "%s/%s/%s/%d" $ref.namespace $ref.name $ref.sectionName $ref.port -}}
{{- if hasKey $seen $key -}}
{{- fail (printf "%s: %s/%s (sectionName %q) is listed twice; Gateway API rejects duplicate parentRefs" $.at $ref.namespace $ref.name $ref.sectionName) -}}
{{- end -}}
{{- $_ := set $seen $key true -}}
{{- $refs = append $refs $ref -}}
{{- end -}}
{{- toJson $refs -}}
{{- end -}}

{{/* Whether two host name lists share a host ("true" or ""): an empty list is every host; `*.a.b` covers x.a.b. */}}
{{- define "litellm-stack.route.hostsOverlap" -}}
{{- $overlap := or (not .a) (not .b) -}}
{{- range $a := .a -}}
{{- range $b := $.b -}}
{{- if or (eq $a $b) (and (hasPrefix "*." $a) (hasSuffix (trimPrefix "*" $a) $b)) (and (hasPrefix "*." $b) (hasSuffix (trimPrefix "*" $b) $a)) -}}
{{- $overlap = true -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $overlap -}}true{{- end -}}
{{- end -}}

{{/*
The HTTPRoutes to render, as a JSON list of {name, parentRefs, hostnames, rules: [[path]]}: the public
route, and the admin route (route.admin.enabled) on another listener or host name.
*/}}
{{- define "litellm-stack.route.routes" -}}
{{- $route := .Values.route -}}
{{- $public := include "litellm-stack.route.publicPaths" . | fromJsonArray -}}
{{- $publicRefs := include "litellm-stack.route.parentRefs" (dict "root" . "refs" $route.parentRefs "at" "route.parentRefs") | fromJsonArray -}}
{{- $routes := list (dict "name" (include "litellm-stack.names.fullname" .) "parentRefs" $publicRefs "hostnames" $route.hostnames "rules" (list $public)) -}}
{{- with $route.admin -}}
{{- if .enabled -}}
{{- $refs := include "litellm-stack.route.parentRefs" (dict "root" $ "refs" (.parentRefs | default $route.parentRefs) "at" (ternary "route.admin.parentRefs" "route.parentRefs" (not (empty .parentRefs)))) | fromJsonArray -}}
{{- range $a := $refs -}}
{{- range $b := $publicRefs -}}
{{- if and (eq $a.namespace $b.namespace) (eq $a.name $b.name) (or (eq $a.sectionName $b.sectionName) (not $a.sectionName) (not $b.sectionName)) (or (eq $a.port $b.port) (not $a.port) (not $b.port)) (include "litellm-stack.route.hostsOverlap" (dict "a" $.Values.route.admin.hostnames "b" $route.hostnames)) -}}
{{- fail (printf "route.admin.hostnames: the admin route shares Gateway %s/%s's listener and a host name with the public route, which would publish the admin paths; give route.admin host names none of route.hostnames cover, or route.admin.parentRefs another listener" $a.namespace $a.name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- /* The UI calls the model list and inference APIs on its own origin: the public paths follow as a rule of their own (64 matches at most per rule). */ -}}
{{- $routes = append $routes (dict "name" (include "litellm-stack.names.component" (dict "root" $ "component" "admin")) "parentRefs" $refs "hostnames" .hostnames "rules" (list (include "litellm-stack.route.adminPaths" $ | fromJsonArray) $public)) -}}
{{- end -}}
{{- end -}}
{{- toJson $routes -}}
{{- end -}}
