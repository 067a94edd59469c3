#!/usr/bin/env bash
# Benchmark: pathways (release) against nginx serving `pathways export`'s
# output with gzip_static, on the same machine, in alternation (A B A B A B),
# on the HIM overview and one section. Also startup time, resident memory,
# and page sizes. Prints a Markdown report (also written to bench-results.md).
#
# Usage: scripts/bench.sh            (needs wrk and nginx; installs them with apt if missing)
#        ROUNDS=3 DURATION=10s scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
PORT_A=${PORT_A:-3180}
PORT_B=${PORT_B:-3181}

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx

cargo build --release --locked -q
BIN=target/release/pathways
WORK=$(mktemp -d /tmp/pathways-bench.XXXXXX)
chmod 755 "$WORK"
cleanup() { [ -n "${PA:-}" ] && kill "$PA" 2>/dev/null; [ -n "${PB:-}" ] && kill "$PB" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

BASE="http://127.0.0.1:$PORT_A"
"$BIN" export --out "$WORK/site" --base-url "$BASE" >/dev/null
chmod -R a+rX "$WORK"

cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp; uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server {
    listen 127.0.0.1:$PORT_B;
    root $WORK/site;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
NGINX
mkdir -p "$WORK/tmp"

wait_up() { for _ in $(seq 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.05; done; echo "server at $1 did not start" >&2; exit 1; }

# Startup: median of five cold starts, time until /healthz answers.
starts=()
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N)
  "$BIN" serve --addr "127.0.0.1:$PORT_A" --base-url "$BASE" >/dev/null 2>&1 &
  pid=$!
  wait_up "$BASE/healthz"
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
startup=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p)

RUST_LOG=off "$BIN" serve --addr "127.0.0.1:$PORT_A" --base-url "$BASE" >/dev/null 2>&1 &
PA=$!
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
PB=$!
wait_up "$BASE/healthz"
wait_up "http://127.0.0.1:$PORT_B/"
rss_start=$(awk '/VmRSS/ {print $2}' /proc/$PA/status)

run() { # url -> "rps p50_ms p99_ms"
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$1" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx|Socket errors/ {bad=1}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    END { printf "%.0f %.3f %.3f%s\n", rps, ms(p50), ms(p99), (bad ? " BAD" : "") }'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

report="$WORK/report.md"
{
  echo "| page | server | req/s (median of $ROUNDS) | p50 ms | p99 ms |"
  echo "|---|---|---|---|---|"
} > "$report"
ratios=()
for page in /pathways/health-information-management /pathways/health-information-management/salary; do
  : > "$WORK/a"; : > "$WORK/b"
  for _ in $(seq "$ROUNDS"); do
    run "http://127.0.0.1:$PORT_A$page" >> "$WORK/a"
    run "http://127.0.0.1:$PORT_B$page" >> "$WORK/b"
  done
  for side in a b; do
    name=$([ $side = a ] && echo pathways || echo nginx)
    rps=$(cut -d' ' -f1 "$WORK/$side" | median)
    p50=$(cut -d' ' -f2 "$WORK/$side" | median)
    p99=$(cut -d' ' -f3 "$WORK/$side" | median)
    bad=$(grep -c BAD "$WORK/$side" || true)
    echo "| \`$page\` | $name | $rps | $p50 | $p99 |$([ "$bad" != 0 ] && echo " errors in $bad runs")" >> "$report"
    eval "${side}_rps=$rps"
  done
  ratios+=("$(awk -v a="$a_rps" -v b="$b_rps" 'BEGIN {printf "%.2f", a/b}')")
done
rss_end=$(awk '/VmRSS/ {print $2}' /proc/$PA/status)

br_max=0; biggest=""
while IFS= read -r f; do
  s=$(stat -c %s "$f")
  if [ "$s" -gt "$br_max" ]; then br_max=$s; biggest=${f#"$WORK/site"}; fi
done < <(find "$WORK/site" -name '*.html.br')
css_br=$(stat -c %s "$(find "$WORK/site/static" -name 'site.*.css.br' | head -1)")
{
  echo
  echo "- ratio pathways/nginx (req/s): overview ${ratios[0]}, section ${ratios[1]}"
  echo "- startup (process start to first /healthz answer, median of 5): ${startup} ms"
  echo "- resident memory: ${rss_start} KiB after start, ${rss_end} KiB after the load"
  echo "- largest page, brotli: ${br_max} bytes (${biggest}); site CSS, brotli: ${css_br} bytes"
  echo "- machine: $(nproc) cores; wrk -t2 -c$CONNS -d$DURATION -H 'Accept-Encoding: gzip'; client and servers share the cores"
} >> "$report"
cat "$report"
cp "$report" bench-results.md

# Scale: startup time and resident memory for generated corpora of 100 and
# 1,000 pathways (the corpus the search benchmark uses), to show growth is
# about linear. Set SCALE=0 to skip.
if [ "${SCALE:-1}" != 0 ]; then
  kill "$PA" "$PB" 2>/dev/null || true
  wait "$PA" "$PB" 2>/dev/null || true
  PA=""; PB=""
  {
    echo
    echo "| pathways | pages | startup (load, render, compress, index, images) | resident memory |"
    echo "|---|---|---|---|"
  } > "$WORK/scale.md"
  for n in 100 1000; do
    "$BIN" gen-corpus --out "$WORK/corpus-$n" --pathways "$n"
    t0=$(date +%s%N)
    RUST_LOG=off "$BIN" serve --addr "127.0.0.1:$PORT_A" --content "$WORK/corpus-$n" --base-url "$BASE" > "$WORK/scale.log" 2>&1 &
    pid=$!
    for _ in $(seq 1200); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.05; done
    t1=$(date +%s%N)
    rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    pages=$(grep -o '[0-9]* pages' "$WORK/scale.log" | head -1)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "| $n | ${pages% pages} | $(( (t1 - t0) / 1000000 )) ms | $(( rss / 1024 )) MiB |" >> "$WORK/scale.md"
  done
  cat "$WORK/scale.md"
  cat "$WORK/scale.md" >> bench-results.md
fi
