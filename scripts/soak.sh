#!/usr/bin/env bash
# Load and soak: the release server on a free port, then
#   a. 256 concurrent connections for 60 s over a mix of pages and searches
#      (scripts/mix.lua): requests/s, errors, p50/p99;
#   b. 1,000 idle slowloris connections held while a normal client is timed
#      (scripts/idle.py); the idle timer (10 s) must close them;
#   c. a soak at moderate load (wrk -t1 -c16, 10 minutes by default): VmRSS
#      at the start and the end (sampled every 30 s in between);
#   d. SIGTERM under load: exit status and time, a request in flight at the
#      signal completes, new connections are refused, what wrk saw.
# Prints a Markdown summary (also written to soak-results.md).
#
# Usage: scripts/soak.sh                 (needs wrk, python3, curl; installs wrk with apt if missing)
#        SOAK_SECONDS=60 scripts/soak.sh (a shorter soak)
# Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD_SECONDS=${LOAD_SECONDS:-60}
LOAD_CONNS=${LOAD_CONNS:-256}
IDLE=${IDLE:-1000}
SOAK_SECONDS=${SOAK_SECONDS:-600}
SOAK_CONNS=${SOAK_CONNS:-16}
GRACE=20
OUT=soak-results.md

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need curl curl
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }

# 1,000 idle sockets on each side plus the load: raise the descriptor limit
# (the server inherits it).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((IDLE * 2 + 512)) ]; then
  echo "warning: ulimit -n is $(ulimit -n); $IDLE idle connections may not fit" >&2
fi

cargo build --release --locked -q
BIN=${CARGO_TARGET_DIR:-target}/release/pathways
WORK=$(mktemp -d /tmp/pathways-soak.XXXXXX)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
  [ -n "${WRK_PID:-}" ] && kill "$WRK_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BASE="http://127.0.0.1:$PORT"

RUST_LOG=off "$BIN" serve --addr "127.0.0.1:$PORT" >"$WORK/server.out" 2>&1 &
PID=$!
for _ in $(seq 200); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.05; done
curl -fs "$BASE/healthz" >/dev/null || { echo "the server did not start:" >&2; cat "$WORK/server.out" >&2; exit 1; }
# Every path in the mix must answer 200 before load means anything.
MIX=$(grep -o '"/[^"]*"' scripts/mix.lua | tr -d '"')
MIX_N=$(wc -l <<<"$MIX")
for p in $MIX; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$p")
  [ "$code" = 200 ] || { echo "mix path $p answered $code" >&2; exit 1; }
done

rss() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
rss_boot=$(rss)

# wrk's output -> shell variables (latencies in ms).
ms() { awk -v v="$1" 'BEGIN {
  if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
  else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
  else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
  else printf "%s", v }'; }
read_wrk() { # file -> sets W_RPS W_REQS W_P50 W_P99 W_NON2XX W_CONNECT W_READ W_WRITE W_TIMEOUT
  local f=$1
  W_RPS=$(awk '/Requests\/sec/ {print $2}' "$f")
  W_REQS=$(awk '/requests in/ {print $1}' "$f")
  W_P50=$(ms "$(awk '$1 == "50%" {print $2}' "$f")")
  W_P99=$(ms "$(awk '$1 == "99%" {print $2}' "$f")")
  W_NON2XX=$(awk '/Non-2xx or 3xx/ {print $NF}' "$f"); W_NON2XX=${W_NON2XX:-0}
  local se; se=$(grep 'Socket errors' "$f" || true)
  W_CONNECT=$(sed -n 's/.*connect \([0-9]*\).*/\1/p' <<<"$se"); W_CONNECT=${W_CONNECT:-0}
  W_READ=$(sed -n 's/.*read \([0-9]*\).*/\1/p' <<<"$se"); W_READ=${W_READ:-0}
  W_WRITE=$(sed -n 's/.*write \([0-9]*\).*/\1/p' <<<"$se"); W_WRITE=${W_WRITE:-0}
  W_TIMEOUT=$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' <<<"$se"); W_TIMEOUT=${W_TIMEOUT:-0}
}

verdict() { [ "$1" = 0 ] && echo pass || echo FAIL; }
FAILED=0

