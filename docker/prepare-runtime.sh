#!/usr/bin/env bash
# Turns the packaged jar into the fast-starting runtime layout the Docker image and the benchmarks use:
#   DIR/continuum.jar + DIR/lib/   the jar extracted (plain jars load faster than nested ones)
#   DIR/continuum.jsa              a class-data-sharing archive of the classes a start-up loads
#   DIR/jvm.options                the JVM options to start with
# Start it with:  java @DIR/jvm.options -jar DIR/continuum.jar
# usage: docker/prepare-runtime.sh target/continuum-*.jar DIR
set -euo pipefail
jar=${1:?JAR}; dir=${2:?DIR}
java=${JAVA:-java}

rm -rf "$dir"; mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir/extracted" >/dev/null
mv "$dir"/extracted/*.jar "$dir/continuum.jar"
mv "$dir/extracted/lib" "$dir/lib"
rmdir "$dir/extracted"

# Training start: the full application context on a throw-away H2 database, then exit, listing the classes loaded.
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
(cd "$training" && "$java" -XX:DumpLoadedClassList="$training/classes.lst" -Dspring.context.exit=onRefresh \
  -jar "$dir/continuum.jar" --server.port=0 --spring.datasource.url="jdbc:h2:file:$training/data/continuum" \
  >"$training/training.log" 2>&1) || { tail -40 "$training/training.log" >&2; echo "training start failed" >&2; exit 1; }

# Lambda proxies stay out of the archive: dumping them crashes Debian's OpenJDK 17.0.15
# (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary); they are about a tenth of the classes.
grep -v '^@lambda-proxy' "$training/classes.lst" >"$training/classes-without-lambdas.lst"
("$java" -Xshare:dump -XX:SharedClassListFile="$training/classes-without-lambdas.lst" \
  -XX:SharedArchiveFile="$dir/continuum.jsa" -Xlog:cds=error -jar "$dir/continuum.jar" >"$training/dump.log" 2>&1) ||
  { tail -40 "$training/dump.log" >&2; echo "class-data-sharing dump failed" >&2; exit 1; }

# The serial collector with a small young generation: at ready the heap holds ~320 MB of live data (mostly the
# FHIR definitions validation needs); G1's headroom and worker threads cost ~300 MB more RSS and start-up CPU
# on a 2-core machine. A 1 GB heap holds a Synthea cohort's ingest; without a cap the JVM takes a quarter of the
# machine's memory and RSS grows to match. -Xlog:cds=error hides the archive's notes about the signed Saxon jar it cannot include.
cat >"$dir/jvm.options" <<EOF
-XX:SharedArchiveFile=$dir/continuum.jsa
-Xlog:cds=error
-XX:+UseSerialGC
-Xmn64m
-Xmx1g
EOF
echo "runtime ready in $dir: java @$dir/jvm.options -jar $dir/continuum.jar"
