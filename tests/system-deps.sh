#!/usr/bin/env bash
# Makes sure the tests run on the project's Node, and that the system programs they use are here:
# Debian's chromium (Playwright runs it; no browser is ever downloaded), redis-server (the
# Redis tests start their own) and nginx (tests/integration/nginx-proxy.test.ts runs the shipped
# deploy/nginx/chat.conf with it).
# As root it installs what is missing with apt-get; otherwise it names the packages and stops
# (for nginx alone it goes on: that one test is skipped with a message naming the package).
set -euo pipefail

# npm scripts must run on the project's Node (node_modules/.bin/node, from the npm package `node`),
# not on an end-of-life system Node: see docs/runtime.md.
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 24 ]; then
  echo "tests: npm scripts run on Node $(node -v), not the project's Node LTS (node_modules/.bin/node)." >&2
  echo "tests: run 'npm ci' (it installs the npm package 'node'; its install script must be allowed)." >&2
  exit 1
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0

can_install=false
[ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && can_install=true
if [ "$can_install" = false ] && [ "${missing[*]}" = "nginx" ]; then
  echo "tests: Debian package nginx is missing: the nginx proxy test will be skipped (sudo apt-get install -y nginx)" >&2
  exit 0
fi

if [ "$can_install" = true ]; then
  echo "tests: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "tests: missing Debian packages: ${missing[*]}" >&2
  echo "tests: install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
