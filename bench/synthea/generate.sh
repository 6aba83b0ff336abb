#!/usr/bin/env bash
# Generates synthetic patients as FHIR R4 transaction bundles with Synthea 3.3.0, offline after the first run.
# usage: bench/synthea/generate.sh PATIENTS OUTDIR [SEED]
#   OUTDIR/fhir/ then holds hospitalInformation*.json and practitionerInformation*.json (load these first:
#   patient bundles reference them conditionally) and one bundle per patient.
# The first run copies about 200 MB of jars from Maven Central into LIBDIR (default ~/.cache/continuum-synthea/lib).
set -euo pipefail
n=${1:?PATIENTS}; out=${2:?OUTDIR}; seed=${3:-12345}
here=$(cd "$(dirname "$0")" && pwd)
lib=${LIBDIR:-$HOME/.cache/continuum-synthea/lib}
if [ -z "$(ls -A "$lib" 2>/dev/null)" ]; then
  mkdir -p "$lib"
  "$here/../../mvnw" -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" -DincludeScope=runtime
fi
mkdir -p "$out"
# -r fixes the reference date, so the same seed gives the same patients on any day.
exec java -Xmx4g -cp "$lib/*" App -s "$seed" -cs "$seed" -r 20250101 -p "$n" \
  --exporter.fhir.export true --exporter.fhir.transaction_bundle true \
  --exporter.baseDirectory "$out/"
