"""Open pages in headless Chromium and report what went wrong on each: console errors, uncaught
exceptions, resources that failed to load, images that did not decode, and the fonts the text used.

A minimal client of the DevTools protocol over ``--remote-debugging-pipe`` (JSON messages ended by
NUL on file descriptors 3 and 4), with the standard library only: the CLI's ``--dump-dom`` does not
report console errors or broken images, and no CDP client package is installed offline.

>>> # with Chromium() as browser: browser.check("file:///tmp/site/index.html").errors  ->  []
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
# every image decoded (decode() waits for an image a background tab has not drawn yet; it fails for a broken one)
_IMAGES = ("Promise.all(Array.from(document.images).map(i => i.decode().then(() => i.naturalWidth > 0 ? null : "
           "i.getAttribute('src'), () => i.getAttribute('src')))).then(r => JSON.stringify(r.filter(x => x !== null)))")


def chromium_path() -> str | None:
    return next((p for p in map(shutil.which, BROWSERS) if p), None)


@dataclass
class PageCheck:
    """What one page did when loaded."""

    url: str
    errors: list[str] = field(default_factory=list)  # console errors, exceptions, failed loads
    broken_images: list[str] = field(default_factory=list)
    fonts: dict[str, int] = field(default_factory=dict)  # platform font -> glyphs drawn in the checked node
    screenshot: bytes = b""


class Chromium:
    """One headless Chromium for many pages."""

    def __init__(self, timeout_s: float = 30.0, width: int = 1400, height: int = 1000) -> None:
        self.timeout_s, self.width, self.height = timeout_s, width, height
        self._id, self._buffer, self._events = 0, b"", []

    def __enter__(self) -> Chromium:
        binary = chromium_path()
        if binary is None:
            raise FileNotFoundError("no chromium on PATH")
        self._profile = tempfile.TemporaryDirectory(prefix="saraban-chromium-")
        self._log = open(os.path.join(self._profile.name, "stderr.log"), "wb")  # noqa: SIM115 - closed in __exit__
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()

        def fds() -> None:  # the protocol's pipes are the child's fds 3 (in) and 4 (out)
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)

        self._proc = subprocess.Popen(
            [binary, "--headless", "--disable-gpu", "--no-sandbox", "--remote-debugging-pipe", "--no-first-run",
             "--allow-file-access-from-files", f"--user-data-dir={self._profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log,
            preexec_fn=fds, close_fds=False)  # fds 3 and 4 made by dup2 in the child
        os.close(to_child)
        os.close(from_child)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._send("Browser.close")
        except (OSError, TimeoutError):
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        os.close(self._write)
        os.close(self._read)
        self._log.close()
        self._profile.cleanup()

    def _message(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], self.timeout_s)
            if not ready:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise OSError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _send(self, method: str, session: str | None = None, **params) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_for_load(self, session: str, loader: str) -> None:
        """Until the navigation ``loader`` fired its load event (every image loaded or failed)."""

        def done(event: dict) -> bool:
            params = event.get("params", {})
            return (event.get("method") == "Page.lifecycleEvent" and event.get("sessionId") == session
                    and params.get("loaderId") == loader and params.get("name") == "load")

        if any(map(done, self._events)):
            return
        while not done(event := self._message()):
            self._events.append(event)

    def check(self, url: str, fonts_of: str = "", screenshot: bool = False) -> PageCheck:
        """Load ``url``; ``fonts_of``: a CSS selector whose rendered fonts to report."""
        target = self._send("Target.createTarget", url="about:blank")["targetId"]
        session = self._send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network", "DOM", "CSS"):
            self._send(f"{domain}.enable", session)
        self._send("Emulation.setDeviceMetricsOverride", session, width=self.width, height=self.height,
                   deviceScaleFactor=1, mobile=False)
        self._send("Page.setLifecycleEventsEnabled", session, enabled=True)
        self._events.clear()
        loader = self._send("Page.navigate", session, url=url)["loaderId"]
        self._wait_for_load(session, loader)
        result = PageCheck(url)
        images = self._send("Runtime.evaluate", session, expression=_IMAGES, returnByValue=True,
                            awaitPromise=True)
        result.broken_images = json.loads(images["result"]["value"])
        if fonts_of:
            root = self._send("DOM.getDocument", session)["root"]["nodeId"]
            node = self._send("DOM.querySelector", session, nodeId=root, selector=fonts_of)["nodeId"]
            if node:
                used = self._send("CSS.getPlatformFontsForNode", session, nodeId=node)["fonts"]
                result.fonts = {f["familyName"]: f["glyphCount"] for f in used}
        if screenshot:
            shot = self._send("Page.captureScreenshot", session, format="png")
            result.screenshot = base64.b64decode(shot["data"])
        result.errors = _errors(self._events, session)
        self._send("Target.closeTarget", targetId=target)
        return result


def _errors(events: list[dict], session: str) -> list[str]:
    found = []
    for event in events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append("exception: " + params["exceptionDetails"].get("text", ""))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            found.append(f"log: {params['entry'].get('text', '')} {params['entry'].get('url', '')}")
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            found.append(f"load failed: {params.get('errorText', '')}")
    return found
