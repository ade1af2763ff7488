{{/*
The proxy container's environment, as a YAML list. Names are unique (Helm 4 applies server-side).
Takes (dict "root" $ "files" <config files as rendered, litellm-stack.config.files>).
*/}}
{{- define "litellm-stack.proxy.env" -}}
{{- $root := .root -}}
{{- $secret := include "litellm-stack.names.secret" $root -}}
{{- /* LITELLM_NON_ROOT: serve the admin UI the `ui` init container staged in /tmp (the root is read-only). */ -}}
{{- $env := list
  (dict "name" "LITELLM_MASTER_KEY" "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" $root.Values.secrets.masterKeyKey)))
  (dict "name" "LITELLM_SALT_KEY" "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" $root.Values.secrets.saltKeyKey)))
  (dict "name" "UI_USERNAME" "value" $root.Values.ui.username)
  (dict "name" "UI_PASSWORD" "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" $root.Values.secrets.masterKeyKey)))
  (dict "name" "LITELLM_MIGRATION_DIR" "value" $root.Values.litellm.migrationDir)
  (dict "name" "LITELLM_MODE" "value" "PRODUCTION")
  (dict "name" "LITELLM_NON_ROOT" "value" "true")
-}}
{{- range $feature := list "database" "cache" "observability" "oidc" "operations" -}}
{{- $env = concat $env (include (printf "litellm-stack.%s.env" $feature) $root | fromJsonArray) -}}
{{- end -}}
{{- /* The chart's own names are fixed; a credential's Secret key (its env var) is what a value can make collide. */ -}}
{{- $names := dict -}}
{{- range $env -}}{{- $_ := set $names .name "the chart" -}}{{- end -}}
{{- $providers := include "litellm-stack.providers.data" $root | fromJson -}}
{{- range $id, $credential := $root.Values.credentials -}}
{{- if $credential.enabled -}}
{{- range $field := $providers.fields -}}
{{- $key := get ($credential.secretKeys | default dict) $field.field -}}
{{- if and (eq $field.secret "env") $key (hasKey $names $key) -}}
{{- fail (printf "credentials.%s.secretKeys.%s: %s is an env var the chart sets itself, so it would be set twice; name the credential's Secret key differently (e.g. %s_%s)" $id $field.field $key (upper (snakecase $id)) (upper (snakecase $field.field))) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- /* Credentials may share one key: one env var. */ -}}
{{- range $name := include "litellm-stack.secrets.credentialKeys" $root | fromJsonArray -}}
{{- $_ := set $names $name "a credential's secretKeys" -}}
{{- $env = append $env (dict "name" $name "valueFrom" (dict "secretKeyRef" (dict "name" $secret "key" $name))) -}}
{{- end -}}
{{- range $index, $extra := $root.Values.extraEnv -}}
{{- if and $extra.value $extra.valueFrom -}}
{{- fail (printf "extraEnv[%d].valueFrom: set value or valueFrom, not both; the API server refuses both" $index) -}}
{{- end -}}
{{- if hasKey $names $extra.name -}}
{{- fail (printf "extraEnv[%d].name: %s is already set by %s; change it there instead of adding it again" $index $extra.name (get $names $extra.name)) -}}
{{- end -}}
{{- if kindIs "string" $extra.value -}}
{{- include "litellm-stack.secrets.refuseUserinfo" (dict "value" $extra.value "path" (printf "extraEnv[%d].value" $index)) -}}
{{- if and (include "litellm-stack.secrets.isSensitiveKey" $extra.name) $extra.value (not (hasPrefix "os.environ/" $extra.value)) -}}
{{- fail (printf "extraEnv[%d].value: %s looks like a secret and would be a plain env value in the Deployment; put it into the Secret and use valueFrom.secretKeyRef instead of value" $index $extra.name) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $names $extra.name (printf "extraEnv[%d]" $index) -}}
{{- $env = append $env $extra -}}
{{- end -}}
{{- /* LiteLLM turns a missing os.environ/NAME into null silently (requests then fail with 500); envFrom names are unknowable here. */ -}}
{{- if not $root.Values.extraEnvFrom -}}
{{- range $file, $text := $.files -}}
{{- range $ref := regexFindAll "os\\.environ/[A-Za-z_][A-Za-z0-9_]*" $text -1 | uniq -}}
{{- $name := trimPrefix "os.environ/" $ref -}}
{{- if not (hasKey $names $name) -}}
{{- fail (printf "config.yaml reads os.environ/%s, but the proxy has no env var %s: add it with extraEnv (or extraEnvFrom)" $name $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toYaml $env -}}
{{- end -}}

{{/*
Secret keys of the enabled credentials, sorted and unique, as JSON: those passed as env vars of the
same name ("secret": "env", the default), or those mounted as files ("secret": "file").
*/}}
{{- define "litellm-stack.secrets.credentialKeys" -}}
{{- $kind := .secret | default "env" -}}
{{- $root := .root | default . -}}
{{- $data := include "litellm-stack.providers.data" $root | fromJson -}}
{{- $keys := list -}}
{{- range $id, $credential := $root.Values.credentials -}}
{{- if $credential.enabled -}}
{{- range $field := $data.fields -}}
{{- if eq $field.secret $kind -}}
{{- with get ($credential.secretKeys | default dict) $field.field -}}{{- $keys = append $keys . -}}{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson ($keys | uniq | sortAlpha) -}}
{{- end -}}

