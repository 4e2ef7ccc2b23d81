#!/usr/bin/env python3
"""Issue 19: the page of `factcheck serve`, in headless Chromium (Debian's), driven as an editor would use it.

Archives Examples/klarna, starts `factcheck serve --archive … --port 0` on loopback, opens the page, pastes a
draft that gives Klarna 3 500 employees (Input.insertText, what a paste does), presses Check, and waits for the
finding that cites the archived 3 800 in the DOM. Writes a desktop and a phone screenshot. Talks to Chromium
over --remote-debugging-pipe (the DevTools protocol on file descriptors 3 and 4): no package to install.

Usage: page_test.py FACTCHECK_BINARY [OUTPUT_DIR]   (exit 0 when the finding is found)
"""
import base64
import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DRAFT = """---
title: "Brouillon : Klarna et l'IA"
published: 2024-09-20
language: fr
---
Klarna emploie aujourd'hui 3 500 personnes, selon son directeur général.
"""
DEADLINE = 90  # seconds for the whole test


class DevTools:
    """The DevTools protocol over Chromium's pipe: JSON messages, each ended by a NUL byte."""

    def __init__(self, write_fd, read_fd):
        self.write = os.fdopen(write_fd, "wb", buffering=0)
        self.read = os.fdopen(read_fd, "rb", buffering=0)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def call(self, method, session=None, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.write.write(json.dumps(message).encode() + b"\0")
        while True:
            answer = self._message()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def _message(self):
        while b"\0" not in self.buffer:
            chunk = self.read.read(65536)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)


def evaluate(tools, session, expression):
    result = tools.call("Runtime.evaluate", session, expression=expression, returnByValue=True, awaitPromise=True)
    if "exceptionDetails" in result:
        raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
    return result["result"].get("value")


def wait_for(tools, session, expression, seconds):
    end = time.time() + seconds
    while time.time() < end:
        value = evaluate(tools, session, expression)
        if value:
            return value
        time.sleep(0.1)
    return None


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    output = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build-browser"))
    os.makedirs(output, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("page_test: chromium is not installed (make browser-test installs it)", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="factcheck-page-")

    def too_long(_signal, _frame):
        raise TimeoutError(f"the page test took longer than {DEADLINE} s")

    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(DEADLINE)
    environment = dict(os.environ, FACTCHECK_HOME=ROOT)
    server = browser = None
    try:
        archive = os.path.join(work, "archive.sqlite")
        subprocess.run([binary, "archive", "add", "Examples/klarna", "--archive", archive], cwd=ROOT, env=environment,
                       check=True, stdout=subprocess.DEVNULL, timeout=120)
        server = subprocess.Popen([binary, "serve", "--archive", archive, "--port", "0"], cwd=ROOT, env=environment,
                                  stdout=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            raise RuntimeError(f"the server did not say where it listens: {line!r}")
        url = f"http://127.0.0.1:{match.group(1)}/"
        print(f"page_test: server at {url}")

        # Chromium reads commands on fd 3 and answers on fd 4.
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()

        def plumb():
            # Out of the way first: either end may already be 3 or 4.
            commands = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            answers = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        browser = subprocess.Popen(
            [chromium, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", f"--user-data-dir={os.path.join(work, 'profile')}", "about:blank"],
            close_fds=False, preexec_fn=plumb, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        tools = DevTools(to_browser_w, from_browser_r)
        target = tools.call("Target.createTarget", url="about:blank")["targetId"]
        session = tools.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        tools.call("Page.enable", session)
        tools.call("Runtime.enable", session)
        found = {}
        for name, width, height, mobile in [("desktop", 1280, 900, False), ("phone", 390, 844, True)]:
            tools.call("Emulation.setDeviceMetricsOverride", session, width=width, height=height, deviceScaleFactor=2 if mobile else 1,
                       mobile=mobile)
            tools.call("Page.navigate", session, url=url)
            if not wait_for(tools, session, "document.readyState === 'complete' && !!document.getElementById('draft')", 20):
                raise RuntimeError("the page did not load")
            # Paste: focus the text area and insert the text as a paste does.
            evaluate(tools, session, "document.getElementById('draft').focus()")
            tools.call("Input.insertText", session, text=DRAFT)
            if evaluate(tools, session, "document.getElementById('draft').value") != DRAFT:
                raise RuntimeError("the draft was not pasted")
            box = evaluate(tools, session, "(() => { const r = document.getElementById('check').getBoundingClientRect();"
                                           " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
            for kind in ("mousePressed", "mouseReleased"):
                tools.call("Input.dispatchMouseEvent", session, type=kind, x=box[0], y=box[1], button="left", clickCount=1)
            finding = wait_for(tools, session, """(() => {
                const item = [...document.querySelectorAll('#findings li.finding')].find((li) =>
                  li.dataset.check === 'conflict/employees'
                  && li.querySelector('.cite.draft b') && li.querySelector('.cite.draft b').textContent === '3 500'
                  && [...li.querySelectorAll('.cite.archived b')].some((b) => b.textContent.includes('3 800')));
                const mark = document.querySelector('#text mark.claim.sev-error, #text mark.claim.sev-warning');
                return item && mark ? { finding: item.innerText, mark: mark.firstChild.textContent } : null;
              })()""", 30)
            if not finding:
                status = evaluate(tools, session, "document.getElementById('status').textContent")
                raise RuntimeError(f"no finding citing the archived 3 800 in the DOM ({name}); status: {status!r}")
            found[name] = finding
            evaluate(tools, session, "window.scrollTo(0, 0)")
            shot = tools.call("Page.captureScreenshot", session, format="png", captureBeyondViewport=True)
            path = os.path.join(output, f"page-{name}.png")
            with open(path, "wb") as file:
                file.write(base64.b64decode(shot["data"]))
            print(f"page_test: {name}: highlighted {finding['mark']!r}; screenshot {path}")
        print("page_test: finding in the DOM: " + " | ".join(found["desktop"]["finding"].split("\n")[:3]))
        print("page_test: 1 passed, 0 failed")
        return 0
    except Exception as error:  # noqa: BLE001 — one line for CI
        print(f"page_test: FAILED: {error}", file=sys.stderr)
        print("page_test: 0 passed, 1 failed")
        return 1
    finally:
        for process in (browser, server):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
