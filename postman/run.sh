#!/usr/bin/env bash
# Runs the Continuum Postman collection with newman against a running server.
# Usage: postman/run.sh BASE_ROOT_URL     e.g. postman/run.sh http://localhost:18080
# Exits non-zero if any request or assertion fails.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 BASE_ROOT_URL   (e.g. http://localhost:8080, without /fhir)" >&2
    exit 2
fi
root_url=${1%/}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
newman_prefix=$here/.newman
newman=$newman_prefix/node_modules/.bin/newman

# Installed next to the collection, not globally, so the run needs no root and pins the major version.
if [[ ! -x $newman ]]; then
    command -v npm >/dev/null || { echo "npm is required to install newman" >&2; exit 1; }
    echo "Installing newman into $newman_prefix"
    npm install --prefix "$newman_prefix" newman@6 --no-audit --no-fund --loglevel=error
fi

# --timeout-request: a hung server fails the run instead of stalling it.
# --working-dir: file bodies (the example bundle in fhir-profiles/examples/) are read relative to the repository root.
# The cli reporter prints every request, then the summary table and the failures.
exec "$newman" run "$here/continuum.postman_collection.json" \
    --environment "$here/localhost.postman_environment.json" \
    --working-dir "$here/.." \
    --env-var "baseUrl=$root_url/fhir" \
    --env-var "rootUrl=$root_url" \
    --timeout-request 120000 \
    --color off \
    --reporters cli
