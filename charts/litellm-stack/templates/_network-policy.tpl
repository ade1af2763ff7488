{{/*
Network policies (networkPolicy.enabled), derived from the enabled features. Each policy is first
built as a flavour-neutral JSON document, then rendered as a Kubernetes NetworkPolicy or a
CiliumNetworkPolicy:
  policy = {name, podLabels, ingress: [rule], egress: [rule]}
  rule   = {name, peer, ports: [{port, protocol}], dns?: true, http?: [{method?, path}] (Cilium only)}
  peer   = {kind: pods, namespace, podLabels} | {kind: cidr, cidr} | {kind: fqdn, name}
         | {kind: apiServer} | {kind: entity, entity}
Every dependency goes through one resolver (peerOf), so a new feature only adds a rule.
*/}}

{{/*
Where a host is, as a peer. Input: (dict "root" $ "host" HOST "override" networkPolicy.peers.<x>).
Precedence: override cidr, override namespace, an IPv4 address, an in-cluster service name
(<svc>.<ns>.svc[.<cluster domain>], or a bare <svc> in the release namespace), else a public name.
*/}}
{{- define "litellm-stack.networkPolicy.peerOf" -}}
{{- $override := .override | default dict -}}
{{- $host := .host -}}
{{- if $override.cidr -}}
{{- toJson (dict "kind" "cidr" "cidr" $override.cidr) -}}
{{- else if $override.namespace -}}
{{- toJson (dict "kind" "pods" "namespace" $override.namespace "podLabels" ($override.podLabels | default dict)) -}}
{{- else if regexMatch "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$" $host -}}
{{- toJson (dict "kind" "cidr" "cidr" (printf "%s/32" $host)) -}}
{{- else if regexMatch "^[^.]+\\.[^.]+\\.svc(\\..+)?$" $host -}}
{{- toJson (dict "kind" "pods" "namespace" (regexReplaceAll "^[^.]+\\.([^.]+)\\.svc(\\..+)?$" $host "${1}") "podLabels" ($override.podLabels | default dict)) -}}
{{- else if not (contains "." $host) -}}
{{- toJson (dict "kind" "pods" "namespace" .root.Release.Namespace "podLabels" ($override.podLabels | default dict)) -}}
{{- else -}}
{{- toJson (dict "kind" "fqdn" "name" $host) -}}
{{- end -}}
{{- end -}}

{{/* An egress rule to host:port. Input: (dict "root" $ "name" N "host" H "port" P "override" O). */}}
{{- define "litellm-stack.networkPolicy.hostRule" -}}
{{- $override := .override | default dict -}}
{{- $peer := include "litellm-stack.networkPolicy.peerOf" . | fromJson -}}
{{- toJson (dict "name" .name "peer" $peer "ports" (list (dict "port" (int ($override.port | default .port)) "protocol" "TCP"))) -}}
{{- end -}}

{{/* An egress rule to the host of a URL (its port, else 443 for https and 80 for http). */}}
{{- define "litellm-stack.networkPolicy.urlRule" -}}
{{- $url := urlParse .url -}}
{{- $port := regexFind "[0-9]+$" (regexFind ":[0-9]+$" $url.host) | default (ternary "443" "80" (eq $url.scheme "https")) -}}
{{- include "litellm-stack.networkPolicy.hostRule" (dict "root" .root "name" .name "host" $url.hostname "port" $port "override" .override) -}}
{{- end -}}

{{- define "litellm-stack.networkPolicy.dnsRule" -}}
{{- $dns := .Values.networkPolicy.dns -}}
{{- toJson (dict "name" "dns" "dns" true "peer" (dict "kind" "pods" "namespace" $dns.namespace "podLabels" $dns.podLabels)
  "ports" (list (dict "port" 53 "protocol" "UDP") (dict "port" 53 "protocol" "TCP"))) -}}
{{- end -}}

{{/* The CNPG cluster's pods: the proxy's database, and each other's replication peers. */}}
{{- define "litellm-stack.networkPolicy.cnpgPeer" -}}
{{- toJson (dict "kind" "pods" "namespace" .Release.Namespace "podLabels" (dict "cnpg.io/cluster" (include "litellm-stack.database.clusterName" .))) -}}
{{- end -}}

