#!/usr/bin/env bash
# Continuum benchmark harness: start-up, ingest and care-coordination workloads on H2 and PostgreSQL,
# with the care-coordination checks on and off. See bench/README.md. Load goes only to 127.0.0.1.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/run.sh [options]
  --patients N      Synthea patients in the generated cohort (default 10)
  --seed S          Synthea seed (default 12345)
  --cohort DIR      use this cohort (a Synthea output dir or its fhir/ dir) instead of generating one
  --db WHICH        h2, postgresql or both (default both)
  --duration S      measured seconds per workload (default 5)
  --warmup S        unmeasured seconds before each workload (default 1)
  --connections C   concurrent connections per workload (default 4)
  --compare WHAT    all: checks off turns validation, medication checks and discharge rules off (default);
                    rules: only medication checks and discharge rules, validation runs in both passes
  --workloads LIST  comma-separated names of the workloads to run (default: all of them, in their order)
  --smoke           quick end-to-end check for CI: 1 patient, 3 s per workload, 1 s warm-up
  --startup N       start-up only: per database, N rounds of a start on an empty database and a restart on
                    the same database, in the default configuration; no cohort, ingest or workloads
  -h, --help        this text
Environment: JAVA_OPTS is passed to the server JVM; SYNTHEA_GENERATE names a generate.sh to use.
EOF
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
readonly BENCH_DIR REPO_DIR
readonly JAR="$REPO_DIR/target/continuum-0.1.0-SNAPSHOT.jar"
readonly RUNTIME_DIR="$REPO_DIR/target/runtime"
readonly HOST=127.0.0.1 # the only address load is ever sent to
readonly PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=postgres
readonly STARTUP_TIMEOUT_S=600 # ~40 s on an idle 2-core machine; far longer when others share the cores
readonly READINESS_TIMEOUT_S=120
readonly BUNDLE_TIMEOUT_S=1800
readonly STOP_TIMEOUT_S=30
readonly RSS_SAMPLE_LIMIT=14400 # 2 h of 0.5 s samples: a bound for the ingest sampler, never reached in practice
readonly RULES_OFF_PROPERTIES=(--continuum.medication.checks-enabled=false --continuum.discharge.policy=off)
# The two writes with latency targets (issues 4 and 5) run before the creating workloads, which give the patient
# thousands of CarePlans and MedicationStatements no real record has.
readonly WORKLOADS=(careplan-include task-worklist patient-everything encounter-discharge medstatement-update
  careplan-create medstatement-create)

patients=10 seed=12345 cohort_option="" db_option=both duration=5 warmup=1 connections=4 smoke=no compare=all
workloads_option="" startup_rounds=0
while [ $# -gt 0 ]; do
  case "$1" in
    --patients) patients=${2:?--patients needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --cohort) cohort_option=${2:?--cohort needs a directory}; shift 2 ;;
    --db) db_option=${2:?--db needs h2, postgresql or both}; shift 2 ;;
    --duration) duration=${2:?--duration needs seconds}; shift 2 ;;
    --warmup) warmup=${2:?--warmup needs seconds}; shift 2 ;;
    --connections) connections=${2:?--connections needs a count}; shift 2 ;;
    --smoke) smoke=yes; shift ;;
    --compare) compare=${2:?--compare needs all or rules}; shift 2 ;;
    --workloads) workloads_option=${2:?--workloads needs names}; shift 2 ;;
    --startup) startup_rounds=${2:?--startup needs a number of rounds}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$smoke" = yes ]; then
  patients=1 duration=3 warmup=1
fi
for number in "$patients" "$seed" "$duration" "$warmup" "$connections" "$startup_rounds"; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "not a whole number: $number" >&2; exit 2; }
done
if [ "$patients" -lt 1 ] || [ "$duration" -lt 1 ] || [ "$connections" -lt 1 ]; then
  echo "--patients, --duration and --connections must be at least 1" >&2
  exit 2
fi
case "$db_option" in
  h2) databases=(h2) ;;
  postgresql) databases=(postgresql) ;;
  both) databases=(h2 postgresql) ;;
  *) echo "--db must be h2, postgresql or both" >&2; exit 2 ;;
esac
case "$compare" in
  # Issues 4 and 5 set targets on what their own checks add; --compare rules isolates them from validation.
  all) checks_off_properties=(--continuum.conformance.validation-mode=off "${RULES_OFF_PROPERTIES[@]}") ;;
  rules) checks_off_properties=("${RULES_OFF_PROPERTIES[@]}") ;;
  *) echo "--compare must be all or rules" >&2; exit 2 ;;
