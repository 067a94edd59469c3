#!/usr/bin/env bash
# Benchmark: pathways against the two yardsticks in the same run, on the HIM
# overview and one section page:
#   - nginx serving `pathways export`'s output with the baseline static
#     config (worker_processes auto, sendfile, open_file_cache, gzip_static,
#     on-the-fly gzip 5 for the rest), written out below;
#   - the floor: benches/floor, a few lines of hyper that hand back the same
#     gzip bytes for every request (what this machine's hyper can do at all);
#   - the floor with pathways' headers: the same, sending the very response
#     headers pathways sends for that page (read from it with curl, made
#     once, copied for each answer): what the headers cost, apart from the
#     server's own work per request;
#   - the floor built as pathways is (its release profile: whole-program
#     LTO, one codegen unit), so that what the compiler gives both is not
#     counted as the request path's own gain.
# Rounds alternate (pathways, nginx, floor, the two other floors, pathways, ...); each run is
# wrk -t2 -c64 --latency -H 'Accept-Encoding: gzip'. Reported: median req/s,
# p50 and p99 of each server, the ratios pathways/nginx and pathways/floor.
# A state's pay page (from BLS's OEWS files) is measured the same way.
# Then start-up time and resident memory: HIM (median of 5 starts), and
# generated corpora of 100, 1,000 and 3,000 pathways (how both grow).
# Prints a Markdown report, also written to bench-results.md.
#
# Usage: scripts/bench.sh          (installs wrk and nginx with apt if missing)
#        ROUNDS=3 DURATION=10s SIZES="100 1000 3000" scripts/bench.sh
# Needs nothing outside this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
SIZES=${SIZES-100 1000 3000}   # SIZES= (empty) skips the corpora
PORT_P=${PORT_P:-3180}   # pathways
PORT_N=${PORT_N:-3181}   # nginx
PORT_F=${PORT_F:-3182}   # floor
PORT_H=${PORT_H:-3183}   # floor with pathways' headers
PORT_B=${PORT_B:-3184}   # floor built as pathways is

