#!/usr/bin/env python3
"""Slowloris check for scripts/soak.sh.

Opens N connections (default 1,000) that each send half a request line and
then nothing, holds them, and meanwhile times a normal client making
sequential requests on fresh connections. Then waits for the server to close
the idle sockets (its idle timer is 10 s).

Prints a human report, then one `key=value` line per result for the caller.

Usage: scripts/idle.py HOST PORT [--idle 1000] [--requests 20] [--path /]
"""

import argparse
import asyncio
import resource
import statistics
import sys
import time

PARTIAL = b"GET /pathways HT"


async def idle_socket(host, port, opened, results):
    t0 = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError as e:
        results.append(("open-failed", 0.0, str(e)))
        return
    opened.append(1)
    writer.write(PARTIAL)
    try:
        await writer.drain()
        # Wait for the server to give up on us (EOF, or reset).
        while True:
            data = await asyncio.wait_for(reader.read(4096), timeout=60)
            if not data:
                break
        results.append(("closed", time.monotonic() - t0, ""))
    except asyncio.TimeoutError:
        results.append(("still-open", time.monotonic() - t0, ""))
    except (ConnectionResetError, BrokenPipeError):
        results.append(("closed", time.monotonic() - t0, "reset"))
    finally:
        writer.close()


async def one_request(host, port, path):
    t0 = time.monotonic()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
    )
    await writer.drain()
    data = b""
    while True:
        chunk = await reader.read(65536)
        if not chunk:
            break
        data += chunk
    writer.close()
    ms = (time.monotonic() - t0) * 1000
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return ms, status


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("host")
    ap.add_argument("port", type=int)
    ap.add_argument("--idle", type=int, default=1000)
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--path", default="/")
    args = ap.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, max(soft, args.idle * 2 + 256))
    if want > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))

    # Baseline: the normal client with no idle sockets.
    base = [(await one_request(args.host, args.port, args.path))[0] for _ in range(5)]

    opened, results = [], []
    t_open = time.monotonic()
    tasks = []
    # Open in batches so the listen backlog is not the thing being tested.
    for i in range(args.idle):
        tasks.append(asyncio.create_task(idle_socket(args.host, args.port, opened, results)))
        if i % 100 == 99:
            await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    open_secs = time.monotonic() - t_open
    print(f"opened {len(opened)}/{args.idle} idle connections in {open_secs:.1f}s")

    latencies, bad = [], 0
    for _ in range(args.requests):
        ms, status = await one_request(args.host, args.port, args.path)
        latencies.append(ms)
        if status != 200:
            bad += 1
        await asyncio.sleep(0.2)
    held = sum(1 for r in results if r[0] == "closed")
    print(
        f"normal client while {len(opened) - held} idle sockets were held: "
        f"{args.requests} requests, max {max(latencies):.1f} ms, "
        f"median {statistics.median(latencies):.1f} ms, non-200: {bad} "
        f"(baseline max {max(base):.1f} ms)"
    )

    await asyncio.gather(*tasks)
    closed = [r[1] for r in results if r[0] == "closed"]
    still = sum(1 for r in results if r[0] == "still-open")
    failed = sum(1 for r in results if r[0] == "open-failed")
    if closed:
        print(
            f"server closed {len(closed)} idle sockets after "
            f"{min(closed):.1f}-{max(closed):.1f}s; still open after 60s: {still}; "
            f"failed to open: {failed}"
        )
    print(f"idle_opened={len(opened)}")
    print(f"idle_failed={failed}")
    print(f"idle_held_during={len(opened) - held}")
    print(f"client_requests={args.requests}")
    print(f"client_max_ms={max(latencies):.1f}")
    print(f"client_median_ms={statistics.median(latencies):.1f}")
    print(f"client_non200={bad}")
    print(f"baseline_max_ms={max(base):.1f}")
    print(f"idle_closed={len(closed)}")
    print(f"idle_still_open={still}")
    print(f"idle_close_min_s={min(closed) if closed else 0:.1f}")
    print(f"idle_close_max_s={max(closed) if closed else 0:.1f}")


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
