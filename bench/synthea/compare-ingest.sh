#!/usr/bin/env bash
# Synthea ingest on PostgreSQL, side by side: Continuum with its default checks (on), Continuum with validation and
# the care-coordination checks off (off), and the HAPI FHIR JPA starter 8.8.0 (starter, if its war is given).
# Each run gets a fresh database and a fresh server; the servers alternate round by round, so a slow spell of the
# machine does not fall on one of them. One line per run from bench/synthea/ingest.sh, prefixed with the server.
#
# usage: bench/synthea/compare-ingest.sh COHORT_DIR [ROUNDS] [STARTER_WAR]
#   e.g. bench/synthea/compare-ingest.sh bench/out/cohort-10-12345/fhir 3 "$(bench/starter/build.sh)"
# Environment: SERVERS (default "on off", plus starter with a war) picks the servers; CONTINUUM_JVM replaces
# Continuum's JVM options (default: the README's).
# Needs target/continuum-*.jar (./mvnw package) and PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cohort=${1:?directory of Synthea bundles}
rounds=${2:-3}
starter=${3:-}
jar=$(ls "$root"/target/continuum-*.jar | head -1)
port=18390
# Continuum as the README starts it; the starter as its README does (java -jar, the JVM's defaults)
read -r -a continuum_jvm <<< "${CONTINUUM_JVM:--XX:+UseSerialGC -Xmn64m -Xmx1g}"
checks_off=(--continuum.conformance.validation-mode=off --continuum.medication.checks-enabled=false
  --continuum.discharge.policy=off)

psql_admin() { psql -h 127.0.0.1 -U postgres -q -d postgres -c "$1" > /dev/null; }

start_server() { # server database -> pid
  local url=jdbc:postgresql://127.0.0.1:5432/$2 command
  case $1 in
    on) command=(java "${continuum_jvm[@]}" -jar "$jar" --spring.profiles.active=postgresql) ;;
    off) command=(java "${continuum_jvm[@]}" -jar "$jar" --spring.profiles.active=postgresql "${checks_off[@]}") ;;
    starter) command=(java -jar "$starter" --spring.datasource.username=postgres --spring.datasource.password=
        --spring.datasource.driver-class-name=org.postgresql.Driver
        --spring.jpa.properties.hibernate.dialect=ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect) ;;
  esac
  "${command[@]}" --server.port=$port --spring.datasource.url="$url" > "$log_dir/$1-$2.log" 2>&1 &
  echo $!
}

wait_ready() { # pid
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/fhir/metadata" && return 0
    kill -0 "$1" 2> /dev/null || return 1
    sleep 1
  done
  return 1
}

log_dir=$root/bench/out/compare-ingest
mkdir -p "$log_dir"
read -r -a servers <<< "${SERVERS:-on off${starter:+ starter}}"

for round in $(seq 1 "$rounds"); do
  for server in "${servers[@]}"; do
    database=ingest_${server}_$round
    psql_admin "DROP DATABASE IF EXISTS $database"
    psql_admin "CREATE DATABASE $database"
    pid=$(start_server "$server" "$database")
    if wait_ready "$pid"; then
      echo "server=$server round=$round $("$root/bench/synthea/ingest.sh" "http://127.0.0.1:$port/fhir" "$cohort" "$pid")"
    else
      echo "server=$server round=$round did not start: $log_dir/$server-$database.log"
    fi
    kill "$pid" 2> /dev/null || true
    while kill -0 "$pid" 2> /dev/null; do sleep 0.5; done
    psql_admin "DROP DATABASE IF EXISTS $database"
  done
done
