{{/*
Database feature (database.mode: cnpg | external | none). Contract used by other features:
- litellm-stack.database.env: JSON list of env vars for the proxy (DATABASE_URL, DISABLE_SCHEMA_UPDATE).
- litellm-stack.database.generalSettings: JSON object merged into general_settings.
- litellm-stack.database.clusterName: name of the CNPG Cluster (its pods carry cnpg.io/cluster=<name>).
- litellm-stack.database.migrationSelector: YAML labels of the migration Job's pods (they reach the
  database like the proxy does; they deliberately lack the proxy's selector labels, so the Service
  never sends them traffic).
- litellm-stack.database.objectStoreName: name of the backup ObjectStore (backup.enabled).
*/}}
{{- define "litellm-stack.database.clusterName" -}}{{- .Values.database.cnpg.clusterName | default (include "litellm-stack.names.component" (dict "root" . "component" "db")) -}}{{- end -}}
{{- define "litellm-stack.database.objectStoreName" -}}{{- include "litellm-stack.names.component" (dict "root" . "component" "backup") -}}{{- end -}}

{{/* The Barman Cloud plugin as CNPG knows it. */}}
{{- define "litellm-stack.database.barmanPlugin" -}}barman-cloud.cloudnative-pg.io{{- end -}}

{{/* Folder this cluster archives to under backup.destinationPath. */}}
{{- define "litellm-stack.database.serverName" -}}
{{- .Values.backup.serverName | default (include "litellm-stack.database.clusterName" .) -}}
{{- end -}}

{{/* Where the DATABASE_URL comes from, as JSON {name, key}; {} without a database. */}}
{{- define "litellm-stack.database.urlSecret" -}}
{{- $db := .Values.database -}}
{{- if eq $db.mode "cnpg" -}}
{{- /* CNPG creates <cluster>-app for the owner role; its uri key is a complete connection URI. */ -}}
{{- toJson (dict "name" (printf "%s-app" (include "litellm-stack.database.clusterName" .)) "key" "uri") -}}
{{- else if eq $db.mode "external" -}}
{{- toJson (dict "name" $db.external.existingSecret "key" $db.external.secretKey) -}}
{{- else -}}
{{- toJson dict -}}
{{- end -}}
{{- end -}}

{{/*
"true" when this render runs migrations in the pre-upgrade hook Job. Never on install: the CNPG app
Secret only exists once the operator has reconciled the Cluster, after pre-install hooks would run.
*/}}
{{- define "litellm-stack.database.migrationJob" -}}
{{- if and (ne .Values.database.mode "none") .Values.database.migrations.job .Release.IsUpgrade -}}true{{- end -}}
{{- end -}}

{{- define "litellm-stack.database.migrationSelector" -}}
app.kubernetes.io/component: db-migration
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/part-of: litellm-stack
{{- end -}}

{{- define "litellm-stack.database.env" -}}
{{- $secret := include "litellm-stack.database.urlSecret" . | fromJson -}}
{{- $env := list -}}
{{- if $secret -}}
{{- $env = append $env (dict "name" "DATABASE_URL" "valueFrom" (dict "secretKeyRef" $secret)) -}}
{{- end -}}
{{- if include "litellm-stack.database.migrationJob" . -}}
{{- /* The hook Job has migrated already; the pods only check the schema. */ -}}
{{- $env = append $env (dict "name" "DISABLE_SCHEMA_UPDATE" "value" "true") -}}
{{- end -}}
{{- toJson $env -}}
{{- end -}}

{{- define "litellm-stack.database.generalSettings" -}}
{{- if eq .Values.database.mode "none" -}}
{{- toJson dict -}}
{{- else -}}
{{- toJson (dict "database_connection_pool_limit" (int .Values.database.connectionPoolLimit)) -}}
{{- end -}}
{{- end -}}

{{/* Most proxy pods that can run at once: replicas (or the HPA's maximum) plus the rollout surge. */}}
{{- define "litellm-stack.database.peakProxyPods" -}}
{{- $pods := include "litellm-stack.proxy.maxReplicas" . | int -}}
{{- $surge := .Values.strategy.maxSurge -}}
{{- if hasSuffix "%" $surge -}}
{{- $surge = div (add (mul $pods (trimSuffix "%" $surge | int)) 99) 100 -}}
{{- end -}}
{{- add $pods (int $surge) -}}
{{- end -}}

