#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest. Each step starts what it needs itself
# (embedded Postgres unless DATABASE_URL is set; Chromium found by the Playwright config).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "generate Prisma client"
node scripts/prisma-generate.mjs
step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint . --max-warnings 0
step "unit tests (with lib/rules coverage)"
npx vitest run --project unit --coverage
step "integration tests (real Postgres)"
npx vitest run --project integration
step "build"
npx next build
step "end-to-end tests (Chromium)"
npx playwright test