esac
readonly checks_off_properties
for name in ${workloads_option//,/ }; do
  [[ " ${WORKLOADS[*]} " == *" $name "* ]] || { echo "unknown workload: $name (known: ${WORKLOADS[*]})" >&2; exit 2; }
done
options="--patients $patients --seed $seed --db $db_option --duration $duration --warmup $warmup"
options+=" --connections $connections${cohort_option:+ --cohort $cohort_option}"
[ "$smoke" = yes ] && options+=" --smoke"
[ "$compare" = all ] || options+=" --compare $compare"
[ -z "$workloads_option" ] || options+=" --workloads $workloads_option"
[ "$startup_rounds" -eq 0 ] || options="--startup $startup_rounds --db $db_option"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { log "ERROR: $*"; exit 1; }

# Milliseconds since the epoch; EPOCHREALTIME (bash 5) avoids GNU-only date +%N.
now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local t=${EPOCHREALTIME/,/.}
    echo $(( ${t%.*} * 1000 + 10#$(printf '%.3s' "${t#*.}") ))
  else
    python3 -c 'import time; print(int(time.time() * 1000))'
  fi
}
# User + system CPU seconds a process has used (Linux /proc; "–" elsewhere): start-up is CPU-bound.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo "–"
}
# The 1-minute load average: other work on the same cores slows every measurement, so it goes with them.
load_1m() {
  if [ -r /proc/loadavg ]; then cut -d' ' -f1 /proc/loadavg; else uptime | sed 's/.*load averages*: *//; s/,* .*//'; fi
}
# N * SCALE / D with PLACES decimals (bash has integer arithmetic only).
decimal() { # N D PLACES [SCALE]
  awk -v n="$1" -v d="$2" -v p="$3" -v s="${4:-1}" 'BEGIN { printf "%.*f", p, (d == 0 ? 0 : n * s / d) }'
}

tools=(java curl python3 timeout)
[ "$startup_rounds" -gt 0 ] || tools+=(wrk)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || fail "$tool is missing (wrk: apt-get install -y wrk); see bench/README.md"
done

# ---------------------------------------------------------------------------------------------------------
# Clean-up: whatever the exit (success, failure, Ctrl-C), stop the server and samplers this script started,
# drop the PostgreSQL database it created and remove the server's temporary working directory.
server_pid="" sampler_pid="" pg_database="" server_workdir=""

stop_server() {
  [ -n "$server_pid" ] || return 0
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    local i
    for ((i = 0; i < STOP_TIMEOUT_S * 4; i++)); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -0 "$server_pid" 2>/dev/null && { log "server $server_pid ignored SIGTERM; killing it"; kill -KILL "$server_pid" 2>/dev/null || true; }
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

stop_sampler() {
  [ -n "$sampler_pid" ] || return 0
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=""
}

psql_in() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$1" -v ON_ERROR_STOP=1 -qAt -c "$2"; } # database sql
psql_admin() { psql_in postgres "$1"; }

# What autovacuum does on a production PostgreSQL: the planner's statistics follow the data. A database here may
# run with autovacuum off (this machine's does), and a new database loaded in minutes is never analyzed before
# its tables change tenfold: HAPI's searches then get plans that read every row of the patient's.
refresh_statistics() {
  [ -n "$pg_database" ] || return 0
  psql_in "$pg_database" ANALYZE >/dev/null ||
    fail "ANALYZE of $pg_database failed"
}

drop_database() {
  [ -n "$pg_database" ] || return 0
  psql_admin "DROP DATABASE IF EXISTS \"$pg_database\" WITH (FORCE)" >/dev/null ||
    log "could not drop database $pg_database; drop it by hand"
  pg_database=""
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_sampler
  stop_server
  drop_database
  [ -n "$server_workdir" ] && rm -rf "$server_workdir"
  [ "$status" -ne 0 ] && log "benchmark failed (exit $status); logs are in ${run_dir:-bench/out}"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------------
run_started_ms=$(now_ms)
run_date=$(date -u '+%Y-%m-%d %H:%M UTC')
run_dir="$BENCH_DIR/out/run-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
echo "db,checks,database,startup_s,rss_ready_mb,cpu_s,load_1m" >"$run_dir/startup.csv"
echo "db,checks,bundles,failed_bundles,resources,seconds,resources_per_s,peak_rss_mb" >"$run_dir/ingest.csv"
echo "db,checks,workload,duration_s,connections,requests,req_per_s,p50_ms,p95_ms,p99_ms,non2xx,socket_errors" \
  >"$run_dir/workloads.csv"
log "results go to ${run_dir#"$REPO_DIR"/}"

if [[ " ${databases[*]} " == *" postgresql "* ]]; then
  command -v psql >/dev/null || fail "psql is missing: PostgreSQL runs need the client (apt-get install -y postgresql-client)"
  psql_admin "SELECT 1" >/dev/null ||
    fail "PostgreSQL is not reachable on $PG_HOST:$PG_PORT as $PG_USER (trust auth); start it, e.g. pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start, or use --db h2"
fi

log "building the server jar"
# Offline first: on a machine that has built before, every dependency is in ~/.m2 already.
(cd "$REPO_DIR" && { ./mvnw -o -q package -DskipTests || ./mvnw -q package -DskipTests; }) >"$run_dir/build.log" 2>&1 ||
  fail "build failed; see $run_dir/build.log"
[ -f "$JAR" ] || fail "build produced no $JAR"
log "preparing the runtime layout the Docker image uses (extracted jar, class-data-sharing archive)"
"$REPO_DIR/docker/prepare-runtime.sh" "$JAR" "$RUNTIME_DIR" >"$run_dir/runtime.log" 2>&1 ||
  fail "preparing the runtime failed; see $run_dir/runtime.log"

# ---------------------------------------------------------------------------------------------------------
# Cohort: a directory of FHIR bundles; hospitalInformation* and practitionerInformation* are loaded first
# because patient bundles reference their Organizations, Locations and Practitioners conditionally.

find_synthea_script() {
  local candidate
  for candidate in "${SYNTHEA_GENERATE:-}" "$BENCH_DIR/synthea/generate.sh"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

synthea_help() {
  cat >&2 <<EOF
No cohort at $1 and no Synthea script to generate one (looked for \$SYNTHEA_GENERATE and
bench/synthea/generate.sh). To get an equivalent cohort:
  1. get Synthea 3.3.0 (the synthetichealth/synthea project: its release jar, or the Maven artifact
     org.mitre.synthea:synthea:3.3.0 with its runtime dependencies on the class path);
  2. run it with: -s $seed -cs $seed -r 20250101 -p $patients --exporter.fhir.export true
     --exporter.fhir.transaction_bundle true --exporter.baseDirectory COHORT_DIR/
     (with the jar: java -jar synthea-with-dependencies.jar <those arguments>);
  3. pass --cohort COHORT_DIR to bench/run.sh.
EOF
}

resolve_cohort() {
  if [ -n "$cohort_option" ]; then
    [ -d "$cohort_option" ] || fail "--cohort $cohort_option is not a directory"
    cohort_dir=$(cd "$cohort_option" && pwd)
  else
    cohort_dir="$BENCH_DIR/out/cohort-$patients-$seed"
    if [ ! -d "$cohort_dir" ]; then
      local script
      script=$(find_synthea_script) || { synthea_help "$cohort_dir"; fail "no cohort to load (see above)"; }
      log "generating $patients Synthea patients (seed $seed) with $script"
      # Into a scratch dir first, so an interrupted generation is never mistaken for a cohort.
      rm -rf "$cohort_dir.partial"
      "$script" "$patients" "$cohort_dir.partial" "$seed" >"$run_dir/synthea.log" 2>&1 ||
        fail "Synthea failed; see $run_dir/synthea.log"
      mv "$cohort_dir.partial" "$cohort_dir"
    else
      log "reusing cohort ${cohort_dir#"$REPO_DIR"/}"
    fi
  fi
  [ -d "$cohort_dir/fhir" ] && cohort_dir="$cohort_dir/fhir"
  shopt -s nullglob
  shared_bundles=("$cohort_dir"/hospitalInformation*.json "$cohort_dir"/practitionerInformation*.json)
  patient_bundles=()
  local file
  for file in "$cohort_dir"/*.json; do
    case "$(basename "$file")" in
      hospitalInformation* | practitionerInformation*) ;;
      *) patient_bundles+=("$file") ;;
    esac
  done
  shopt -u nullglob
  [ ${#patient_bundles[@]} -gt 0 ] || fail "no patient bundles (*.json) in $cohort_dir"
  [ ${#shared_bundles[@]} -gt 0 ] ||
    log "warning: no hospitalInformation*/practitionerInformation* bundles in $cohort_dir; conditional references may fail"
  # entries <TAB> patient identifier <TAB> file, for counting resources and finding the patients later.
  python3 "$BENCH_DIR/bench.py" bundle-stats "${shared_bundles[@]}" "${patient_bundles[@]}" >"$run_dir/cohort.tsv"
  cohort_resources=$(awk -F'\t' '{ s += $1 } END { print s }' "$run_dir/cohort.tsv")
  log "cohort: ${#patient_bundles[@]} patient bundles, $cohort_resources resources"
}

# ---------------------------------------------------------------------------------------------------------
# Server

start_server() { # db checks(on|off|default) [database: empty (default) | existing, the previous start's]
  local db=$1 checks=$2 database=${3:-empty} args=()
  if [ "$database" = empty ]; then
    server_workdir=$(mktemp -d "${TMPDIR:-/tmp}/continuum-bench.XXXXXX") # H2 writes ./data here
    if [ "$db" = postgresql ]; then
      pg_database="continuum_bench_$$_$checks"
      psql_admin "CREATE DATABASE \"$pg_database\"" >/dev/null
    fi
  fi
  [ "$db" = postgresql ] && args+=(--spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$pg_database"
    --spring.datasource.username="$PG_USER" --spring.datasource.password=)
  # The one switch between the passes. "On" is the default configuration: validation enforced, and Synthea's
  # CarePlans and CareTeams, which claim no Continuum profile, stored with their Continuum rule gaps flagged.
  [ "$checks" = off ] && args+=("${checks_off_properties[@]}")
  port=$(python3 "$BENCH_DIR/bench.py" free-port)
  base="http://$HOST:$port/fhir"
  server_log="$run_dir/server-$db-$checks-$database.log"
  local started_ms load
  load=$(load_1m)
  started_ms=$(now_ms)
  # shellcheck disable=SC2086 # JAVA_OPTS holds several JVM options
  (cd "$server_workdir" && exec java "@$RUNTIME_DIR/jvm.options" ${JAVA_OPTS:-} -jar "$RUNTIME_DIR/continuum.jar" \
    --server.port="$port" "${args[@]}") >"$server_log" 2>&1 &
  server_pid=$!
  local code="" deadline=$((started_ms + STARTUP_TIMEOUT_S * 1000))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    kill -0 "$server_pid" 2>/dev/null || { tail -20 "$server_log" >&2; fail "server exited during start-up; see $server_log"; }
    # The first /metadata builds the capability statement, which takes seconds on a busy machine.
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "$base/metadata" || true)
    [ "$code" = 200 ] && break
    sleep 0.25
  done
  [ "$code" = 200 ] || fail "no 200 on /fhir/metadata within $STARTUP_TIMEOUT_S s; see $server_log"
  local ready_ms rss_kb cpu_s
  ready_ms=$(now_ms)
  rss_kb=$(ps -o rss= -p "$server_pid" | tr -d ' ')
  cpu_s=$(cpu_seconds "$server_pid")
  startup_s=$(decimal $((ready_ms - started_ms)) 1000 1)
  echo "$db,$checks,$database,$startup_s,$(decimal "$rss_kb" 1024 0),$cpu_s,$load" >>"$run_dir/startup.csv"
  log "$db/checks $checks, $database database: first 200 on /fhir/metadata after $startup_s s, RSS $(decimal "$rss_kb" 1024 0) MB, CPU $cpu_s s"
  deadline=$(($(now_ms) + READINESS_TIMEOUT_S * 1000))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://$HOST:$port/actuator/health/readiness" || true)" = 200 ] && return 0
    sleep 0.25
  done
  fail "not ready within $READINESS_TIMEOUT_S s after /fhir/metadata answered; see $server_log"
}

finish_pass() {
  stop_server
  drop_database
  rm -rf "$server_workdir"
  server_workdir=""
}

# ---------------------------------------------------------------------------------------------------------
# Ingest

# Posts one bundle and prints "ok<TAB>file" or "failed<TAB>file<TAB>reason". Runs in xargs children, hence exported.
post_bundle() { # base response_dir file
  local response code failed
  response="$2/$(basename "$3").response"
  code=$(curl -s -o "$response" -w '%{http_code}' --max-time "$BUNDLE_TIMEOUT_S" -X POST \
    -H 'Content-Type: application/fhir+json' -H 'Accept: application/fhir+json' \
    --data-binary "@$3" "$1" || true)
  if [[ "$code" != 2* ]]; then
    printf 'failed\t%s\tHTTP %s (response kept in %s)\n' "$3" "${code:-none}" "$response"
    return 0
  fi
  # A batch (the hospital/practitioner bundles) answers 200 even when single entries fail.
  failed=$(python3 "$BENCH_DIR/bench.py" failed-entries "$response")
  if [ "$failed" != 0 ]; then
    printf 'failed\t%s\t%s entries failed (response kept in %s)\n' "$3" "$failed" "$response"
    return 0
  fi
  rm -f "$response"
  printf 'ok\t%s\n' "$3"
}
export -f post_bundle
export BENCH_DIR BUNDLE_TIMEOUT_S

sample_rss() { # pid output
  local i
  for ((i = 0; i < RSS_SAMPLE_LIMIT; i++)); do
    ps -o rss= -p "$1" >>"$2" 2>/dev/null || return 0
    sleep 0.5
  done
}

ingest() { # db checks
  local db=$1 checks=$2 responses="$run_dir/responses-$1-$2" samples="$run_dir/rss-ingest-$1-$2.txt"
  local results="$run_dir/ingest-$1-$2.tsv"
  mkdir -p "$responses"
  : >"$samples"
  sample_rss "$server_pid" "$samples" &
  sampler_pid=$!
  local started_ms file result
  started_ms=$(now_ms)
  : >"$results"
  for file in "${shared_bundles[@]}"; do
    result=$(post_bundle "$base" "$responses" "$file")
    echo "$result" >>"$results"
    [[ "$result" == ok* ]] || fail "$result; patient bundles depend on it"
  done
  # shellcheck disable=SC2016 # $1..$3 are the arguments of the bash that xargs starts
  printf '%s\0' "${patient_bundles[@]}" |
    xargs -0 -n 1 -P 2 bash -c 'post_bundle "$1" "$2" "$3"' post_bundle "$base" "$responses" >>"$results"
  local elapsed_ms=$(($(now_ms) - started_ms))
  stop_sampler
  local failed resources peak_kb rate
  failed=$(grep -c '^failed' "$results" || true)
  if [ "$failed" -gt 0 ]; then
    log "warning: $failed patient bundles failed:"
    grep '^failed' "$results" >&2
    [ "$failed" -lt ${#patient_bundles[@]} ] || fail "every patient bundle failed; nothing to benchmark"
  fi
  # Resources count only from bundles the server accepted.
  resources=$(awk -F'\t' 'NR == FNR { if ($1 == "ok") accepted[$2] = 1; next } accepted[$3] { s += $1 }
    END { print s + 0 }' "$results" "$run_dir/cohort.tsv")
  peak_kb=$(sort -n "$samples" | tail -1 | tr -d ' ')
  rate=$(decimal "$resources" "$elapsed_ms" 1 1000)
  echo "$db,$checks,$(wc -l <"$results" | tr -d ' '),$failed,$resources,$(decimal "$elapsed_ms" 1000 1),$rate,$(decimal "${peak_kb:-0}" 1024 0)" \
    >>"$run_dir/ingest.csv"
  log "$db/checks $checks: ingested $resources resources in $(decimal "$elapsed_ms" 1000 1) s ($rate/s), peak RSS $(decimal "${peak_kb:-0}" 1024 0) MB"
}

# ---------------------------------------------------------------------------------------------------------
# Workload data: each workload gets the resources it reads or writes, created through the API.

# Creates a resource from JSON; prints its id.
create() { # type json
  local headers
  headers=$(curl -s -o /dev/null -D - --max-time 60 -X POST -H 'Content-Type: application/fhir+json' \
    -H 'Prefer: return=minimal' --data-binary "$2" "$base/$1" || true)
  local location
  location=$(printf '%s' "$headers" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  [[ "$location" =~ /$1/([^/]+)/_history/ ]] || fail "creating a $1 failed: $(printf '%s' "$headers" | head -1)"
  echo "${BASH_REMATCH[1]}"
}

search_ids() { # relative URL with query
  curl -sf --max-time 60 -H 'Accept: application/fhir+json' "$base/$1" | python3 "$BENCH_DIR/bench.py" ids
}

prepare_workloads() { # db checks
  local work="$run_dir/requests-$1-$2"
  mkdir -p "$work"
  # The patient with the most data, so $everything and the searches have something to walk.
  local token
  token=$(awk -F'\t' '$2 != "-"' "$run_dir/cohort.tsv" | sort -t$'\t' -k1,1nr | head -1 | cut -f2)
  patient_id=$(search_ids "Patient?identifier=$(printf '%s' "$token" | sed 's/|/%7C/')&_elements=id" | head -1)
  [ -n "$patient_id" ] || fail "the cohort's largest patient ($token) is not on the server"
  practitioner_id=$(search_ids "Practitioner?_count=1&_elements=id" | head -1)
  [ -n "$practitioner_id" ] || fail "no Practitioner on the server: were the practitionerInformation bundles loaded?"
  local patient="Patient/$patient_id" practitioner="Practitioner/$practitioner_id"

  # Bodies conform to the Continuum profiles (fhir-profiles/), which the server enforces on write.
  local rxnorm=http://www.nlm.nih.gov/research/umls/rxnorm snomed=http://snomed.info/sct
  local task_type=https://continuum.health/fhir/CodeSystem/task-type

  # (a) the patient's care team (coordinator = Case manager), goal and care plan
  local team goal care_plan
  team=$(create CareTeam '{"resourceType":"CareTeam","status":"active","name":"Discharge coordination",
    "subject":{"reference":"'"$patient"'"},"participant":[{"role":[{"coding":[{"system":"'"$snomed"'",
    "code":"768832004","display":"Case manager"}]}],"member":{"reference":"'"$practitioner"'"}}]}')
  goal=$(create Goal '{"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"No readmission"},
    "subject":{"reference":"'"$patient"'"},"expressedBy":{"reference":"'"$patient"'"},"startDate":"2025-01-02"}')
  care_plan='{"resourceType":"CarePlan","status":"active","intent":"plan","title":"Post-discharge follow-up",
    "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]}],
    "subject":{"reference":"'"$patient"'"},"period":{"start":"2025-01-02"},
    "careTeam":[{"reference":"CareTeam/'"$team"'"}],"goal":[{"reference":"Goal/'"$goal"'"}]}'
  create CarePlan "$care_plan" >/dev/null
  printf '%s' "$care_plan" >"$work/care-plan.json"

  # (b) a coordinator's tasks: 20 open (requested / in-progress) and 10 completed that the worklist filters out
  local i status day
  for ((i = 1; i <= 30; i++)); do
    case $((i % 3)) in 0) status=completed ;; 1) status=requested ;; *) status=in-progress ;; esac
    day=$(printf '%02d' $((i % 28 + 1)))
    create Task '{"resourceType":"Task","status":"'"$status"'","intent":"order","description":"Follow-up '"$i"'",
      "code":{"coding":[{"system":"'"$task_type"'","code":"follow-up-appointment"}]},
      "for":{"reference":"'"$patient"'"},"owner":{"reference":"'"$practitioner"'"},
      "authoredOn":"2025-01-'"$day"'T09:00:00Z","restriction":{"period":{"end":"2025-02-'"$day"'T17:00:00Z"}}}' >/dev/null
  done

  # (c) 20 active medications, ingredients between which the knowledge base finds nothing: the write then costs
  # the comparison with 19 others, not the recording of findings
  local medication medication_statement_id=""
  for medication in 29046:lisinopril 6809:metformin 83367:atorvastatin 6918:metoprolol 4603:furosemide \
    10582:levothyroxine 161:acetaminophen 7646:omeprazole 519:allopurinol 274783:"insulin glargine" \
    25480:gabapentin 1191:aspirin 32968:clopidogrel 3407:digoxin 8591:"potassium chloride" 36437:sertraline \
    8640:prednisone 1364430:apixaban 52175:losartan 9997:spironolactone; do
    medication_statement_id=$(create MedicationStatement "$(medication_statement active "$patient" "${medication%%:*}" \
      "${medication#*:}" "as directed")")
  done
  # medstatement-create: a new statement on every request, status completed (a past medication), so it is
  # validated but adds nothing to the active list; medstatement-update: the last of the 20 changes its dosage
  # on every request and is compared with the other 19 active ones
  medication_statement completed "$patient" 2670 codeine "as directed" >"$work/medication-statement-create.json"
  medication_statement active "$patient" 9997 spironolactone "25 mg once daily (@@STAMP@@)" |
    sed 's/^{/{"id":"'"$medication_statement_id"'",/' >"$work/medication-statement-update.json"

  # (d) the inpatient stay encounter-discharge finishes
  write_discharge "$patient" "$work/encounter-discharge.json"

  workload_url=(
    [0]="$base/CarePlan?patient=$patient_id&_include=CarePlan:care-team"
    [1]="$base/Task?owner=$practitioner&status=requested,in-progress&_sort=due-date"
    [2]="$base/Patient/$patient_id/\$everything"
    [3]="$base/Encounter"
    [4]="$base/MedicationStatement/$medication_statement_id"
    [5]="$base/CarePlan"
    [6]="$base/MedicationStatement"
  )
  workload_method=(GET GET GET PUT PUT POST POST)
  workload_body=("" "" "" "$work/encounter-discharge.json" "$work/medication-statement-update.json"
    "$work/care-plan.json" "$work/medication-statement-create.json")
}

medication_statement() { # status patient rxcui name dosage
  printf '%s' '{"resourceType":"MedicationStatement","status":"'"$1"'","subject":{"reference":"'"$2"'"},
    "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"'"$3"'",
    "display":"'"$4"'"}],"text":"'"$4"'"},"effectiveDateTime":"2025-01-02","dateAsserted":"2025-01-02",
    "informationSource":{"reference":"'"$2"'"},"dosage":[{"text":"'"$5"'"}]}'
}

