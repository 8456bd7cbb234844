#!/usr/bin/env python3
"""How fast `praxis serve` shows an edit, measured from the outside (Python 3, standard library).

    scripts/serve-benchmark.py PRAXIS SITE [--edits N] [--port P]

Starts `PRAXIS serve SITE --verbose`, listens on its /__praxis/events like an open page does,
then edits practices one save at a time and measures, for each save, the wall time from the
write to (1) the server's `reload` event and (2) the first response of the practice's page that
contains the new text. The edits: a sentence appended to the body, a new summary, and a new title
(which moves the practice in every list). SITE is changed: run it on a copy. Prints each edit,
the server's own stage times for it (from --verbose) and the medians.
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("praxis")
    parser.add_argument("site")
    parser.add_argument("--edits", type=int, default=7, help="edits of each kind (default 7)")
    arguments = parser.parse_args()

    output = []
    started = time.monotonic()
    server = subprocess.Popen([arguments.praxis, "serve", arguments.site, "--port", "0", "--verbose"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    threading.Thread(target=collect, args=(server.stdout, output), daemon=True).start()
    try:
        port, base = wait_for_serving(output, server)
        first_build = time.monotonic() - started
        initial = next((line for line in output if line.startswith("Built ")), "")
        print(f"first build, started to serving: {first_build:.1f} s ({initial})")

        events = EventStream(port)
        events.wait(lambda name, _: name == "hello", 10)

        practices = sorted(name[:-3] for name in os.listdir(os.path.join(arguments.site, "content/practices")) if name.endswith(".md"))
        # Practices from the middle of the alphabet, one per edit.
        chosen = practices[len(practices) // 3::max(1, len(practices) // (3 * arguments.edits + 1))]
        results = {"body": [], "summary": [], "title": []}
        step = 0
        for kind in ["body", "summary", "title"]:
            for number in range(arguments.edits):
                practice = chosen[step % len(chosen)]
                step += 1
                marker = f"Messpunkt{kind.capitalize()}{number}x{int(time.time() * 1000) % 100000}"
                path = os.path.join(arguments.site, "content/practices", practice + ".md")
                with open(path, encoding="utf-8") as file:
                    text = file.read()
                text = edit(text, kind, marker)
                lines_before = len(output)
                events_before = events.count()
                written = time.monotonic()
                with open(path, "w", encoding="utf-8") as file:
                    file.write(text)
                reloaded = events.wait(lambda name, data: name in ("reload", "ok", "problems"), 60, after=events_before)
                reload_time = reloaded - written if reloaded else float("nan")
                page_time = wait_for_page(port, f"{base}practices/{practice}/", marker, written)
                time.sleep(0.15)
                report = [line for line in output[lines_before:] if not line.startswith("Serving")]
                server_line = next((line for line in report if line.startswith(("Rebuilt", "Build failed"))), "?")
                stages = " ".join(f"{m.group(1)} {float(m.group(2)):.1f}" for m in
                                  (re.match(r"\s+(\S+)\s+([\d.]+) ms", line) for line in report) if m)
                results[kind].append((reload_time, page_time))
                print(f"{kind:8s} {practice[:40]:40s} reload event {reload_time * 1000:6.1f} ms, "
                      f"page served {page_time * 1000:6.1f} ms | {server_line} | {stages}")
        print()
        for kind, values in results.items():
            reloads = [value[0] * 1000 for value in values]
            pages = [value[1] * 1000 for value in values]
            print(f"{kind:8s} edit: reload event median {statistics.median(reloads):6.1f} ms (max {max(reloads):6.1f}), "
                  f"new page served median {statistics.median(pages):6.1f} ms (max {max(pages):6.1f}), {len(values)} edits")
    finally:
        server.terminate()
        server.wait(timeout=30)


def edit(text, kind, marker):
    """The practice's text after one editor's change."""
    if kind == "body":
        return text + f"\nEin neuer Satz mit dem Wort {marker}.\n"
    key = "summary" if kind == "summary" else "title"
    return re.sub(rf"^{key}: .*$", f"{key}: {marker} " + ("neu zusammengefasst." if kind == "summary" else "Neuer Titel"),
                  text, count=1, flags=re.MULTILINE)


def collect(stream, output):
    for line in stream:
        output.append(line.rstrip("\n"))


def wait_for_serving(output, server):
    while server.poll() is None:
        for line in output:
            match = re.match(r"Serving http://127\.0\.0\.1:(\d+)(/\S*) ", line)
            if match:
                return int(match.group(1)), match.group(2)
        time.sleep(0.05)
    sys.exit("praxis serve stopped:\n" + "\n".join(output))


def wait_for_page(port, path, marker, since):
    """Seconds from `since` until the page at `path` contains `marker`."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if marker in get(port, path):
            return time.monotonic() - since
        time.sleep(0.002)
    return float("nan")


def get(port, path):
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


class EventStream:
    """/__praxis/events read on a thread; each event with the time it arrived."""

    def __init__(self, port):
        self.events = []
        self.lock = threading.Lock()
        self.connection = socket.create_connection(("127.0.0.1", port))
        self.connection.sendall(b"GET /__praxis/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        buffer = ""
        while True:
            data = self.connection.recv(65536)
            if not data:
                return
            arrived = time.monotonic()
            buffer += data.decode("utf-8", "replace")
            while "\n\n" in buffer:
                block, buffer = buffer.split("\n\n", 1)
                name = re.search(r"^event: (\S+)", block, re.MULTILINE)
                payload = re.search(r"^data: (.*)$", block, re.MULTILINE)
                if name:
                    with self.lock:
                        self.events.append((name.group(1), payload.group(1) if payload else "", arrived))

    def count(self):
        with self.lock:
            return len(self.events)

    def wait(self, predicate, timeout, after=0):
        """The arrival time of the first event after the first `after` that matches."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for name, data, arrived in self.events[after:]:
                    if predicate(name, data):
                        return arrived
            time.sleep(0.001)
        return None


if __name__ == "__main__":
    main()
