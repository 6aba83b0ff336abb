#!/usr/bin/env bash
# Builds the HAPI FHIR JPA starter 8.8.0 (tag image/v8.8.0-1), the reference server of the ingest comparison,
# as an executable war, and prints its path. The starter is not published to Maven Central, so it is built from its
# source; its dependencies (HAPI 8.8.0, Spring Boot) come from Maven Central through this repository's wrapper.
#
# usage: bench/starter/build.sh [STARTER_SOURCE]
#   STARTER_SOURCE: a checkout of hapifhir/hapi-fhir-jpaserver-starter at image/v8.8.0-1; cloned from GitHub if absent
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
tag=image/v8.8.0-1
source=${1:-$root/bench/out/hapi-fhir-jpaserver-starter}

if [[ ! -f $source/pom.xml ]]; then
  git clone -q --depth 1 --branch "$tag" https://github.com/hapifhir/hapi-fhir-jpaserver-starter.git "$source" >&2
fi
grep -q '<version>8.8.0</version>' "$source/pom.xml" || { echo "$source is not the 8.8.0 starter" >&2; exit 2; }

# The boot profile packages the embedded Tomcat, so the war starts with java -jar
"$root/mvnw" -B -q -f "$source/pom.xml" -Pboot -DskipTests package >&2
ls "$source"/target/*.war
