#!/bin/sh
# Builds the IG package: checks Node.js, installs the locked build tools (npm ci), compiles FSH offline and packs
# target/classes/org/trialfhir/ig/package.tgz. Run by Maven (exec-maven-plugin, generate-resources) from ig/.
#   build/build-ig.sh <target-dir>
set -eu
target_dir=${1:-target}
min_node=18

if ! command -v node >/dev/null 2>&1; then
  echo "[ig] ERROR: Node.js (>= $min_node) is required to build the IG (SUSHI), but 'node' is not on the PATH." >&2
  echo "[ig]        Install it, e.g. 'apt-get install nodejs npm', and build again." >&2
  exit 1
fi
if ! node -e "process.exit(Number(process.versions.node.split('.')[0]) >= $min_node ? 0 : 1)"; then
  echo "[ig] ERROR: Node.js >= $min_node is required to build the IG (SUSHI); found $(node --version)." >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "[ig] ERROR: npm is required to install the IG build tools (SUSHI), but 'npm' is not on the PATH." >&2
  exit 1
fi

# npm ci only when node_modules does not match package-lock.json (npm ci always wipes node_modules: ~15 s).
stamp=node_modules/.trialfhir-lock.sha256
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "[ig] npm ci (package-lock.json changed or node_modules missing)"
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  echo "$lock_sum" > "$stamp"
fi

exec node build/compile-ig.js . "$target_dir"
