#!/usr/bin/env bash
# Browser tests: starts the release server on a free port and runs browser-tests/run.mjs
# (headless Debian Chromium + puppeteer-core + axe-core) against it.
#
#   scripts/browser-tests.sh            # whole suite; screenshots go to ./screenshots/
#   ONLY=/glossary scripts/browser-tests.sh   # only URLs containing this text
#
# Needs: Node.js >= 18.16 with npm, and /usr/bin/chromium (Debian: apt-get install chromium
# chromium-driver; this script installs it when run as root). Never downloads a browser.
# Builds target/release/pathways only when it is missing (.ci/run builds it first).
# env: CHROME_PATH (default /usr/bin/chromium), SCREENSHOT_DIR, ONLY, VERBOSE=1, PATHWAYS_BIN.
# Exit status: 0 when every check passed, non-zero otherwise. The last line is `N passed, M failed`.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BIN=${PATHWAYS_BIN:-target/release/pathways}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
TESTS=browser-tests

fail() { echo "browser-tests: $*" >&2; echo "0 passed, 1 failed"; exit 2; }

# 1. Chromium from the distribution (never a downloaded browser)
if [ ! -x "$CHROME_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "browser-tests: installing chromium with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium chromium-driver >/dev/null
  fi
  [ -x "$CHROME_PATH" ] || fail "no Chromium at $CHROME_PATH (apt-get install chromium chromium-driver, or set CHROME_PATH)"
fi
command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm are needed (Node >= 18.16)"

# 2. the server binary
if [ ! -x "$BIN" ]; then
  echo "browser-tests: $BIN missing, running cargo build --release"
  cargo build --release --locked
fi

# 3. npm packages, exactly as locked (npm ci only when node_modules does not match the lock)
if ! node -e '
  const fs = require("fs"), dir = process.argv[1];
  const lock = JSON.parse(fs.readFileSync(dir + "/package-lock.json", "utf8"));
  for (const [p, m] of Object.entries(lock.packages)) {
    if (!p || m.dev) continue;
    let v; try { v = JSON.parse(fs.readFileSync(`${dir}/${p}/package.json`, "utf8")).version; }
    catch { if (m.optional) continue; process.exit(1); }
    if (v !== m.version) process.exit(1);
  }' "$TESTS" 2>/dev/null; then
  echo "browser-tests: npm ci in $TESTS/"
  (cd "$TESTS" && PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROME_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
     npm ci --no-audit --no-fund --loglevel=error)
fi

# 4. the release server on a free port
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
BASE="http://127.0.0.1:$PORT"
LOG=$(mktemp -t pathways-server.XXXXXX)
"$BIN" --addr "127.0.0.1:$PORT" --base-url "$BASE" >"$LOG" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -f "$LOG"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
healthy() { node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$BASE/healthz"; }
for _ in $(seq 1 100); do
  if healthy; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$LOG" >&2; fail "the server exited before it answered /healthz"; fi
  sleep 0.1
done
healthy || { cat "$LOG" >&2; fail "no answer from $BASE/healthz after the wait"; }
echo "browser-tests: server $BIN at $BASE (pid $SERVER); Chromium: $("$CHROME_PATH" --version 2>/dev/null | head -1)"

# 5. the suite (its last line is `N passed, M failed`)
status=0
node "$TESTS/run.mjs" "$BASE" || status=$?
exit "$status"
