{{/*
The conditional requirements of the values (JSON Schema if/then, generated into
files/conditional-rules.json from the catalog), checked here instead of in values.schema.json so that
Helm 3 and Helm 4 both refuse with one line naming the value. The evaluator covers the keywords the
rules use, with JSON Schema's meaning (a keyword that does not apply to the value's type passes):
const, pattern, minLength, type string, minItems, required, properties, not, allOf, anyOf.
*/}}

{{/* "true" when (dict "s" schema "v" value) validates. Lean (no messages, early exits): it runs for
every rule on every model. */}}
{{- define "litellm-stack.rules.matches" -}}
{{- $s := .s -}}{{- $v := .v -}}{{- $ok := true -}}
{{- if hasKey $s "const" }}{{ $ok = eq (toJson $v) (toJson $s.const) }}{{ end -}}
{{- if and $ok (kindIs "string" $v) -}}
{{- if and (hasKey $s "pattern") (not (regexMatch $s.pattern $v)) }}{{ $ok = false }}{{ end -}}
{{- if and $ok (hasKey $s "minLength") (lt (len $v) (int $s.minLength)) }}{{ $ok = false }}{{ end -}}
{{- else if and $ok (hasKey $s "type") (eq $s.type "string") -}}{{- $ok = false -}}
{{- end -}}
{{- if and $ok (kindIs "slice" $v) (hasKey $s "minItems") (lt (len $v) (int $s.minItems)) }}{{ $ok = false }}{{ end -}}
{{- if and $ok (kindIs "map" $v) -}}
{{- range $key := $s.required | default list }}{{ if not (hasKey $v $key) }}{{ $ok = false }}{{ break }}{{ end }}{{ end -}}
{{- if $ok }}{{ range $key, $child := $s.properties | default dict }}{{ if and (hasKey $v $key) (not (include "litellm-stack.rules.matches" (dict "s" $child "v" (get $v $key)))) }}{{ $ok = false }}{{ break }}{{ end }}{{ end }}{{ end -}}
{{- end -}}
{{- if and $ok (hasKey $s "not") (include "litellm-stack.rules.matches" (dict "s" $s.not "v" $v)) }}{{ $ok = false }}{{ end -}}
{{- if $ok }}{{ range $part := $s.allOf | default list }}{{ if not (include "litellm-stack.rules.matches" (dict "s" $part "v" $v)) }}{{ $ok = false }}{{ break }}{{ end }}{{ end }}{{ end -}}
{{- if and $ok $s.anyOf -}}
{{- $ok = false -}}
{{- range $part := $s.anyOf }}{{ if include "litellm-stack.rules.matches" (dict "s" $part "v" $v) }}{{ $ok = true }}{{ break }}{{ end }}{{ end -}}
{{- end -}}
{{- if $ok }}true{{ end -}}
{{- end -}}