need() { command -v "$1" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin; command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx

cargo build --release --locked -q
BIN=$PWD/target/release/pathways
# The floor has its own workspace and lock file; build it beside ours.
cargo build --release -q --manifest-path benches/floor/Cargo.toml --target-dir target/floor
FLOOR=$PWD/target/floor/release/floor
# The same floor built with pathways' release profile (Cargo.toml).
CARGO_PROFILE_RELEASE_LTO=fat CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  cargo build --release -q --manifest-path benches/floor/Cargo.toml --target-dir target/floor-built
FLOOR_B=$PWD/target/floor-built/release/floor

WORK=$(mktemp -d /tmp/pathways-bench.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

BASE="http://127.0.0.1:$PORT_P"
"$BIN" export --out "$WORK/site" --base-url "$BASE" >/dev/null
chmod -R a+rX "$WORK"
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/temp"
cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes auto;
pid       $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;
    access_log    off;
    sendfile      on;
    tcp_nopush    on;
    keepalive_timeout 65;
    open_file_cache max=1000 inactive=30s;
    client_body_temp_path $WORK/nginx/temp/body;
    proxy_temp_path       $WORK/nginx/temp/proxy;
    fastcgi_temp_path     $WORK/nginx/temp/fastcgi;
    uwsgi_temp_path       $WORK/nginx/temp/uwsgi;
    scgi_temp_path        $WORK/nginx/temp/scgi;
    gzip_static on;
    gzip on; gzip_comp_level 5; gzip_min_length 256; gzip_vary on;
    gzip_types text/css application/javascript application/json image/svg+xml text/plain;
    server {
        listen 127.0.0.1:$PORT_N;
        root   "$WORK/site";
        index  index.html;
        location / { try_files \$uri \$uri/ =404; }
    }
}
NGINX

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { for _ in $(seq 1500); do listening "$1" && return 0; sleep 0.02; done; echo "nothing listens on $1" >&2; exit 1; }
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

run() { # URL -> "rps p50_ms p99_ms [BAD]"
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ {rps = $2}  $1 == "50%" {p50 = ms($2)}  $1 == "99%" {p99 = ms($2)}
    /Non-2xx|Socket errors/ {bad = 1}
    END { printf "%.0f %.3f %.3f%s\n", rps, p50, p99, (bad ? " BAD" : "") }'
}

# --- Start-up and memory on the bundled content (HIM) ---------------------
# Time from exec to the port accepting (the server binds after the load),
# resident memory then, and again two seconds later (a small site makes
# its brotli bodies on a background thread just after start).
start_once() { # CONTENT -> "ms rss_ready_kib rss_settled_kib"
  local t0 t1 pid ready
  t0=$(date +%s%N)
  RUST_LOG=pathways=debug "$BIN" serve --addr "127.0.0.1:$PORT_P" --content "$1" --base-url "$BASE" > "$WORK/start.log" 2>&1 &
  pid=$!
  wait_port "$PORT_P"
  t1=$(date +%s%N)
  ready=$(rss_kib "$pid")
  sleep 2
  echo "$(( (t1 - t0) / 1000000 )) $ready $(rss_kib "$pid")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
: > "$WORK/him"
for _ in 1 2 3 4 5; do start_once content >> "$WORK/him"; done
him_ms=$(cut -d' ' -f1 "$WORK/him" | median)
him_ready=$(( $(cut -d' ' -f2 "$WORK/him" | median | cut -d. -f1) / 1024 ))
him_settled=$(( $(cut -d' ' -f3 "$WORK/him" | median | cut -d. -f1) / 1024 ))
stored=$(grep -o 'plain=[0-9]* gzip=[0-9]*\|gzip=[0-9]* plain=[0-9]*' "$WORK/start.log" | head -1)

# --- Throughput: pathways, nginx and the floor, alternating ---------------
RUST_LOG=info "$BIN" serve --addr "127.0.0.1:$PORT_P" --content content --base-url "$BASE" > "$WORK/access.log" 2>&1 &
PIDS+=($!); PP=$!
nginx -q -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
wait_port "$PORT_P"; wait_port "$PORT_N"
# The brotli bodies are made on a background thread just after start: wait
# for its log line, so that no round measures a server still compressing.
for _ in $(seq 600); do grep -q "brotli bodies made" "$WORK/access.log" && break; sleep 0.1; done
grep -q "brotli bodies made" "$WORK/access.log" || { echo "the server did not finish its brotli bodies in 60 s" >&2; exit 1; }

report="$WORK/report.md"
{
  echo "| page | server | req/s (median of $ROUNDS) | p50 ms | p99 ms |"
  echo "|---|---|---|---|---|"
} > "$report"
summary=()
for page in /pathways/health-information-management /pathways/health-information-management/salary /pathways/health-information-management/pay/texas; do
  gz="$WORK/site${page}/index.html.gz"
  "$FLOOR" "$gz" "127.0.0.1:$PORT_F" hyper &
  FP=$!; PIDS+=($FP)
  curl -fs -o /dev/null -D "$WORK/headers" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT_P$page"
  "$FLOOR" "$gz" "127.0.0.1:$PORT_H" hyper "$WORK/headers" &
  HP=$!; PIDS+=($HP)
  "$FLOOR_B" "$gz" "127.0.0.1:$PORT_B" hyper &
  BP=$!; PIDS+=($BP)
  wait_port "$PORT_F"; wait_port "$PORT_H"; wait_port "$PORT_B"
  # Same bytes from all of them, or the comparison means nothing.
  for url in "http://127.0.0.1:$PORT_P$page" "http://127.0.0.1:$PORT_N$page/" "http://127.0.0.1:$PORT_F$page" "http://127.0.0.1:$PORT_H$page" "http://127.0.0.1:$PORT_B$page"; do
    got=$(curl -fs -H 'Accept-Encoding: gzip' "$url" | wc -c)
    [ "$got" = "$(stat -c %s "$gz")" ] || { echo "$url answers $got bytes, not the export's $(stat -c %s "$gz")" >&2; exit 1; }
  done
  # One short run each first: connections, caches and CPU frequency settle.
  DURATION=2s run "http://127.0.0.1:$PORT_P$page" >/dev/null
  DURATION=2s run "http://127.0.0.1:$PORT_N$page/" >/dev/null
  DURATION=2s run "http://127.0.0.1:$PORT_F$page" >/dev/null
  DURATION=2s run "http://127.0.0.1:$PORT_H$page" >/dev/null
  DURATION=2s run "http://127.0.0.1:$PORT_B$page" >/dev/null
  : > "$WORK/p"; : > "$WORK/n"; : > "$WORK/f"; : > "$WORK/h"; : > "$WORK/b"
  for _ in $(seq "$ROUNDS"); do
    run "http://127.0.0.1:$PORT_P$page" >> "$WORK/p"
    run "http://127.0.0.1:$PORT_N$page/" >> "$WORK/n"
    run "http://127.0.0.1:$PORT_F$page" >> "$WORK/f"
    run "http://127.0.0.1:$PORT_H$page" >> "$WORK/h"
    run "http://127.0.0.1:$PORT_B$page" >> "$WORK/b"
  done
  kill "$FP" "$HP" "$BP"; wait "$FP" "$HP" "$BP" 2>/dev/null || true
  for side in p n f h b; do
    case $side in p) name=pathways ;; n) name=nginx ;; f) name=floor ;; h) name="floor, pathways' headers" ;; b) name="floor, built as pathways is" ;; esac
    rps=$(cut -d' ' -f1 "$WORK/$side" | median)
    p50=$(cut -d' ' -f2 "$WORK/$side" | median)
    p99=$(cut -d' ' -f3 "$WORK/$side" | median)
    bad=$(grep -c BAD "$WORK/$side" || true)
    runs=$(cut -d' ' -f1 "$WORK/$side" | tr '\n' ' ')
    echo "| \`$page\` | $name | $rps ($runs) | $p50 | $p99 |$([ "$bad" != 0 ] && echo " errors in $bad runs")" >> "$report"
    eval "${side}_rps=$rps ${side}_p99=$p99"
  done
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
  summary+=("\`$page\`: pathways/nginx **$(ratio "$p_rps" "$n_rps")**, pathways/floor **$(ratio "$p_rps" "$f_rps")** (the floor with pathways' headers/floor $(ratio "$h_rps" "$f_rps"), pathways/that floor $(ratio "$p_rps" "$h_rps"); the floor built as pathways is/floor $(ratio "$b_rps" "$f_rps"), pathways/that floor $(ratio "$p_rps" "$b_rps")); p99 pathways ${p_p99} ms, nginx ${n_p99} ms, floor ${f_p99} ms")