# --- a. load -----------------------------------------------------------------
echo "== a. $LOAD_CONNS connections for ${LOAD_SECONDS}s over the mix" >&2
wrk -t2 -c"$LOAD_CONNS" -d"${LOAD_SECONDS}s" --latency -s scripts/mix.lua "$BASE" >"$WORK/load.txt"
cat "$WORK/load.txt" >&2
read_wrk "$WORK/load.txt"
a_errors=$((W_NON2XX + W_CONNECT + W_READ + W_WRITE + W_TIMEOUT))
[ "$a_errors" = 0 ] || FAILED=1
A_ROW="| a. ${LOAD_CONNS} connections, ${LOAD_SECONDS} s, mix of $MIX_N paths | $W_REQS requests, **$W_RPS req/s**; p50 $W_P50 ms, **p99 $W_P99 ms**; non-2xx $W_NON2XX, socket errors connect $W_CONNECT / read $W_READ / write $W_WRITE / timeout $W_TIMEOUT | zero errors | $(verdict "$a_errors") |"
rss_after_load=$(rss)

# --- b. idle connections -----------------------------------------------------
echo "== b. $IDLE idle connections" >&2
python3 scripts/idle.py 127.0.0.1 "$PORT" --idle "$IDLE" --requests 20 --path / | tee "$WORK/idle.txt" >&2
val() { sed -n "s/^$1=//p" "$WORK/idle.txt"; }
b_ok=0
awk -v m="$(val client_max_ms)" 'BEGIN { exit !(m < 100) }' || b_ok=1
[ "$(val client_non200)" = 0 ] || b_ok=1
[ "$(val idle_opened)" = "$IDLE" ] || b_ok=1
[ "$(val idle_closed)" = "$(val idle_opened)" ] || b_ok=1
awk -v m="$(val idle_close_max_s)" 'BEGIN { exit !(m <= 12) }' || b_ok=1
[ "$b_ok" = 0 ] || FAILED=1
B_ROW="| b. $IDLE idle connections (half a request line each) | $(val idle_opened) opened and held; a normal client: $(val client_requests) requests, **max $(val client_max_ms) ms**, median $(val client_median_ms) ms, non-200 $(val client_non200) (alone: max $(val baseline_max_ms) ms); the server closed $(val idle_closed) of them after $(val idle_close_min_s)-$(val idle_close_max_s) s | max < 100 ms; all closed by the 10 s idle timer | $(verdict "$b_ok") |"

# --- c. soak -----------------------------------------------------------------
echo "== c. soak: wrk -t1 -c$SOAK_CONNS for ${SOAK_SECONDS}s" >&2
rss_soak_start=$(rss)
samples=("$rss_soak_start")
wrk -t1 -c"$SOAK_CONNS" -d"${SOAK_SECONDS}s" --latency -s scripts/mix.lua "$BASE" >"$WORK/soak.txt" &
WRK_PID=$!
while kill -0 "$WRK_PID" 2>/dev/null; do
  sleep 30
  kill -0 "$WRK_PID" 2>/dev/null && samples+=("$(rss)")
done
wait "$WRK_PID" || true
WRK_PID=
rss_soak_end=$(rss)
samples+=("$rss_soak_end")
cat "$WORK/soak.txt" >&2
read_wrk "$WORK/soak.txt"
c_errors=$((W_NON2XX + W_CONNECT + W_READ + W_WRITE + W_TIMEOUT))
rss_min=$(printf '%s\n' "${samples[@]}" | sort -n | head -1)
rss_max=$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)
growth=$(awk -v a="$rss_soak_start" -v b="$rss_soak_end" 'BEGIN { printf "%+.1f%%", (b - a) * 100 / a }')
# "Flat": the end is within 10% (or 8 MiB) of the start.
c_ok=0
awk -v a="$rss_soak_start" -v b="$rss_soak_end" 'BEGIN { exit !(b - a <= a * 0.10 || b - a <= 8192) }' || c_ok=1
[ "$c_errors" = 0 ] || c_ok=1
[ "$c_ok" = 0 ] || FAILED=1
C_ROW="| c. soak, $SOAK_CONNS connections, ${SOAK_SECONDS} s | $W_REQS requests, $W_RPS req/s, p99 $W_P99 ms, errors $c_errors; VmRSS **start $(mib "$rss_soak_start"), end $(mib "$rss_soak_end")** ($growth; min $(mib "$rss_min"), max $(mib "$rss_max") over ${#samples[@]} samples) | flat memory, zero errors | $(verdict "$c_ok") |"