# The stay encounter-discharge finishes; bench.py discharges creates each stay in progress and removes it afterwards.
write_discharge() { # patient file
  printf '%s' '{"resourceType":"Encounter","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode",
    "code":"IMP","display":"inpatient encounter"},"subject":{"reference":"'"$1"'"},
    "period":{"start":"2025-01-01T08:00:00Z","end":"2025-01-04T11:00:00Z"}}' >"$2"
}

# ---------------------------------------------------------------------------------------------------------
# Load

run_wrk() { # seconds url method body output connections
  local threads=$(($6 < 2 ? $6 : 2))
  BENCH_METHOD=$3 BENCH_BODY_FILE=$4 timeout $(($1 + 60)) \
    wrk -t "$threads" -c "$6" -d "${1}s" --timeout 30s --latency -s "$BENCH_DIR/workload.lua" "$2" >"$5" 2>&1 ||
    fail "wrk failed; see $5"
}

# encounter-discharge needs untimed set-up and clean-up around each timed request, which wrk cannot do.
run_discharges() { # seconds body output
  timeout $(($1 + 120)) python3 "$BENCH_DIR/bench.py" discharges "$base" "$2" "$1" >"$3" 2>&1 ||
    fail "the discharge workload failed; see $3"
}

run_workload() { # name seconds url method body output connections
  if [ "$1" = encounter-discharge ]; then
    run_discharges "$2" "$5" "$6"
  else
    run_wrk "$2" "$3" "$4" "$5" "$6" "$7"
  fi
}

