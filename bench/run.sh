#!/usr/bin/env bash
# Continuum benchmark harness (see bench/README.md): builds the harness program when its sources are newer than
# its jar, then runs it with this script's arguments. Load goes only to 127.0.0.1.
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar="$bench/target/continuum-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$bench/src/main" "$bench/pom.xml" -newer "$jar" -print -quit)" ]; then
  # Offline first: on a machine that has built before, every dependency is in ~/.m2 already. Build output goes to
  # stderr, so stdout carries only the run's summary.
  { "$bench/../mvnw" -B -q -o -f "$bench/pom.xml" package -DskipTests ||
    "$bench/../mvnw" -B -q -f "$bench/pom.xml" package -DskipTests; } >&2
fi
exec java -jar "$jar" "$@"