{{/* The volume holding the enabled credentials' file secrets (Vertex AI service-account JSON), as a JSON list of at most one. */}}
{{- define "litellm-stack.proxy.credentialFilesVolume" -}}
{{- $data := include "litellm-stack.providers.data" . | fromJson -}}
{{- $items := list -}}
{{- range $id, $credential := .Values.credentials -}}
{{- if $credential.enabled -}}
{{- range $field := $data.fields -}}
{{- if eq $field.secret "file" -}}
{{- with get ($credential.secretKeys | default dict) $field.field -}}{{- $items = append $items (dict "key" . "path" (printf "%s/%s" $id $field.field)) -}}{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $items -}}
{{- toJson (list (dict "name" "credential-files" "mountPath" $data.filesDir "secret" (dict "secretName" (include "litellm-stack.names.secret" .) "items" $items "defaultMode" 288))) -}}
{{- else -}}[]{{- end -}}
{{- end -}}

{{- define "litellm-stack.proxy.httpProbe" -}}
httpGet:
  path: {{ .probe.path | quote }}
  port: {{ .port | default "http" | quote }}
initialDelaySeconds: {{ .probe.initialDelaySeconds }}
periodSeconds: {{ .probe.periodSeconds }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
failureThreshold: {{ .probe.failureThreshold }}
{{- end -}}

{{/* An IntOrString from a values string: "0" → 0, "25%" stays a string. */}}
{{- define "litellm-stack.intOrPercent" -}}
{{- if regexMatch "^[0-9]+$" . -}}{{ . }}{{- else -}}{{ . | quote }}{{- end -}}
{{- end -}}

{{/*
Fails when the chart-created Secret would lack a key that a feature reads; with an existing Secret the
key is the user's to provide. Input: (dict "root" $ "key" SecretKey "value" "values.path.naming.it").
*/}}
{{- define "litellm-stack.secrets.requireKey" -}}
{{- $secrets := .root.Values.secrets -}}
{{- if not $secrets.existingSecret -}}
{{- $stored := (lookup "v1" "Secret" .root.Release.Namespace (include "litellm-stack.names.secret" .root)).data | default dict -}}
{{- if not (or (hasKey $secrets.values .key) (hasKey $stored .key)) -}}
{{- fail (printf "secrets.values.%s: %s names Secret key %s, but the chart-created Secret has no value for it; set secrets.values.%s or use secrets.existingSecret" .key .value .key .key) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Every key the proxy reads from the release's Secret (chart-created or existingSecret), as JSON. */}}
{{- define "litellm-stack.secrets.expectedKeys" -}}
{{- $secret := include "litellm-stack.names.secret" . -}}
{{- $keys := list .Values.secrets.masterKeyKey .Values.secrets.saltKeyKey -}}
{{- range $feature := list "database" "cache" "observability" "oidc" -}}
{{- range include (printf "litellm-stack.%s.env" $feature) $ | fromJsonArray -}}
{{- if and .valueFrom .valueFrom.secretKeyRef (eq .valueFrom.secretKeyRef.name $secret) -}}{{- $keys = append $keys .valueFrom.secretKeyRef.key -}}{{- end -}}
{{- end -}}
{{- end -}}
{{- $credentialKeys := concat (include "litellm-stack.secrets.credentialKeys" . | fromJsonArray) (include "litellm-stack.secrets.credentialKeys" (dict "root" . "secret" "file") | fromJsonArray) -}}
{{- toJson (concat $keys $credentialKeys | uniq) -}}
{{- end -}}

{{/*
Where LiteLLM 1.80.8 writes under a read-only root filesystem, as JSON [{name, mountPath}], each an
emptyDir of tmpSizeLimit in the proxy pod and the migration Job: /tmp (the staged admin UI,
LITELLM_MIGRATION_DIR, supervisord's log and pid); with a database also the Prisma CLI's caches of the
non-root image (HOME is /), as the official chart mounts them.
*/}}
{{- define "litellm-stack.proxy.writableDirs" -}}
{{- $dirs := list (dict "name" "tmp" "mountPath" "/tmp") -}}
{{- if ne .Values.database.mode "none" -}}
{{- $dirs = concat $dirs (list (dict "name" "prisma-cache" "mountPath" "/.cache") (dict "name" "npm-cache" "mountPath" "/.npm")) -}}
{{- end -}}
{{- toJson $dirs -}}
{{- end -}}

{{/* The writable dirs' volumeMounts, as a YAML list. */}}
{{- define "litellm-stack.proxy.writableMounts" -}}
{{- range include "litellm-stack.proxy.writableDirs" . | fromJsonArray }}
- name: {{ .name | quote }}
  mountPath: {{ .mountPath | quote }}
{{- end }}
{{- end -}}

{{/* The writable dirs' emptyDir volumes, as a YAML list. */}}
{{- define "litellm-stack.proxy.writableVolumes" -}}
{{- $emptyDir := dict -}}
{{- with .Values.tmpSizeLimit -}}{{- $emptyDir = dict "sizeLimit" . -}}{{- end -}}
{{- range include "litellm-stack.proxy.writableDirs" . | fromJsonArray }}
- name: {{ .name | quote }}
  emptyDir: {{- toYaml $emptyDir | nindent 4 }}
{{- end }}
{{- end -}}

{{/*
Refuses a security context the kubelet would not start: UID 0 while runAsNonRoot is true
(CreateContainerConfigError). The container's fields override the pod's, as in Kubernetes.
*/}}
{{- define "litellm-stack.proxy.checkSecurityContext" -}}
{{- $pod := .Values.podSecurityContext | default dict -}}
{{- $container := .Values.securityContext | default dict -}}
{{- $nonRoot := ternary $container.runAsNonRoot $pod.runAsNonRoot (hasKey $container "runAsNonRoot") -}}
{{- $path := ternary "securityContext.runAsUser" "podSecurityContext.runAsUser" (hasKey $container "runAsUser") -}}
{{- $user := ternary $container.runAsUser $pod.runAsUser (hasKey $container "runAsUser") -}}
{{- if and $nonRoot (not (kindIs "invalid" $user)) (eq (toString $user) "0") -}}
{{- fail (printf "%s: 0 is root while runAsNonRoot is true, so the kubelet would not start the pod; use a non-root UID (the non-root image's files belong to 65534) or set runAsNonRoot: false" $path) -}}
{{- end -}}
{{- end -}}