run_workloads() { # db checks
  local db=$1 checks=$2 i name output result workload_connections
  for i in "${!WORKLOADS[@]}"; do
    name=${WORKLOADS[$i]}
    [ -z "$workloads_option" ] || [[ ",$workloads_option," == *",$name,"* ]] || continue
    # The two writes the issues set latency targets for run on 1 connection, so that p50 added is what the checks
    # add to one request, not time spent queueing behind others on 2 cores (and concurrent updates of one
    # MedicationStatement would measure the server's retries of version conflicts).
    workload_connections=$connections
    case "$name" in medstatement-update | encounter-discharge) workload_connections=1 ;; esac
    output="$run_dir/wrk-$db-$checks-$name.txt"
    refresh_statistics
    # A short unmeasured run first: ingest warmed the write path, not the search paths.
    [ "$warmup" -gt 0 ] && run_workload "$name" "$warmup" "${workload_url[$i]}" "${workload_method[$i]}" "${workload_body[$i]}" "$output.warmup" "$workload_connections"
    run_workload "$name" "$duration" "${workload_url[$i]}" "${workload_method[$i]}" "${workload_body[$i]}" "$output" "$workload_connections"
    result=$(grep '^BENCH_RESULT ' "$output" | tail -1 | cut -d' ' -f2)
    [ -n "$result" ] || fail "wrk printed no result; see $output"
    local requests duration_us p50 p95 p99 non2xx socket
    IFS=, read -r requests duration_us p50 p95 p99 non2xx socket <<<"$result"
    local rate
    rate=$(decimal "$requests" "$duration_us" 1 1000000)
    echo "$db,$checks,$name,$duration,$workload_connections,$requests,$rate,$p50,$p95,$p99,$non2xx,$socket" >>"$run_dir/workloads.csv"
    log "$db/checks $checks: $name $rate req/s, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, errors $((non2xx + socket))"
  done
}

