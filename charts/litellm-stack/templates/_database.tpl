{{/*
Database feature (database.mode: cnpg | external | none). Contract used by other features:
- litellm-stack.database.env: JSON list of env vars for the proxy (DATABASE_URL, …).
- litellm-stack.database.generalSettings: JSON object merged into general_settings.
- litellm-stack.database.clusterName: name of the CNPG Cluster (its pods carry cnpg.io/cluster=<name>).
*/}}
{{- define "litellm-stack.database.env" -}}{{- toJson list -}}{{- end -}}
{{- define "litellm-stack.database.generalSettings" -}}{{- toJson dict -}}{{- end -}}
{{- define "litellm-stack.database.clusterName" -}}{{- include "litellm-stack.names.component" (dict "root" . "component" "db") -}}{{- end -}}