{{/* The first reason (dict "s" schema "v" value "path" path) fails, as "<path>: <what is allowed>"; empty when it validates. */}}
{{- define "litellm-stack.rules.explain" -}}
{{- $s := .s -}}{{- $v := .v -}}{{- $path := .path -}}
{{- $why := "" -}}
{{- if and (hasKey $s "const") (ne (toJson $v) (toJson $s.const)) -}}
{{- $why = printf "%s: must be %s" $path (toJson $s.const) -}}
{{- else if and (hasKey $s "type") (eq $s.type "string") (not (kindIs "string" $v)) -}}
{{- $why = printf "%s: must be a string" $path -}}
{{- else if and (kindIs "string" $v) (hasKey $s "pattern") (not (regexMatch $s.pattern $v)) -}}
{{- $why = printf "%s: must match %s, not %q" $path $s.pattern $v -}}
{{- else if and (kindIs "string" $v) (hasKey $s "minLength") (lt (len $v) (int $s.minLength)) -}}
{{- $why = printf "%s: must be set (not empty)" $path -}}
{{- else if and (kindIs "slice" $v) (hasKey $s "minItems") (lt (len $v) (int $s.minItems)) -}}
{{- $why = printf "%s: needs at least %d item(s)" $path (int $s.minItems) -}}
{{- end -}}
{{- if and (not $why) (kindIs "map" $v) -}}
{{- range $key := $s.required | default list -}}
{{- if and (not $why) (not (hasKey $v $key)) -}}{{- $why = printf "%s.%s: is required" $path $key -}}{{- end -}}
{{- end -}}
{{- range $key, $child := $s.properties | default dict -}}
{{- if and (not $why) (hasKey $v $key) -}}
{{- $why = include "litellm-stack.rules.explain" (dict "s" $child "v" (get $v $key) "path" (printf "%s.%s" $path $key)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and (not $why) (hasKey $s "not") (include "litellm-stack.rules.matches" (dict "s" $s.not "v" $v)) -}}
{{- $why = printf "%s: must not match %s" $path (toJson $s.not) -}}
{{- end -}}
{{- range $part := $s.allOf | default list -}}
{{- if not $why -}}{{- $why = include "litellm-stack.rules.explain" (dict "s" $part "v" $v "path" $path) -}}{{- end -}}
{{- end -}}
{{- if and (not $why) $s.anyOf -}}
{{- $any := false -}}
{{- range $part := $s.anyOf -}}{{- if include "litellm-stack.rules.matches" (dict "s" $part "v" $v) -}}{{- $any = true -}}{{- end -}}{{- end -}}
{{- if not $any -}}
{{- $options := list -}}
{{- range $part := $s.anyOf -}}{{- $options = append $options (join "+" ($part.required | default list)) -}}{{- end -}}
{{- $why = printf "%s: set one of %s" $path (join ", " $options) -}}
{{- end -}}
{{- end -}}
{{- $why -}}
{{- end -}}

{{/* A rule's condition in words, (dict "s" schema "path" path): "backup.enabled is true", "credentials.x.resourceName is set". */}}
{{- define "litellm-stack.rules.when" -}}
{{- $parts := list -}}
{{- $path := .path -}}
{{- $properties := .s.properties | default dict -}}
{{- range $key, $child := $properties -}}
{{- $at := printf "%s.%s" $path $key -}}
{{- if hasKey $child "const" }}{{ $parts = append $parts (printf "%s is %s" $at (toJson $child.const)) }}
{{- else if hasKey $child "pattern" }}{{ $parts = append $parts (printf "%s matches %s" $at $child.pattern) }}
{{- else if hasKey $child "minLength" }}{{ $parts = append $parts (printf "%s is set" $at) }}
{{- else if hasKey $child "properties" }}{{ $parts = append $parts (include "litellm-stack.rules.when" (dict "s" $child "path" $at)) }}{{ end -}}
{{- end -}}
{{- range $key := .s.required | default list -}}{{- if not (hasKey $properties $key) -}}{{- $parts = append $parts (printf "%s.%s is set" $path $key) -}}{{- end -}}{{- end -}}
{{- join " and " ($parts | uniq) -}}
{{- end -}}

{{/* Fails on the first rule the values break. */}}
{{- define "litellm-stack.rules.check" -}}
{{- range $rule := $.Files.Get "files/conditional-rules.json" | fromJsonArray -}}
{{- include "litellm-stack.rules.checkAt" (dict "rule" $rule "at" $rule.at "path" "" "v" $.Values) -}}
{{- end -}}
{{- end -}}

{{/* One rule on the values under (dict "at" segments "path" path "v" value), "*" descending into every
key in order. Recursive rather than collecting the targets in a list: appending to a list copies it,
which made the check quadratic in the number of models. */}}
{{- define "litellm-stack.rules.checkAt" -}}
{{- $ctx := . -}}
{{- if $ctx.at -}}
{{- if kindIs "map" $ctx.v -}}
{{- $segment := first $ctx.at -}}
{{- if eq $segment "*" -}}
{{- range $key := keys $ctx.v | sortAlpha -}}
{{- include "litellm-stack.rules.checkAt" (dict "rule" $ctx.rule "at" (rest $ctx.at) "path" (printf "%s.%s" $ctx.path $key) "v" (get $ctx.v $key)) -}}
{{- end -}}
{{- else if hasKey $ctx.v $segment -}}
{{- include "litellm-stack.rules.checkAt" (dict "rule" $ctx.rule "at" (rest $ctx.at) "path" (printf "%s.%s" $ctx.path $segment) "v" (get $ctx.v $segment)) -}}
{{- end -}}
{{- end -}}
{{- else if include "litellm-stack.rules.matches" (dict "s" $ctx.rule.if "v" $ctx.v) -}}
{{- if not (include "litellm-stack.rules.matches" (dict "s" $ctx.rule.then "v" $ctx.v)) -}}
{{- $path := trimPrefix "." $ctx.path -}}
{{- if $ctx.rule.message -}}
{{- fail (printf "%s.%s: %s" $path $ctx.rule.field $ctx.rule.message) -}}
{{- else -}}
{{- fail (printf "%s (when %s)" (include "litellm-stack.rules.explain" (dict "s" $ctx.rule.then "v" $ctx.v "path" $path)) (include "litellm-stack.rules.when" (dict "s" $ctx.rule.if "path" $path))) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