{{/* The egress rule to the database, as a JSON list (empty with database.mode none). */}}
{{- define "litellm-stack.networkPolicy.databaseEgress" -}}
{{- $peers := .Values.networkPolicy.peers -}}
{{- $rules := list -}}
{{- if eq .Values.database.mode "cnpg" -}}
{{- $rules = append $rules (dict "name" "database" "peer" (include "litellm-stack.networkPolicy.cnpgPeer" . | fromJson) "ports" (list (dict "port" 5432 "protocol" "TCP"))) -}}
{{- else if eq .Values.database.mode "external" -}}
{{- /* The external database's address is inside its URL Secret, out of the chart's sight: the values say where it runs. */ -}}
{{- if not (or $peers.database.cidr $peers.database.namespace) -}}
{{- fail "networkPolicy.peers.database: with database.mode=external the policy must know where the database runs; set its cidr, or its namespace (and podLabels), and port if not 5432" -}}
{{- end -}}
{{- $rules = append $rules (include "litellm-stack.networkPolicy.hostRule" (dict "root" . "name" "database" "host" "" "port" 5432 "override" $peers.database) | fromJson) -}}
{{- end -}}
{{- toJson $rules -}}
{{- end -}}

{{/*
The migration Job's pods: no caller, and they call only DNS and the database. Rendered whenever the
Job can run (on upgrades), so it is in place before the pre-upgrade hook starts.
*/}}
{{- define "litellm-stack.networkPolicy.migration" -}}
{{- toJson (dict
  "name" (include "litellm-stack.names.component" (dict "root" . "component" "migrate"))
  "podLabels" (include "litellm-stack.database.migrationSelector" . | fromYaml)
  "ingress" list
  "egress" (concat (list (include "litellm-stack.networkPolicy.dnsRule" . | fromJson)) (include "litellm-stack.networkPolicy.databaseEgress" . | fromJsonArray))) -}}
{{- end -}}

