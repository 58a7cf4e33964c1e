#!/usr/bin/env bash
# `npm test`: every check and every test tier, in order of speed. Postgres suites run when
# TEST_DATABASE_URL is set; without it this says plainly which ones were skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "lint (biome)"
npx biome check .

step "typecheck (tsc)"
npx tsc --noEmit -p .

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  step "NOTE: TEST_DATABASE_URL is not set"
  echo "Skipping the real-Postgres variant of every integration suite (the '[postgres]' suites)."
  echo "They run against PGlite only. Set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres to run them."
fi

step "unit and integration tests (vitest)"
npx vitest run

step "production build"
npx next build

step "end-to-end tests (playwright, system chromium)"
npx playwright test