# ---------------------------------------------------------------------------------------------------------
# Report

write_meta() {
  local memory="unknown" checks_note
  [ -r /proc/meminfo ] && memory="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  local commit
  commit="$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  [ -n "$(git -C "$REPO_DIR" status --porcelain 2>/dev/null)" ] && commit+=" (with uncommitted changes)"
  commit+=" on $(git -C "$REPO_DIR" rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)"
  local runtime_note="The server runs as the Docker image runs it: docker/prepare-runtime.sh (extracted jar, class-data-sharing archive, serial collector; $(tr '\n' ' ' <"$RUNTIME_DIR/jvm.options" | sed "s|$RUNTIME_DIR/||"))."
  local cohort="none" notes
  if [ "$startup_rounds" -gt 0 ]; then
    notes=(
      "$runtime_note"
      "Start-up only, in the default configuration. Each round, per database: a start on an empty database (a fresh H2 directory or PostgreSQL database, whose schema the start creates), then, once it reports ready, a stop and a start on the same database (existing). CPU is the server process's user + system time at ready."
    )
  else
    cohort="${cohort_dir#"$REPO_DIR"/} (patient bundles: ${#patient_bundles[@]}, resources: $cohort_resources)"
    # ON and OFF only differ once the server reads the switch; say so rather than present noise as overhead.
    local property name missing=()
    for property in "${checks_off_properties[@]}"; do
      name=${property#--}
      name=${name%%=*}
      # The prefix (e.g. continuum.medication) is what a @ConfigurationProperties class names.
      grep -rqF "${name%.*}" "$REPO_DIR/src/main" 2>/dev/null || missing+=("$name")
    done
    if [ ${#missing[@]} -gt 0 ]; then
      local missing_list
      missing_list=$(printf '%s, ' "${missing[@]}")
      checks_note="Checks OFF passes ${checks_off_properties[*]}; this build reads none of ${missing_list%, } (unknown properties are ignored), so those checks run the same on and off and their on/off differences are noise."
    else
      checks_note="Checks ON is the default configuration (Synthea's care plans and care teams claim no Continuum profile: stored, their gaps flagged); checks OFF passes ${checks_off_properties[*]}."
    fi
    notes=(
      "$checks_note"
      "$runtime_note"
      "careplan-create POSTs a profiled CarePlan; medstatement-create POSTs a profiled MedicationStatement with status completed (validated, not compared); medstatement-update PUTs one of the patient's 20 active MedicationStatements with a new dosage text (validated and compared with the 19 others), on 1 connection because concurrent updates of one resource would measure version-conflict retries; encounter-discharge (bench.py discharges, not wrk) PUTs a fresh in-progress inpatient stay (class IMP) to finished on every request (the discharge rules, LACE and follow-up Tasks) on 1 connection; untimed, it creates each stay before and deletes it with its Tasks and LACE Observation after, so the patient keeps a real record's size; its req/s is 1 / mean latency of the timed PUTs."
      "task-worklist is Task?owner=P&status=requested,in-progress&_sort=due-date (the custom SearchParameter on Task.restriction.period.end); patient-everything returns its first page (default page size)."
      "Each pass starts on an empty database (a fresh H2 directory or PostgreSQL database) and loads the cohort; workload data are created through the API."
    )
    [ "$smoke" = yes ] && notes+=("Smoke run: 1 patient, ${duration} s per workload; numbers show the harness works, not how fast the server is.")
  fi
  {
    printf 'date\t%s\n' "$run_date"
    printf 'commit\t%s\n' "$commit"
    printf 'machine\t%s\n' "$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN) cores, $memory memory, $(uname -sr)"
    printf 'java\t%s\n' "$(java -version 2>&1 | head -1)"
    printf 'wrk\t%s\n' "$({ command -v wrk >/dev/null && wrk -v 2>&1 | head -1 | cut -d' ' -f1-2; } || echo none)"
    printf 'options\t%s\n' "$options${JAVA_OPTS:+ (JAVA_OPTS=$JAVA_OPTS)}"
    printf 'cohort\t%s\n' "$cohort"
    printf 'elapsed\t%s\n' "$1"
    printf 'duration\t%s\n' "$duration"
    printf 'connections\t%s\n' "$connections"
    printf 'smoke\t%s\n' "$smoke"
    printf 'startup_rounds\t%s\n' "$startup_rounds"
    printf 'notes\t%s\n' "$(IFS=$'\037'; echo "${notes[*]}")"
  } >"$run_dir/meta.tsv"
}

# ---------------------------------------------------------------------------------------------------------
if [ "$startup_rounds" -gt 0 ]; then
  for ((round = 1; round <= startup_rounds; round++)); do
    for db in "${databases[@]}"; do
      log "=== start-up round $round, $db ==="
      start_server "$db" default empty
      stop_server
      start_server "$db" default existing
      finish_pass
    done
  done
else
  resolve_cohort
  for db in "${databases[@]}"; do
    for checks in on off; do
      log "=== $db, checks $checks ==="
      start_server "$db" "$checks"
      ingest "$db" "$checks"
      prepare_workloads "$db" "$checks"
      run_workloads "$db" "$checks"
      finish_pass
    done
  done
fi

elapsed_s=$((($(now_ms) - run_started_ms) / 1000))
write_meta "$((elapsed_s / 60)) min $((elapsed_s % 60)) s"
python3 "$BENCH_DIR/bench.py" report "$run_dir" "$BENCH_DIR/RESULTS.md"
if [ "$startup_rounds" -gt 0 ]; then
  cat "$run_dir/summary.md"
  log "done in $((elapsed_s / 60)) min $((elapsed_s % 60)) s; raw results in ${run_dir#"$REPO_DIR"/}"
  exit 0
fi
chart="$run_dir/workloads.png"
java -Djava.awt.headless=true "$BENCH_DIR/Chart.java" "$run_dir/workloads.csv" "$chart" \
  "Continuum workloads, checks on vs off, --compare $compare ($run_date)" >"$run_dir/chart.log" 2>&1 ||
  fail "chart failed; see $run_dir/chart.log"
# Only full runs represent the server; the chart of a smoke run or of some workloads stays under bench/out.
if [ "$smoke" = no ] && [ -z "$workloads_option" ]; then cp "$chart" "$BENCH_DIR/results-latest.png"; fi
cat "$run_dir/summary.md"
log "done in $((elapsed_s / 60)) min $((elapsed_s % 60)) s; raw results in ${run_dir#"$REPO_DIR"/}, chart $chart"
