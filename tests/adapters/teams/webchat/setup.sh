#!/usr/bin/env bash
# Installs what the Teams Web Chat end-to-end test needs, and nothing twice: Debian's Chromium
# (never a browser downloaded by a test tool) and this folder's npm packages, from the lock.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "webchat setup: installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium
fi

# npm records the installed tree in node_modules/.package-lock.json; reinstall when the lock
# is newer than that record (or there is none).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "webchat setup: npm ci"
  # --ignore-scripts: the test uses the published bundles; no package needs to build anything.
  npm ci --ignore-scripts --no-audit --no-fund
fi

test -f node_modules/botframework-webchat/dist/webchat.js
node -e "for (const p of ['offline-directline', 'playwright-core', 'express']) require.resolve(p)"
echo "webchat setup: ready ($(/usr/bin/chromium --version 2>/dev/null | head -n 1))"