{{/* Cross-value rules the schema cannot express. Included by database-cluster.yaml on every render. */}}
{{- define "litellm-stack.database.checks" -}}
{{- $db := .Values.database -}}
{{- $backup := .Values.backup -}}
{{- $recovery := $db.cnpg.recovery -}}
{{- if and $backup.enabled (ne $db.mode "cnpg") -}}
{{- fail (printf "backup.enabled: backups use the CloudNativePG Barman Cloud plugin and need database.mode=cnpg (it is %s)" $db.mode) -}}
{{- end -}}
{{- if and $recovery.enabled (ne $db.mode "cnpg") -}}
{{- fail (printf "database.cnpg.recovery.enabled: recovery bootstraps a CloudNativePG cluster and needs database.mode=cnpg (it is %s)" $db.mode) -}}
{{- end -}}
{{- if and $recovery.enabled $db.cnpg.import.enabled -}}
{{- fail "database.cnpg.import.enabled: a cluster is bootstrapped once, either by recovery from a backup or by import from a running PostgreSQL; unset database.cnpg.recovery.enabled or this" -}}
{{- end -}}
{{- if and $db.cnpg.import.enabled (ne $db.mode "cnpg") -}}
{{- fail (printf "database.cnpg.import.enabled: importing bootstraps a CloudNativePG cluster and needs database.mode=cnpg (it is %s)" $db.mode) -}}
{{- end -}}
{{- if $recovery.enabled -}}
{{- $ownStore := include "litellm-stack.database.objectStoreName" . -}}
{{- if not (or $recovery.source.objectStore $backup.enabled) -}}
{{- fail "database.cnpg.recovery.source.objectStore: name the ObjectStore holding the backup, or enable backup to restore from this release's own" -}}
{{- end -}}
{{- $sourceServer := $recovery.source.serverName | default (include "litellm-stack.database.clusterName" .) -}}
{{- if and $backup.enabled (eq ($recovery.source.objectStore | default $ownStore) $ownStore) (eq $sourceServer (include "litellm-stack.database.serverName" .)) -}}
{{- fail (printf "backup.serverName: the recovered cluster would archive WAL into the folder it restores from (%s); set backup.serverName to a new name, e.g. %s-2" $sourceServer $sourceServer) -}}
{{- end -}}
{{- end -}}
{{- if eq $db.mode "cnpg" -}}
{{- $maxConnections := get $db.cnpg.parameters "max_connections" | default "100" | toString -}}
{{- if not (regexMatch "^[0-9]+$" $maxConnections) -}}
{{- fail (printf "database.cnpg.parameters.max_connections: %q is not a whole number of connections (PostgreSQL takes no unit here)" $maxConnections) -}}
{{- end -}}
{{- $max := $maxConnections | int -}}
{{- $pods := include "litellm-stack.database.peakProxyPods" . | int -}}
{{- $needed := mul $pods .Values.litellm.numWorkers $db.connectionPoolLimit -}}
{{- /* 10 connections stay for replication, the operator, backups and the migration Job. */ -}}
{{- if gt (add $needed 10) $max -}}
{{- fail (printf "database.cnpg.parameters.max_connections: %d is too low: up to %d proxy pods (replicas, autoscaling.maxReplicas or keda.maxReplicas, plus rollout surge) × %d workers × database.connectionPoolLimit %d = %d connections, plus 10 for replication and the operator; raise max_connections or lower database.connectionPoolLimit" $max $pods (int .Values.litellm.numWorkers) (int $db.connectionPoolLimit) $needed) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* The objects holding or protecting the data outlive the release (database.keepOnUninstall): Helm skips
deleting an object whose live annotation says keep, on uninstall and when an upgrade or rollback drops it. */ -}}
{{- define "litellm-stack.database.keepAnnotations" -}}
{{- if .Values.database.keepOnUninstall -}}
annotations:
  helm.sh/resource-policy: keep
{{- end }}
{{- end -}}