{{/* Everything the proxy calls, one rule per dependency of an enabled feature. */}}
{{- define "litellm-stack.networkPolicy.proxyEgress" -}}
{{- $root := . -}}
{{- $peers := .Values.networkPolicy.peers -}}
{{- $rules := concat (list (include "litellm-stack.networkPolicy.dnsRule" . | fromJson)) (include "litellm-stack.networkPolicy.databaseEgress" . | fromJsonArray) -}}
{{- if .Values.cache.enabled -}}
{{- $cache := include "litellm-stack.cache.endpoint" . | fromJson -}}
{{- $override := $peers.cache -}}
{{- if and .Values.cache.dragonfly.create (not (or $override.cidr $override.namespace $override.podLabels)) -}}
{{- /* The in-chart Dragonfly's pods carry app=<its name>: select exactly them. */ -}}
{{- $override = dict "podLabels" (dict "app" (include "litellm-stack.cache.dragonflyName" .)) "port" $override.port -}}
{{- end -}}
{{- $rules = append $rules (include "litellm-stack.networkPolicy.hostRule" (dict "root" . "name" "cache" "host" $cache.host "port" $cache.port "override" $override) | fromJson) -}}
{{- end -}}
{{- if .Values.tracing.enabled -}}
{{- $rules = append $rules (include "litellm-stack.networkPolicy.urlRule" (dict "root" . "name" "tracing" "url" .Values.tracing.endpoint "override" $peers.tracing) | fromJson) -}}
{{- end -}}
{{- if .Values.oidc.enabled -}}
{{- $endpoints := include "litellm-stack.oidc.endpoints" . | fromJson -}}
{{- /* The proxy itself calls the token and userinfo endpoints (the browser calls the authorization one). */ -}}
{{- range $endpoint := list $endpoints.token $endpoints.userinfo -}}
{{- $rules = append $rules (include "litellm-stack.networkPolicy.urlRule" (dict "root" $root "name" "oidc" "url" $endpoint "override" $peers.oidc) | fromJson) -}}
{{- end -}}
{{- end -}}
{{- if .Values.langfuse.enabled -}}
{{- $rules = append $rules (include "litellm-stack.networkPolicy.urlRule" (dict "root" . "name" "langfuse" "url" .Values.langfuse.host "override" $peers.langfuse) | fromJson) -}}
{{- end -}}
{{- $providers := include "litellm-stack.providers.data" . | fromJson -}}
{{- range $id, $credential := .Values.credentials -}}
{{- if $credential.enabled -}}
{{- $endpoint := include "litellm-stack.credentials.endpoint" (dict "data" $providers "credential" $credential) -}}
{{- if not $endpoint -}}
{{- fail (printf "credentials.%s.apiBase: the network policy needs the host provider %s is reached at, and LiteLLM has no default endpoint for it; set apiBase" $id $credential.provider) -}}
{{- end -}}
{{- /* An in-cluster api_base (a self-hosted server's Service) becomes a pod peer through peerOf. */ -}}
{{- $rules = append $rules (include "litellm-stack.networkPolicy.urlRule" (dict "root" $root "name" (printf "provider %s" $id) "url" $endpoint) | fromJson) -}}
{{- /* Token exchanges: Entra ID without a key, AWS STS and Google's token endpoint without static keys. */ -}}
{{- $family := include "litellm-stack.providers.family" (dict "data" $providers "provider" $credential.provider) -}}
{{- $secretKeys := $credential.secretKeys | default dict -}}
{{- if or (and (eq $family "azure") (not $secretKeys.apiKey)) (and (eq $family "bedrock") (not $secretKeys.awsAccessKeyId)) (eq $family "vertex") -}}
{{- range get $providers.identityEndpoints $family -}}
{{- $rules = append $rules (include "litellm-stack.networkPolicy.urlRule" (dict "root" $root "name" (printf "identity %s" $id) "url" (. | replace "{region}" ($credential.awsRegionName | default ""))) | fromJson) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not .Values.litellm.localModelCostMap -}}
{{- /* LiteLLM fetches its price map from GitHub at start (litellm.model_cost_map_url). */ -}}
{{- $rules = append $rules (dict "name" "price map" "peer" (dict "kind" "fqdn" "name" "raw.githubusercontent.com") "ports" (list (dict "port" 443 "protocol" "TCP"))) -}}
{{- end -}}
{{- range .Values.networkPolicy.providers.extraFQDNs -}}
{{- $rules = append $rules (dict "name" "provider" "peer" (dict "kind" "fqdn" "name" .) "ports" (list (dict "port" 443 "protocol" "TCP"))) -}}
{{- end -}}
{{- toJson $rules -}}
{{- end -}}

{{/*
Cilium L7 rules for the proxy port, as JSON {served, metrics}, when networkPolicy.flavor is cilium and
LiteLLM serves /metrics (monitoring.metrics.enabled); else {}. LiteLLM 1.80.8 serves /metrics on the
proxy port only (prometheus.py mounts it on the main app; the separate health app has only the health
router), so L3/L4 rules cannot keep callers of that port off it. Every peer of the port but Prometheus
may call only the paths the routes can publish (route.paths or pathPrefix, and route.admin.paths);
Prometheus only GET /metrics. Once one peer of a port has L7 rules, Cilium lets peers without any
call every path, hence rules for all. One regex per path: Envoy refuses large regex programs.
Each path is a segment prefix (a query may follow), matched against the whole request path.
*/}}
{{- define "litellm-stack.networkPolicy.proxyHttp" -}}
{{- if and (eq .Values.networkPolicy.flavor "cilium") .Values.monitoring.metrics.enabled -}}
{{- $route := .Values.route -}}
{{- $served := list -}}
{{- range concat (ternary (list $route.pathPrefix) $route.paths (ne $route.pathPrefix "")) $route.admin.paths | uniq -}}
{{- $served = append $served (dict "path" (printf "%s([/?].*)?" (regexQuoteMeta (trimSuffix "/" .)))) -}}
{{- end -}}
{{- toJson (dict "served" $served "metrics" (list (dict "method" "GET" "path" "/metrics([/?].*)?"))) -}}
{{- else -}}
{{- toJson dict -}}
{{- end -}}
{{- end -}}

