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

{{/* Replicas that can run at once at the least: decides PDB and topology spread. */}}
{{- define "litellm-stack.proxy.minReplicas" -}}
{{- if .Values.autoscaling.enabled -}}{{ .Values.autoscaling.minReplicas }}{{- else -}}{{ .Values.replicas }}{{- end -}}
{{- end -}}
