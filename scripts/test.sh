#!/usr/bin/env bash
# The whole test suite: types, lint, unit tests in two time zones, the production builds and
# store packages for Chrome and Firefox (with web-ext lint), and the end-to-end tests in
# Debian Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck and lint"
npm run --silent typecheck
npm run --silent lint
for tz in America/Los_Angeles Pacific/Auckland; do
  echo "== unit tests, TZ=$tz"
  TZ=$tz npx vitest run
done
echo "== production builds and store packages"
npm run --silent zip
echo "== web-ext lint of the Firefox build"
npx web-ext lint --source-dir .output/firefox-mv3 --output json \
  | node scripts/check-web-ext-lint.mjs
echo "== end-to-end tests in Chromium"
npx wxt build
TZ=America/New_York npx vitest run --config vitest.e2e.config.ts
