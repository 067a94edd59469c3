#!/usr/bin/env bash
# Lighthouse benchmark (not a test): starts the release server on a free port, runs Lighthouse 12
# (browser-tests/node_modules, mobile mode with simulated throttling, Debian's /usr/bin/chromium)
# on the home, overview, a section and the search page, prints a markdown table of the four
# category scores and writes it to browser-tests/lighthouse-results.md.
#
#   scripts/lighthouse.sh
#
# Needs what scripts/browser-tests.sh needs (node, npm, chromium). Chromium makes no outside DNS
# lookups (--host-resolver-rules). env: CHROME_PATH, PATHWAYS_BIN, LH_PRESET=desktop (default mobile).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BIN=${PATHWAYS_BIN:-target/release/pathways}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
TESTS=browser-tests
OUT_MD=$TESTS/lighthouse-results.md

die() { echo "lighthouse: $*" >&2; exit 2; }
[ -x "$CHROME_PATH" ] || die "no Chromium at $CHROME_PATH (apt-get install chromium chromium-driver)"
command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed"
if [ ! -x "$BIN" ]; then
  echo "lighthouse: $BIN missing, running cargo build --release"
  cargo build --release --locked
fi
if [ ! -f "$TESTS/node_modules/lighthouse/package.json" ] || [ "$TESTS/package-lock.json" -nt "$TESTS/node_modules/.package-lock.json" ]; then
  (cd "$TESTS" && PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
LH="$TESTS/node_modules/lighthouse/cli/index.js"

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d -t pathways-lighthouse.XXXXXX)
"$BIN" --addr "127.0.0.1:$PORT" --base-url "$BASE" >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
status() { node -e 'fetch(process.argv[1]).then(r=>console.log(r.status),()=>console.log(0))' "$1"; }
for _ in $(seq 1 100); do
  [ "$(status "$BASE/healthz")" = 200 ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server exited"; }
  sleep 0.1
done
[ "$(status "$BASE/healthz")" = 200 ] || { cat "$WORK/server.log" >&2; die "no answer from $BASE/healthz"; }

PAGES=(
  "Home|/"
  "Overview|/pathways/health-information-management"
  "Section (salary)|/pathways/health-information-management/salary"
  "Search|/search?q=coder+salary"
)
PRESET=()
[ "${LH_PRESET:-}" = desktop ] && PRESET=(--preset=desktop)
i=0
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}; path=${entry#*|}; i=$((i + 1))
  code=$(status "$BASE$path")
  if [ "$code" != 200 ]; then
    echo "SKIP $path: HTTP $code"
    printf '%s\n' "$code" >"$WORK/$i.skip"
    continue
  fi
  profile=$(mktemp -d "$WORK/profile.XXXXXX")
  echo "lighthouse: $name ($path)"
  # Inside --chrome-flags the host-resolver-rules value must stay single-quoted: unquoted,
  # Lighthouse's argument parser keeps only `--host-resolver-rules=MAP`.
  node "$LH" "$BASE$path" "${PRESET[@]}" --quiet \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$WORK/$i.json" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'" \
    2> >(grep -v 'unexpected operator' >&2) || echo "lighthouse failed on $path" >"$WORK/$i.error"
done

LH_VERSION=$(node -p "require('./$TESTS/node_modules/lighthouse/package.json').version")
CHROME_VERSION=$("$CHROME_PATH" --version 2>/dev/null | head -1)
node - "$WORK" "$OUT_MD" "$LH_VERSION" "$CHROME_VERSION" "${LH_PRESET:-mobile}" "${PAGES[@]}" <<'EOF'
const fs = require('fs');
const [work, outMd, lhVersion, chromeVersion, preset, ...pages] = process.argv.slice(2);
const cats = [['performance', 'Performance'], ['accessibility', 'Accessibility'], ['best-practices', 'Best practices'], ['seo', 'SEO']];
const rows = [], notes = [];
pages.forEach((entry, n) => {
  const [name, path] = entry.split('|'), i = n + 1;
  const cell = `${name} (\`${path}\`)`;
  if (fs.existsSync(`${work}/${i}.skip`)) {
    rows.push(`| ${cell} | ${cats.map(() => 'n/a').join(' | ')} |`);
    notes.push(`- ${path}: not measured, HTTP ${fs.readFileSync(`${work}/${i}.skip`, 'utf8').trim()}.`);
    return;
  }
  let r;
  try { r = JSON.parse(fs.readFileSync(`${work}/${i}.json`, 'utf8')); } catch {
    rows.push(`| ${cell} | ${cats.map(() => 'error').join(' | ')} |`);
    notes.push(`- ${path}: Lighthouse did not produce a report.`);
    return;
  }
  if (r.runtimeError) notes.push(`- ${path}: ${r.runtimeError.code}: ${r.runtimeError.message}`);
  rows.push(`| ${cell} | ${cats.map(([id]) => {
    const s = r.categories[id] && r.categories[id].score;
    return s === null || s === undefined ? 'error' : String(Math.round(s * 100));
  }).join(' | ')} |`);
  for (const [id, label] of cats) {
    const c = r.categories[id];
    if (!c || c.score === 1) continue;
    const lost = c.auditRefs
      .filter((a) => a.weight > 0 && r.audits[a.id] && r.audits[a.id].score !== null && r.audits[a.id].score < 1)
      .map((a) => `${a.id} (${r.audits[a.id].displayValue || Math.round(r.audits[a.id].score * 100)})`);
    notes.push(`- ${path} ${label}: ${lost.join(', ') || 'see the report'}`);
  }
  const m = (id) => r.audits[id] && r.audits[id].displayValue;
  notes.push(`- ${path} metrics: FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}, SI ${m('speed-index')}`);
});
const md = [
  `Lighthouse ${lhVersion}, ${preset} mode (simulated throttling), ${chromeVersion}, ${new Date().toISOString().slice(0, 10)}. Produced by \`scripts/lighthouse.sh\`.`,
  '',
  `| Page | ${cats.map(([, l]) => l).join(' | ')} |`,
  `| --- | ${cats.map(() => '---:').join(' | ')} |`,
  ...rows,
  '',
  ...(notes.length ? ['Details:', '', ...notes, ''] : []),
].join('\n');
fs.writeFileSync(outMd, md);
console.log('\n' + md);
EOF
echo "lighthouse: written to $OUT_MD"
