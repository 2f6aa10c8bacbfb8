{{- define "platform.hasCronJobs" -}}
{{- if .Capabilities.APIVersions.Has (printf "%s/%s" "batch" "v1") -}}yes{{- else -}}no{{- end -}}
{{- end -}}
