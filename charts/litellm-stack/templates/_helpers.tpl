{{/* Names and labels shared by every object. */}}

{{- define "litellm-stack.names.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "litellm-stack.names.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A component's object name: <fullname>-<component>, e.g. release-litellm-stack-db. */}}
{{- define "litellm-stack.names.component" -}}
{{- printf "%s-%s" (include "litellm-stack.names.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "litellm-stack.names.serviceAccount" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "litellm-stack.names.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "litellm-stack.names.secret" -}}
{{- default (include "litellm-stack.names.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "litellm-stack.labels.selector" -}}
app.kubernetes.io/name: {{ include "litellm-stack.names.name" . | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}

{{- define "litellm-stack.labels.common" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
{{ include "litellm-stack.labels.selector" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
app.kubernetes.io/part-of: litellm-stack
{{- end -}}

{{- define "litellm-stack.proxy.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s:%s@%s" .Values.image.repository .Values.image.tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository .Values.image.tag -}}
{{- end -}}
{{- end -}}

{{/* The autoscaler that owns the replica count ("hpa", "keda"), or empty: `replicas` does. */}}
{{- define "litellm-stack.proxy.autoscaled" -}}
{{- if and .Values.autoscaling.enabled .Values.keda.enabled -}}
{{- fail "keda.enabled: KEDA creates its own HPA for the Deployment; turn autoscaling.enabled off (two autoscalers would fight over replicas)" -}}
{{- else if .Values.autoscaling.enabled -}}hpa
{{- else if .Values.keda.enabled -}}keda
{{- end -}}
{{- end -}}

{{/* Replicas that can run at once at the least: decides PDB and topology spread. */}}
{{- define "litellm-stack.proxy.minReplicas" -}}
{{- $autoscaled := include "litellm-stack.proxy.autoscaled" . -}}
{{- if eq $autoscaled "hpa" -}}{{ .Values.autoscaling.minReplicas }}
{{- else if eq $autoscaled "keda" -}}{{ .Values.keda.minReplicas }}
{{- else -}}{{ .Values.replicas }}{{- end -}}
{{- end -}}

{{/* Replicas that can run at once at the most (without the rollout surge): decides cache and connection checks. */}}
{{- define "litellm-stack.proxy.maxReplicas" -}}
{{- $autoscaled := include "litellm-stack.proxy.autoscaled" . -}}
{{- if eq $autoscaled "hpa" -}}{{ .Values.autoscaling.maxReplicas }}
{{- else if eq $autoscaled "keda" -}}{{ .Values.keda.maxReplicas }}
{{- else -}}{{ .Values.replicas }}{{- end -}}
{{- end -}}

{{/*
Containers a values list adds to a pod, as a JSON list: each without a securityContext gets the chart's,
so added containers keep the pods' security defaults. Input: (dict "root" $ "path" VALUES_PATH
"containers" LIST "taken" DICT); `taken` maps the names already in the pod to who holds them and is
extended, so successive lists of one pod share it.
*/}}
{{- define "litellm-stack.pods.addedContainers" -}}
{{- $root := .root -}}
{{- $out := list -}}
{{- range .containers -}}
{{- if hasKey $.taken .name -}}
{{- fail (printf "%s: container name %q is taken by %s; the containers of a pod need unique names" $.path .name (get $.taken .name)) -}}
{{- end -}}
{{- $_ := set $.taken .name $.path -}}
{{- $container := deepCopy . -}}
{{- if and (not (hasKey $container "securityContext")) $root.Values.securityContext -}}
{{- $_ := set $container "securityContext" (deepCopy $root.Values.securityContext) -}}
{{- end -}}
{{- $out = append $out $container -}}
{{- end -}}
{{- toJson $out -}}
{{- end -}}

{{/* Labels of the `helm test` pods (templates/test-pod.yaml); the network policy lets them in. */}}
{{- define "litellm-stack.helmTests.selector" -}}
app.kubernetes.io/component: helm-test
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/part-of: litellm-stack
{{- end -}}
