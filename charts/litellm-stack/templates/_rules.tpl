{{/*
The conditional requirements of the values (JSON Schema if/then, generated into
files/conditional-rules.json from the catalog), checked here instead of in values.schema.json so that
Helm 3 and Helm 4 both refuse with one line naming the value. The evaluator covers the keywords the
rules use, with JSON Schema's meaning (a keyword that does not apply to the value's type passes):
const, pattern, minLength, type string, minItems, required, properties, not, allOf, anyOf.
*/}}

{{/*
A schema as a flat list of tests (JSON), (dict "s" schema "at" segments): each {"at": the path below
the value, "s": the keywords that apply there}. properties and allOf, which only combine, are unfolded
here, once per rule and render, so that matching a value is one loop instead of an include per
keyword and level; not and anyOf stay in their test, compiled too.
*/}}
{{- define "litellm-stack.rules.compile" -}}
{{- $s := .s -}}{{- $at := .at -}}
{{- $own := omit $s "properties" "allOf" "not" "anyOf" -}}
{{- if hasKey $s "not" }}{{ $_ := set $own "not" (include "litellm-stack.rules.compile" (dict "s" $s.not "at" list) | fromJsonArray) }}{{ end -}}
{{- with $s.anyOf -}}
{{- $parts := list -}}
{{- range $part := . }}{{ $parts = append $parts (include "litellm-stack.rules.compile" (dict "s" $part "at" list) | fromJsonArray) }}{{ end -}}
{{- $_ := set $own "anyOf" $parts -}}
{{- end -}}
{{- $tests := list (dict "at" $at "s" $own) -}}
{{- range $key, $child := $s.properties | default dict -}}
{{- $tests = concat $tests (include "litellm-stack.rules.compile" (dict "s" $child "at" (append $at $key)) | fromJsonArray) -}}
{{- end -}}
{{- range $part := $s.allOf | default list -}}
{{- $tests = concat $tests (include "litellm-stack.rules.compile" (dict "s" $part "at" $at) | fromJsonArray) -}}
{{- end -}}
{{- toJson $tests -}}
{{- end -}}

{{/*
Matches one value against several compiled schemas, (dict "schemas" [compiled...] "v" value): "1" or
"0" per schema, in order. Lean (no messages, early exits): it runs for every rule on every model.
A test whose path does not reach a map key passes, as properties does; a keyword that does not apply
to the value's type passes.
*/}}
{{- define "litellm-stack.rules.matchAll" -}}
{{- $v := .v -}}
{{- range $tests := .schemas -}}
{{- $ok := true -}}
{{- range $test := $tests -}}
{{- $x := $v -}}{{- $present := true -}}
{{- range $segment := $test.at -}}
{{- if and (kindIs "map" $x) (hasKey $x $segment) }}{{ $x = get $x $segment }}{{ else }}{{ $present = false }}{{ break }}{{ end -}}
{{- end -}}
{{- if $present -}}
{{- $s := $test.s -}}
{{- if hasKey $s "const" }}{{ $ok = eq (toJson $x) (toJson $s.const) }}{{ end -}}
{{- if and $ok (kindIs "string" $x) -}}
{{- if and (hasKey $s "pattern") (not (regexMatch $s.pattern $x)) }}{{ $ok = false }}{{ end -}}
{{- if and $ok (hasKey $s "minLength") (lt (len $x) (int $s.minLength)) }}{{ $ok = false }}{{ end -}}
{{- else if and $ok (hasKey $s "type") (eq $s.type "string") -}}{{- $ok = false -}}
{{- end -}}
{{- if and $ok (kindIs "slice" $x) (hasKey $s "minItems") (lt (len $x) (int $s.minItems)) }}{{ $ok = false }}{{ end -}}
{{- if and $ok (kindIs "map" $x) -}}
{{- range $key := $s.required | default list }}{{ if not (hasKey $x $key) }}{{ $ok = false }}{{ break }}{{ end }}{{ end -}}
{{- end -}}
{{- if and $ok (hasKey $s "not") (eq (include "litellm-stack.rules.matchAll" (dict "schemas" (list $s.not) "v" $x)) "1") }}{{ $ok = false }}{{ end -}}
{{- if and $ok $s.anyOf (not (contains "1" (include "litellm-stack.rules.matchAll" (dict "schemas" $s.anyOf "v" $x)))) }}{{ $ok = false }}{{ end -}}
{{- end -}}
{{- if not $ok }}{{ break }}{{ end -}}
{{- end -}}
{{- ternary "1" "0" $ok -}}
{{- end -}}
{{- end -}}