# --- d. SIGTERM under load ---------------------------------------------------
# While wrk runs, a probe opens a connection and sends half of a request's
# headers (a request in flight), then sends SIGTERM itself. While the server
# drains, the probe tries a new connection (must be refused), then finishes
# its request (must get a 200). The script times the exit from the signal.
echo "== d. SIGTERM under load" >&2
wrk -t2 -c64 -d10s --latency -s scripts/mix.lua "$BASE" >"$WORK/term.txt" 2>&1 &
WRK_PID=$!
sleep 2
python3 - "$PORT" "$PID" >"$WORK/probe.txt" <<'PY'
import os, signal, socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
a = socket.create_connection(("127.0.0.1", port))
a.sendall(b"GET /search?q=coder+salary HTTP/1.1\r\nHost: 127.0.0.1\r\n")
time.sleep(0.1)
print(f"t0={time.time_ns()}")
os.kill(pid, signal.SIGTERM)
time.sleep(0.3)
print(f"alive_while_draining={'yes' if os.path.exists(f'/proc/{pid}') else 'no'}")
try:
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    print("refused=no")
except ConnectionRefusedError:
    print("refused=yes")
except OSError as e:
    print(f"refused=no ({e})")
a.settimeout(10)
try:
    a.sendall(b"Connection: close\r\n\r\n")
    data = b""
    while chunk := a.recv(65536):
        data += chunk
    print(f"inflight_status={data.split(b' ', 2)[1].decode() if data.startswith(b'HTTP/') else 'none'}")
    print(f"inflight_bytes={len(data)}")
except OSError as e:
    print(f"inflight_status=error:{e}")
    print("inflight_bytes=0")
PY
status=0
deadline=$(( $(date +%s) + GRACE + 5 ))
while kill -0 "$PID" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.02; done
if kill -0 "$PID" 2>/dev/null; then
  status=timeout
  kill -KILL "$PID"
else
  wait "$PID" || status=$?
fi
t1=$(date +%s%N)
PID=
pv() { sed -n "s/^$1=//p" "$WORK/probe.txt"; }
exit_ms=$(( (t1 - $(pv t0)) / 1000000 ))
refused_after=no
code=0; curl -s -o /dev/null --max-time 2 "$BASE/healthz" || code=$?
[ "$code" = 7 ] && refused_after=yes
wait "$WRK_PID" || true
WRK_PID=
cat "$WORK/probe.txt" "$WORK/term.txt" >&2
read_wrk "$WORK/term.txt"
d_ok=0
[ "$status" = 0 ] || d_ok=1
[ "$exit_ms" -le $((GRACE * 1000)) ] || d_ok=1
[ "$(pv refused)" = yes ] && [ "$refused_after" = yes ] || d_ok=1
[ "$(pv inflight_status)" = 200 ] || d_ok=1
[ "$W_NON2XX" = 0 ] || d_ok=1
[ "$d_ok" = 0 ] || FAILED=1
D_ROW="| d. SIGTERM after 2 s of a 10 s load (64 connections) | exit status **$status**, **$exit_ms ms** after the signal; a request in flight at the signal (headers half sent) finished while draining: **$(pv inflight_status)** ($(pv inflight_bytes) bytes); a new connection while draining (server still running: $(pv alive_while_draining)) refused: **$(pv refused)**, after exit: $refused_after; wrk: $W_REQS responses, non-2xx $W_NON2XX, socket errors connect $W_CONNECT / read $W_READ / write $W_WRITE / timeout $W_TIMEOUT | exit 0 within ${GRACE} s; in flight completes; new refused | $(verdict "$d_ok") |"

# --- summary -----------------------------------------------------------------
{
  echo "## Load and soak ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
  echo
  echo "\`scripts/soak.sh\`: release build, \`RUST_LOG=off\`, wrk and the server on the same machine."
  echo "Boot VmRSS $(mib "$rss_boot"); after the ${LOAD_SECONDS} s load $(mib "$rss_after_load")."
  echo
  echo "| Check | Result | Target | |"
  echo "|---|---|---|---|"
  echo "$A_ROW"
  echo "$B_ROW"
  echo "$C_ROW"
  echo "$D_ROW"
  echo
  echo "In (d) the server stops accepting at the signal: wrk's reconnects after it are refused (wrk counts those as connect or write errors, as the refusal surfaces on a non-blocking socket), and its read errors are keep-alive connections the server closed while draining before wrk's next request was read (at most one per connection: $W_READ of 64). No request got an error status (non-2xx: $W_NON2XX)."
} | tee "$OUT"
exit "$FAILED"
