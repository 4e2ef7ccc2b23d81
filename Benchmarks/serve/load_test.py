#!/usr/bin/env python3
"""Issue 19: a bounded load test of `factcheck serve` on loopback.

Archives Examples/klarna, starts `factcheck serve --archive … --port 0` on 127.0.0.1, then sends REQUESTS
POST /v1/check requests (the Klarna draft, which has a finding against the archive), CONCURRENCY at once,
each worker on its own keep-alive connection (http.client), and prints throughput, latency percentiles and
failures. Only loopback; the count and a time limit bound it. Exit 1 when a request failed.

Usage: load_test.py FACTCHECK_BINARY [REQUESTS=2000] [CONCURRENCY=32]
"""
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Browser"))
from page_test import DRAFT  # noqa: E402 — the draft the page test pastes: Klarna's 3 500 against the archived 3 800
TIME_LIMIT = 300  # seconds: the test stops sending after this


def main():
    binary = os.path.abspath(sys.argv[1])
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 32
    work = tempfile.mkdtemp(prefix="factcheck-load-")
    archive = os.path.join(work, "archive.sqlite")
    environment = dict(os.environ, FACTCHECK_HOME=ROOT)
    subprocess.run([binary, "archive", "add", "Examples/klarna", "--archive", archive], cwd=ROOT, env=environment, check=True,
                   stdout=subprocess.DEVNULL)
    server = subprocess.Popen([binary, "serve", "--archive", archive, "--port", "0"], cwd=ROOT, env=environment,
                              stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", server.stdout.readline()).group(1))
        body = json.dumps({"text": DRAFT}).encode()
        headers = {"Content-Type": "application/json"}
        lock = threading.Lock()
        latencies, failures, findings = [], [], set()
        next_index = [0]
        deadline = time.monotonic() + TIME_LIMIT

        def worker():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            while True:
                with lock:
                    if next_index[0] >= total or time.monotonic() > deadline:
                        break
                    next_index[0] += 1
                started = time.perf_counter()
                try:
                    connection.request("POST", "/v1/check", body=body, headers=headers)
                    response = connection.getresponse()
                    payload = response.read()
                    elapsed = time.perf_counter() - started
                    if response.status != 200:
                        raise RuntimeError(f"status {response.status}: {payload[:200]!r}")
                    count = len(json.loads(payload)["findings"])
                    with lock:
                        latencies.append(elapsed)
                        findings.add(count)
                except Exception as error:  # noqa: BLE001 — counted, reported
                    with lock:
                        failures.append(str(error))
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.close()

        # One request first, so the figures measure a warm server.
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        warm.request("POST", "/v1/check", body=body, headers=headers)
        warm.getresponse().read()
        warm.close()
        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        latencies.sort()

        def percentile(p):
            return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))] * 1000 if latencies else float("nan")

        print(f"load_test: {len(latencies) + len(failures)} requests, {concurrency} at once, in {wall:.2f} s on {os.cpu_count()} cores")
        print(f"load_test: throughput {len(latencies) / wall:.1f} requests/s")
        print(f"load_test: latency p50 {percentile(50):.1f} ms, p90 {percentile(90):.1f} ms, p99 {percentile(99):.1f} ms, max {percentile(100):.1f} ms")
        print(f"load_test: failures {len(failures)}; findings per answer {sorted(findings)}")
        for failure in failures[:5]:
            print(f"load_test: failure: {failure}")
        ok = not failures and len(latencies) == total and len(findings) == 1
        print(f"load_test: {1 if ok else 0} passed, {0 if ok else 1} failed")
        return 0 if ok else 1
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