{{/* Who may call the proxy: the route's gateways, the listed namespaces, and Prometheus when it scrapes. */}}
{{- define "litellm-stack.networkPolicy.proxyIngress" -}}
{{- $ports := list (dict "port" (int .Values.litellm.port) "protocol" "TCP") -}}
{{- $http := include "litellm-stack.networkPolicy.proxyHttp" . | fromJson -}}
{{- /* Gateways may health-check backends: they also reach the separate health app (a rule of its own under L7 rules, which would apply to its port too). */ -}}
{{- $gatewayPorts := $ports -}}
{{- $healthPorts := list -}}
{{- if .Values.healthApp.enabled -}}
{{- $health := dict "port" (int .Values.healthApp.port) "protocol" "TCP" -}}
{{- if $http -}}{{- $healthPorts = list $health -}}{{- else -}}{{- $gatewayPorts = append $ports $health -}}{{- end -}}
{{- end -}}
{{- $gateways := list -}}
{{- range $namespace := include "litellm-stack.route.gatewayNamespaces" . | fromJsonArray -}}
{{- $gateways = append $gateways (dict "kind" "pods" "namespace" $namespace "podLabels" dict) -}}
{{- end -}}
{{- if and (or .Values.route.enabled .Values.ingress.enabled) (eq .Values.networkPolicy.flavor "cilium") -}}
{{- /* Cilium's own Gateway API and Ingress implementations forward from the reserved `ingress` identity. */ -}}
{{- $gateways = append $gateways (dict "kind" "entity" "entity" "ingress") -}}
{{- end -}}
{{- $rules := list -}}
{{- range $peer := $gateways -}}
{{- $rules = append $rules (dict "name" "gateway" "peer" $peer "ports" $gatewayPorts "http" $http.served) -}}
{{- if $healthPorts -}}{{- $rules = append $rules (dict "name" "gateway health" "peer" $peer "ports" $healthPorts) -}}{{- end -}}
{{- end -}}
{{- if .Values.ingress.enabled -}}
{{- if not .Values.ingress.controllerNamespace -}}
{{- fail "ingress.controllerNamespace: with networkPolicy.enabled the policy must let the ingress controller's pods in; set the namespace they run in" -}}
{{- end -}}
{{- $rules = append $rules (dict "name" "ingress-controller" "peer" (dict "kind" "pods" "namespace" .Values.ingress.controllerNamespace "podLabels" dict) "ports" $ports "http" $http.served) -}}
{{- end -}}
{{- if .Values.helmTests.enabled -}}
{{- $rules = append $rules (dict "name" "helm-test" "peer" (dict "kind" "pods" "namespace" .Release.Namespace "podLabels" (include "litellm-stack.helmTests.selector" . | fromYaml)) "ports" $ports "http" $http.served) -}}
{{- end -}}
{{- range $namespace := .Values.networkPolicy.ingress.namespaces -}}
{{- $rules = append $rules (dict "name" "client" "peer" (dict "kind" "pods" "namespace" $namespace "podLabels" dict) "ports" $ports "http" $http.served) -}}
{{- end -}}
{{- if .Values.monitoring.metrics.enabled -}}
{{- $rules = append $rules (dict "name" "monitoring" "peer" (dict "kind" "pods" "namespace" .Values.networkPolicy.ingress.monitoringNamespace "podLabels" dict) "ports" $ports "http" $http.metrics) -}}
{{- end -}}
{{- toJson $rules -}}
{{- end -}}

{{- define "litellm-stack.networkPolicy.proxy" -}}
{{- toJson (dict
  "name" (include "litellm-stack.names.fullname" .)
  "podLabels" (include "litellm-stack.labels.selector" . | fromYaml)
  "ingress" (include "litellm-stack.networkPolicy.proxyIngress" . | fromJsonArray)
  "egress" (include "litellm-stack.networkPolicy.proxyEgress" . | fromJsonArray)) -}}
{{- end -}}

