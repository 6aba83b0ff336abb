#!/usr/bin/env bash
# Loads a Synthea cohort into a running FHIR server as transaction bundles and prints one line of figures:
#   resources=N seconds=S resources_per_s=R failed_bundles=F peak_rss_mb=M
# Hospital and practitioner bundles go first (the patient bundles refer to them), then the patient bundles,
# PARALLEL at a time. With a server PID, its peak RSS (VmHWM) is read from /proc at the end.
#
# usage: bench/synthea/ingest.sh FHIR_BASE COHORT_DIR [SERVER_PID] [PARALLEL]
#   e.g. bench/synthea/ingest.sh http://127.0.0.1:18390/fhir bench/out/cohort-10-12345/fhir 12345 2
set -euo pipefail

base=${1:?FHIR base URL}
cohort=${2:?directory of Synthea bundles}
pid=${3:-}
parallel=${4:-2}
failures=$(mktemp)
trap 'rm -f "$failures"' EXIT

post() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/fhir+json' \
    -H 'Prefer: return=minimal' --data-binary "@$1" "$base")
  if [[ $status != 2* ]]; then
    echo "$1: HTTP $status" >> "$failures"
    echo "failed: $1 (HTTP $status)" >&2
  fi
}
export -f post
export base failures

shopt -s nullglob
shared=("$cohort"/hospitalInformation*.json "$cohort"/practitionerInformation*.json)
patients=()
for bundle in "$cohort"/*.json; do
  case $(basename "$bundle") in hospitalInformation*|practitionerInformation*) ;; *) patients+=("$bundle") ;; esac
done
[[ ${#patients[@]} -gt 0 ]] || { echo "no patient bundles in $cohort" >&2; exit 2; }

# Resources = entries of the patient bundles, the figure the rate is of
resources=$(cat "${patients[@]}" | grep -c '"fullUrl"')

for bundle in "${shared[@]}"; do post "$bundle"; done
start=$(date +%s.%N)
printf '%s\n' "${patients[@]}" | xargs -P "$parallel" -I{} bash -c 'post "$1"' _ {}
end=$(date +%s.%N)

peak=unknown
if [[ -n $pid && -r /proc/$pid/status ]]; then
  peak=$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
fi
awk -v n="$resources" -v s="$start" -v e="$end" -v f="$(wc -l < "$failures")" -v m="$peak" \
  'BEGIN { printf "resources=%d seconds=%.1f resources_per_s=%.0f failed_bundles=%d peak_rss_mb=%s\n", n, e - s, n / (e - s), f, m }'