{{/*
What compiled tests read of a value, as {path as JSON: {"at": path, "value": bool}} merged into
.reads (dict "tests" compiled "reads" dict): a test's whole value when a keyword looks at it, else
(required) only whether its keys are there. Two values that read alike there match alike, which
lets rules.checkAt keep a condition's result per reading.
*/}}
{{- define "litellm-stack.rules.reads" -}}
{{- $reads := .reads -}}
{{- range $test := .tests -}}
{{- if omit $test.s "required" -}}
{{- $_ := set $reads (toJson $test.at) (dict "at" $test.at "value" true) -}}
{{- else -}}
{{- range $key := $test.s.required | default list -}}
{{- $at := append $test.at $key -}}
{{- if not (hasKey $reads (toJson $at)) }}{{ $_ := set $reads (toJson $at) (dict "at" $at "value" false) }}{{ end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* "true" when (dict "s" schema "v" value) validates (the messages' path; rules.check matches compiled schemas). */}}
{{- define "litellm-stack.rules.matches" -}}
{{- if eq (include "litellm-stack.rules.matchAll" (dict "schemas" (list (include "litellm-stack.rules.compile" (dict "s" .s "at" list) | fromJsonArray)) "v" .v)) "1" }}true{{ end -}}
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

{{/*
Fails on the first rule the values break: the first in files/conditional-rules.json's order, at the
first key in order. One walk of the values per place the rules apply (every models.* rule is checked
in the same pass over the models), the rules' conditions compiled once.
*/}}
{{- define "litellm-stack.rules.check" -}}
{{- $groups := dict -}}
{{- range $index, $rule := $.Files.Get "files/conditional-rules.json" | fromJsonArray -}}
{{- $at := toJson $rule.at -}}
{{- if not (hasKey $groups $at) }}{{ $_ := set $groups $at (dict "at" $rule.at "rules" list "ifs" list "thens" list "reads" dict "memo" dict) }}{{ end -}}
{{- $group := get $groups $at -}}
{{- $_ := set $group "rules" (append $group.rules (dict "index" $index "rule" $rule)) -}}
{{- $if := include "litellm-stack.rules.compile" (dict "s" $rule.if "at" list) | fromJsonArray -}}
{{- $_ := set $group "ifs" (append $group.ifs $if) -}}
{{- include "litellm-stack.rules.reads" (dict "tests" $if "reads" $group.reads) -}}
{{- $_ := set $group "thens" (append $group.thens (include "litellm-stack.rules.compile" (dict "s" $rule.then "at" list) | fromJsonArray)) -}}
{{- end -}}
{{- $broken := dict -}}
{{- range $_, $group := $groups -}}
{{- include "litellm-stack.rules.checkAt" (dict "group" $group "at" $group.at "path" "" "v" $.Values "broken" $broken) -}}
{{- end -}}
{{- with $broken -}}
{{- $first := get . (keys . | sortAlpha | first) -}}
{{- $rule := $first.rule -}}
{{- $path := trimPrefix "." $first.path -}}
{{- if $rule.message -}}
{{- fail (printf "%s.%s: %s" $path $rule.field $rule.message) -}}
{{- else -}}
{{- fail (printf "%s (when %s)" (include "litellm-stack.rules.explain" (dict "s" $rule.then "v" $first.v "path" $path)) (include "litellm-stack.rules.when" (dict "s" $rule.if "path" $path))) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
A group's rules on the values under (dict "at" segments "path" path "v" value), "*" descending into
every key in order; sets .broken.<rule index> to the first place that breaks it. Recursive rather
than collecting the targets in a list: appending to a list copies it, which made the check quadratic
in the number of models.
*/}}
{{- define "litellm-stack.rules.checkAt" -}}
{{- $ctx := . -}}
{{- if $ctx.at -}}
{{- if kindIs "map" $ctx.v -}}
{{- $segment := first $ctx.at -}}
{{- if eq $segment "*" -}}
{{- range $key := keys $ctx.v | sortAlpha -}}
{{- include "litellm-stack.rules.checkAt" (dict "group" $ctx.group "at" (rest $ctx.at) "path" (printf "%s.%s" $ctx.path $key) "v" (get $ctx.v $key) "broken" $ctx.broken) -}}
{{- end -}}
{{- else if hasKey $ctx.v $segment -}}
{{- include "litellm-stack.rules.checkAt" (dict "group" $ctx.group "at" (rest $ctx.at) "path" (printf "%s.%s" $ctx.path $segment) "v" (get $ctx.v $segment) "broken" $ctx.broken) -}}
{{- end -}}
{{- end -}}
{{- else -}}
{{- /* The conditions' results kept per reading: deployments of one model in many regions or accounts read alike. */ -}}
{{- $reading := list -}}
{{- range $_, $read := $ctx.group.reads -}}
{{- $x := $ctx.v -}}{{- $seen := "" -}}
{{- range $depth, $segment := $read.at -}}
{{- if not (kindIs "map" $x) }}{{ $seen = printf "not a map at %d" $depth }}{{ break }}{{ end -}}
{{- if not (hasKey $x $segment) }}{{ $seen = printf "no key at %d" $depth }}{{ break }}{{ end -}}
{{- $x = get $x $segment -}}
{{- end -}}
{{- if $seen }}{{ $reading = append $reading $seen }}{{ else if $read.value }}{{ $reading = append $reading (toJson $x) }}{{ else }}{{ $reading = append $reading "there" }}{{ end -}}
{{- end -}}
{{- $known := toJson $reading -}}
{{- if not (hasKey $ctx.group.memo $known) -}}
{{- $_ := set $ctx.group.memo $known (include "litellm-stack.rules.matchAll" (dict "schemas" $ctx.group.ifs "v" $ctx.v)) -}}
{{- end -}}
{{- $applies := get $ctx.group.memo $known -}}
{{- if contains "1" $applies -}}
{{- range $i, $bit := splitList "" $applies -}}
{{- if and (eq $bit "1") (eq (include "litellm-stack.rules.matchAll" (dict "schemas" (list (index $ctx.group.thens $i)) "v" $ctx.v)) "0") -}}
{{- $entry := index $ctx.group.rules $i -}}
{{- $key := printf "%04d" $entry.index -}}
{{- if not (hasKey $ctx.broken $key) }}{{ $_ := set $ctx.broken $key (dict "rule" $entry.rule "path" $ctx.path "v" $ctx.v) }}{{ end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