{{/*
The CNPG database pods: PostgreSQL (5432) from the proxy, the migration Job and the other
instances; the instance manager (8000) from the operator and the other instances; metrics (9187)
from Prometheus when the PodMonitor is on. They call DNS, each other, the Kubernetes API (the
instance manager) and, with backups, the object store.
*/}}
{{- define "litellm-stack.networkPolicy.database" -}}
{{- $np := .Values.networkPolicy -}}
{{- $cnpg := include "litellm-stack.networkPolicy.cnpgPeer" . | fromJson -}}
{{- $postgres := list (dict "port" 5432 "protocol" "TCP") -}}
{{- $cluster := list (dict "port" 5432 "protocol" "TCP") (dict "port" 8000 "protocol" "TCP") -}}
{{- $ingress := list
  (dict "name" "proxy" "peer" (dict "kind" "pods" "namespace" .Release.Namespace "podLabels" (include "litellm-stack.labels.selector" . | fromYaml)) "ports" $postgres)
  (dict "name" "migrations" "peer" (dict "kind" "pods" "namespace" .Release.Namespace "podLabels" (include "litellm-stack.database.migrationSelector" . | fromYaml)) "ports" $postgres)
  (dict "name" "replicas" "peer" $cnpg "ports" $cluster)
  (dict "name" "cnpg-operator" "peer" (dict "kind" "pods" "namespace" $np.cnpgOperator.namespace "podLabels" $np.cnpgOperator.podLabels) "ports" $cluster)
-}}
{{- if .Values.database.cnpg.podMonitor.enabled -}}
{{- $ingress = append $ingress (dict "name" "monitoring" "peer" (dict "kind" "pods" "namespace" $np.ingress.monitoringNamespace "podLabels" dict) "ports" (list (dict "port" 9187 "protocol" "TCP"))) -}}
{{- end -}}
{{- $apiPorts := list -}}
{{- range $np.apiServer.ports -}}{{- $apiPorts = append $apiPorts (dict "port" (int .) "protocol" "TCP") -}}{{- end -}}
{{- $egress := list
  (include "litellm-stack.networkPolicy.dnsRule" . | fromJson)
  (dict "name" "replicas" "peer" $cnpg "ports" $cluster)
  (dict "name" "kubernetes-api" "peer" (dict "kind" "apiServer") "ports" $apiPorts)
-}}
{{- if .Values.backup.enabled -}}
{{- $egress = append $egress (include "litellm-stack.networkPolicy.urlRule" (dict "root" . "name" "object-store" "url" .Values.backup.endpointURL "override" $np.peers.objectStore) | fromJson) -}}
{{- end -}}
{{- toJson (dict "name" (include "litellm-stack.names.component" (dict "root" . "component" "db")) "podLabels" (dict "cnpg.io/cluster" (include "litellm-stack.database.clusterName" .)) "ingress" $ingress "egress" $egress) -}}
{{- end -}}

{{/* NetworkPolicy peers of a neutral peer, as a JSON list. */}}
{{- define "litellm-stack.networkPolicy.kubernetesPeers" -}}
{{- $peer := .peer -}}
{{- $np := .root.Values.networkPolicy -}}
{{- if eq $peer.kind "pods" -}}
{{- $selector := dict "namespaceSelector" (dict "matchLabels" (dict "kubernetes.io/metadata.name" $peer.namespace)) -}}
{{- if $peer.podLabels -}}{{- $_ := set $selector "podSelector" (dict "matchLabels" $peer.podLabels) -}}{{- end -}}
{{- toJson (list $selector) -}}
{{- else if eq $peer.kind "cidr" -}}
{{- toJson (list (dict "ipBlock" (dict "cidr" $peer.cidr))) -}}
{{- else if eq $peer.kind "fqdn" -}}
{{- /* NetworkPolicy has no host names: public addresses only. */ -}}
{{- toJson (list (dict "ipBlock" (dict "cidr" "0.0.0.0/0" "except" $np.providers.except))) -}}
{{- else if eq $peer.kind "apiServer" -}}
{{- $blocks := list -}}
{{- range $np.apiServer.cidrs | default (list "0.0.0.0/0") -}}{{- $blocks = append $blocks (dict "ipBlock" (dict "cidr" .)) -}}{{- end -}}
{{- toJson $blocks -}}
{{- else -}}
{{- /* entity: a Cilium identity, nothing NetworkPolicy can select. */ -}}
{{- toJson list -}}
{{- end -}}
{{- end -}}

