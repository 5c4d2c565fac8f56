#!/usr/bin/env bash
# The whole test suite: types, lint, unit tests in two time zones, the production builds,
# and the end-to-end tests in Debian Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent typecheck
npm run --silent lint
for tz in America/Los_Angeles Pacific/Auckland; do
  echo "== unit tests, TZ=$tz"
  TZ=$tz npx vitest run
done
echo "== production builds"
npx wxt build
npx wxt build -b firefox
echo "== end-to-end tests in Chromium"
TZ=America/New_York npx vitest run --config vitest.e2e.config.ts