done
rss_after=$(( $(rss_kib "$PP") / 1024 ))
{
  echo
  for s in "${summary[@]}"; do echo "- $s"; done
  echo "- HIM start-up (exec to listening, median of 5): ${him_ms} ms; resident ${him_ready} MiB at ready, ${him_settled} MiB two seconds later, ${rss_after} MiB after the load above (access log on)"
  echo "- HIM stored bytes: ${stored:-n/a} (pages kept gzip-compressed; plain and brotli made from them on demand)"
  echo "- machine: $(nproc) cores; client and servers share them; wrk -t2 -c$CONNS -d$DURATION --latency -H 'Accept-Encoding: gzip'"
} >> "$report"
for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
PIDS=()

# --- Growth: generated corpora --------------------------------------------
if [ -n "$SIZES" ]; then
  {
    echo
    echo "| pathways | content on disk | pages | ready (exec to listening) | resident at ready | two seconds later | plain / gzip bytes stored |"
    echo "|---|---|---|---|---|---|---|"
  } >> "$report"
  for n in $SIZES; do
    "$BIN" gen-corpus --out "$WORK/corpus-$n" --pathways "$n" >/dev/null
    disk=$(du -sm "$WORK/corpus-$n" | cut -f1)
    read -r ms ready settled < <(start_once "$WORK/corpus-$n")
    pages=$(grep -o '[0-9]* pages loaded' "$WORK/start.log" | cut -d' ' -f1)
    bytes=$(grep -o 'plain=[0-9]* gzip=[0-9]*\|gzip=[0-9]* plain=[0-9]*' "$WORK/start.log" | head -1)
    echo "| $n | ${disk} MB | $pages | $ms ms | $(( ready / 1024 )) MiB | $(( settled / 1024 )) MiB | ${bytes:-n/a} |" >> "$report"
    rm -rf "$WORK/corpus-$n"
  done
fi
cat "$report"
cp "$report" bench-results.md
