#!/usr/bin/env python3
"""How fast `praxis serve` shows an edit, measured from the outside (Python 3, standard library).

    scripts/serve-benchmark.py PRAXIS SITE [--edits N] [--port P]

Starts `PRAXIS serve SITE --verbose`, listens on its /__praxis/events like an open page does,
then edits practices one save at a time and measures, for each save, the wall time from the
write to (1) the server's `reload` event and (2) the first response of the practice's page that
contains the new text. The edits, each to another practice: a sentence appended to the body, a new
summary, other tags, another `updated` date, a new title (which moves the practice in every
list); then practices added and deleted again. SITE is changed: run it on a copy. Prints each
edit, the server's own stage times for it (from --verbose) and the medians.
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
        kinds = ["body", "summary", "tags", "date", "title", "add", "delete"]
        results = {kind: [] for kind in kinds}
        step = 0
        added = []
        for kind in kinds:
            for number in range(arguments.edits):
                practice = chosen[step % len(chosen)]
                step += 1
                marker = f"Messpunkt{kind.capitalize()}{number}x{int(time.time() * 1000) % 100000}"
                lines_before = len(output)
                events_before = events.count()
                if kind == "add":
                    practice = f"benchmark-neu-{number}-{int(time.time() * 1000) % 100000}"
                    source = os.path.join(arguments.site, "content/practices", chosen[number % len(chosen)] + ".md")
                    with open(source, encoding="utf-8") as file:
                        text = edit(file.read(), "title", marker)
                    path = os.path.join(arguments.site, "content/practices", practice + ".md")
                    added.append((practice, path))
                    written = time.monotonic()
                    with open(path, "w", encoding="utf-8") as file:
                        file.write(text)
                    shown = lambda status, page: status == 200 and marker in page
                elif kind == "delete":
                    practice, path = added.pop(0)
                    written = time.monotonic()
                    os.remove(path)
                    shown = lambda status, page: status == 404
                else:
                    path = os.path.join(arguments.site, "content/practices", practice + ".md")
                    with open(path, encoding="utf-8") as file:
                        text = edit(file.read(), kind, marker)
                    written = time.monotonic()
                    with open(path, "w", encoding="utf-8") as file:
                        file.write(text)
                    probe = {"tags": marker.lower(), "date": f'datetime="{date_of(marker)}"'}.get(kind, marker)
                    shown = (lambda probe: lambda status, page: probe in page)(probe)
                reloaded = events.wait(lambda name, data: name in ("reload", "ok", "problems"), 60, after=events_before)
                reload_time = reloaded - written if reloaded else float("nan")
                page_time = wait_for_page(port, f"{base}practices/{practice}/", shown, written)
                time.sleep(0.15)
                report = [line for line in output[lines_before:] if not line.startswith("Serving")]
                server_line = next((line for line in report if line.startswith(("Rebuilt", "Build failed"))), "?")
                stages = " ".join(f"{m.group(1).replace(' ', '-')} {float(m.group(2)):.1f}" for m in
                                  (re.match(r"\s+(\S+(?: \S+)?)\s+([\d.]+) ms", line) for line in report) if m)
                results[kind].append((reload_time, page_time))
                print(f"{kind:8s} {practice[:40]:40s} reload event {reload_time * 1000:6.1f} ms, "
                      f"page served {page_time * 1000:6.1f} ms | {server_line} | {stages}")
        print()
        print(f"praxis serve resident memory after the edits: {resident_mib(server.pid)} MiB")
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
    if kind == "tags":
        # A tag of its own: the practice's page links it; a new value page appears.
        return set_key(text, "tags", f"[{marker.lower()}]")
    if kind == "date":
        # The practice's page shows the date as datetime="…" (the marker's number picks the day).
        date = date_of(marker)
        if re.search(r"^updated: ", text, flags=re.MULTILINE):
            return re.sub(r"^updated: .*$", f"updated: {date}", text, count=1, flags=re.MULTILINE)
        return text.replace("\n---\n", f"\nupdated: {date}\n---\n", 1)
    key = "summary" if kind == "summary" else "title"
    return re.sub(rf"^{key}: .*$", f"{key}: {marker} " + ("neu zusammengefasst." if kind == "summary" else "Neuer Titel"),
                  text, count=1, flags=re.MULTILINE)


def set_key(text, key, value):
    """The front matter's `key` set to `value` on one line, a block list below it replaced."""
    lines = text.split("\n")
    end = lines.index("---", 1)
    for index in range(1, end):
        if lines[index].startswith(key + ":"):
            stop = index + 1
            while stop < end and lines[stop].startswith((" ", "-", "\t")):
                stop += 1
            lines[index:stop] = [f"{key}: {value}"]
            return "\n".join(lines)
    lines.insert(end, f"{key}: {value}")
    return "\n".join(lines)


def resident_mib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def date_of(marker):
    return f"2027-0{1 + int(marker[-1]) % 9}-1{int(marker[-2]) % 10}"


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


def wait_for_page(port, path, shown, since):
    """Seconds from `since` until the page at `path` is `shown(status, text)`."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        response = get(port, path)
        status = int(response.split(" ", 2)[1]) if response.startswith("HTTP/") else 0
        if shown(status, response):
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