{{- define "litellm-stack.networkPolicy.kubernetes" -}}
{{- $root := .root -}}
{{- $sections := dict -}}
{{- range $direction, $peerKey := dict "ingress" "from" "egress" "to" -}}
{{- $rules := list -}}
{{- range get $.policy $direction -}}
{{- $peers := include "litellm-stack.networkPolicy.kubernetesPeers" (dict "root" $root "peer" .peer) | fromJsonArray -}}
{{- if $peers -}}{{- $rules = append $rules (dict $peerKey $peers "ports" .ports) -}}{{- end -}}
{{- end -}}
{{- $_ := set $sections $direction ($rules | uniq) -}}
{{- end -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .policy.name | quote }}
  labels:
    {{- include "litellm-stack.labels.common" $root | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- toYaml .policy.podLabels | nindent 6 }}
  # Both types always: a direction without rules denies everything. Its empty list is left out, as
  # the API server stores it, so the object reads back as rendered.
  policyTypes:
    - Ingress
    - Egress
  {{- range $direction := list "ingress" "egress" }}
  {{- with get $sections $direction }}
  {{ $direction }}:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- end }}
{{- end -}}

{{/* One CiliumNetworkPolicy rule (ingress: from…, egress: to…) of a neutral rule. */}}
{{- define "litellm-stack.networkPolicy.ciliumRule" -}}
{{- $peer := .rule.peer -}}
{{- $to := eq .direction "egress" -}}
{{- $rule := dict -}}
{{- if eq $peer.kind "pods" -}}
{{- $_ := set $rule (ternary "toEndpoints" "fromEndpoints" $to) (list (dict "matchLabels" (merge (dict "k8s:io.kubernetes.pod.namespace" $peer.namespace) $peer.podLabels))) -}}
{{- else if eq $peer.kind "cidr" -}}
{{- $_ := set $rule (ternary "toCIDRSet" "fromCIDRSet" $to) (list (dict "cidr" $peer.cidr)) -}}
{{- else if eq $peer.kind "fqdn" -}}
{{- $_ := set $rule "toFQDNs" (list (ternary (dict "matchPattern" $peer.name) (dict "matchName" $peer.name) (hasPrefix "*" $peer.name))) -}}
{{- else if eq $peer.kind "apiServer" -}}
{{- $_ := set $rule "toEntities" (list "kube-apiserver") -}}
{{- else -}}
{{- $_ := set $rule (ternary "toEntities" "fromEntities" $to) (list $peer.entity) -}}
{{- end -}}
{{- $ports := list -}}
{{- range .rule.ports -}}{{- $ports = append $ports (dict "port" (toString .port) "protocol" .protocol) -}}{{- end -}}
{{- $toPorts := dict "ports" $ports -}}
{{- /* Cilium learns the addresses behind toFQDNs names only from DNS answers its proxy sees. */ -}}
{{- if .rule.dns -}}{{- $_ := set $toPorts "rules" (dict "dns" (list (dict "matchPattern" "*"))) -}}{{- end -}}
{{- if .rule.http -}}{{- $_ := set $toPorts "rules" (dict "http" .rule.http) -}}{{- end -}}
{{- $_ := set $rule "toPorts" (list $toPorts) -}}
{{- toJson $rule -}}
{{- end -}}

{{- define "litellm-stack.networkPolicy.cilium" -}}
{{- $root := .root -}}
{{- $sections := dict -}}
{{- range $direction := list "ingress" "egress" -}}
{{- $rules := list -}}
{{- range get $.policy $direction -}}
{{- $rules = append $rules (include "litellm-stack.networkPolicy.ciliumRule" (dict "rule" . "direction" $direction) | fromJson) -}}
{{- end -}}
{{- $_ := set $sections $direction ($rules | uniq) -}}
{{- end -}}
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: {{ .policy.name | quote }}
  labels:
    {{- include "litellm-stack.labels.common" $root | nindent 4 }}
spec:
  endpointSelector:
    matchLabels:
      {{- toYaml .policy.podLabels | nindent 6 }}
  ingress:
    {{- toYaml $sections.ingress | nindent 4 }}
  egress:
    {{- toYaml $sections.egress | nindent 4 }}
{{- end -}}
