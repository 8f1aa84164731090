#!/usr/bin/env bash
# Installs what is needed, builds the web app and serves it at a local URL.
#   scripts/serve.sh [PORT]      (default 8080)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
PORT="${1:-8080}"
setup_build_tools
cd "$ROOT"
step "trunk build --release"
trunk build --release
step "serving $ROOT/dist"
echo
echo "  Casualty Lens is at:  http://127.0.0.1:$PORT/"
echo "  (static files from dist/; any static server and any sub-path work the same; Ctrl-C stops)"
echo
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist"
