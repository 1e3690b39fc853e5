#!/usr/bin/env bash
# Runs every check and test of the product: the printed schema and the migrations are current,
# types and lint are clean, unit and API tests pass on PGlite and on PostgreSQL, the fault and
# load tests run the API as real processes, and the browser test drives a real checkout in
# Chromium.
#
# PostgreSQL: TEST_DATABASE_URL or DATABASE_URL when set (each test file makes and drops its
# own database there); otherwise a throwaway cluster is started on port 55432.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

reports="$(mktemp -d)"
report() { printf -- '--reporter=default --reporter=json --outputFile.json=%s/%s.json' "$reports" "$1"; }

step 'Schema and migrations are current'
npm run --silent check-printed -w @wholesale/schema
npm run --silent migrate:check -w @wholesale/db

step 'Types and lint'
npx turbo run typecheck --output-logs=errors-only
npx tsc -p tsconfig.json
npx biome check .

step 'Chromium for the browser test'
bash scripts/ensure-chromium.sh

step 'PostgreSQL for the API tests'
if [ -z "${TEST_DATABASE_URL:-${DATABASE_URL:-}}" ]; then
  source scripts/pg-test-cluster.sh
fi
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-$DATABASE_URL}"
export REQUIRE_POSTGRES=1
unset DATABASE_URL

step 'Unit and API tests'
npx vitest run $(report api)

step 'Fault tests: the API killed mid-payment, PayPal slow or down, the database unreachable'
npx vitest run --config tests/faults/vitest.config.ts $(report faults)

step 'Load test on PostgreSQL (LOAD_SECONDS, 10 here)'
LOAD_SECONDS="${LOAD_SECONDS:-10}" npx vitest run --config tests/load/vitest.config.ts $(report load)

step 'Storefront unit tests'
npm run --silent test -w @wholesale/web -- $(report web)

step 'Browser test'
npx turbo run build --filter=@wholesale/web --output-logs=errors-only
npx vitest run --config tests/e2e/vitest.config.ts $(report browser)

node scripts/test-summary.mjs "$reports"
