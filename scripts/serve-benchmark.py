#!/usr/bin/env python3
"""How fast `praxis serve` shows every kind of edit, measured from the outside (Python 3, standard library).

    scripts/serve-benchmark.py PRAXIS SITE [--edits N] [--kinds body,title,...]

Starts `PRAXIS serve SITE --port 0 --verbose`, listens on /__praxis/events like an open page does,
then saves one file at a time. For each save it measures the wall time from the write to the
server-sent `reload` event, and after the event fetches a page that shows the change and checks
that it does (one fetch per page, no retry: a page served after `reload` must be the new one).
SITE is changed: run it on a copy that has its own themes/default/ (scripts/serve-benchmark.sh
makes one). Edit kinds, each N times (default 5), each time on another entry:

  body      a sentence appended to a practice's body        -> the practice's page
  summary   a practice's new summary                         -> the list page with its card
  title     a practice's new title                           -> the list page with its card
  tags      a practice's tags set to a new tag               -> the new tag's page lists it
  fields    a practice's facet `fields` set to another value -> its page, that value's list has its card
  updated   a practice's `updated` set to the newest date    -> its page's date, the home page's latest
  partner   a partner's new title                            -> the partner's page, a practice page of it
  day       a workshop day's new title                       -> the day's page, a practice page it shows
  template  themes/default/templates/practice.mustache       -> a practice page
  strings   themes/default/strings/de.yaml (`skip`)          -> a practice page
  add       a new practice file                              -> its page exists
  delete    an added practice's file removed                 -> its page is 404

"The list page with its card": of the facet value pages the practice's page links to, the one
with the fewest practices, followed through its pages (rel="next") to the card of the practice.
Each check is also made once before the edit, where it must fail (else the benchmark stops: a
check that cannot fail proves nothing). Prints each edit as it goes, then a Markdown table: kind,
median ms from the write to `reload`, min-max, the page checked, the median time of that page's
fetch, and PASS when the median is at most 100 ms and every page checked showed the change
(issue 9), FAIL otherwise; then the server's memory. Exits 0 either way: figures, not a test.
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
import urllib.parse

KINDS = ["body", "summary", "title", "tags", "fields", "updated", "partner", "day", "template", "strings", "add", "delete"]
LIMIT_MS = 100


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("praxis")
    parser.add_argument("site")
    parser.add_argument("--edits", type=int, default=5, help="edits of each kind (default 5)")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated, from: " + ", ".join(KINDS))
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for an event (default 300)")
    parser.add_argument("--stages", action="store_true", help="print the server's time of each stage (`--verbose`) after each edit")
    arguments = parser.parse_args()
    kinds = [kind for kind in arguments.kinds.split(",") if kind]
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        parser.error(f"unknown kind {', '.join(unknown)}; known: {', '.join(KINDS)}")
    if "delete" in kinds and "add" not in kinds:
        parser.error("delete removes the practices that add wrote: name add too")
    theme = os.path.join(arguments.site, "themes/default")
    if ({"template", "strings"} & set(kinds)) and not os.path.isdir(theme):
        parser.error(f"{theme} not found: copy the default theme there first (template and strings edits need it)")

    output = []
    started = time.monotonic()
    server = subprocess.Popen([arguments.praxis, "serve", arguments.site, "--port", "0", "--verbose"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    threading.Thread(target=collect, args=(server.stdout, output), daemon=True).start()
    try:
        site = Site(*wait_for_serving(output, server, arguments.timeout))
        print(f"first build, started to serving: {time.monotonic() - started:.1f} s "
              f"({next((line for line in output if line.startswith('Built ')), '')})")
        events = EventStream(site.port)
        events.wait(lambda name, _: name == "hello", 10)
        bench = Bench(arguments.site, site, events, output, arguments.timeout)
        results = {}
        for kind in kinds:
            results[kind] = []
            for number in range(arguments.edits):
                result = bench.edit(kind, number)
                results[kind].append(result)
                print(f"{kind:8s} {result.target[:44]:44s} reload {fmt(result.reload_ms):>8s} ms  "
                      f"page {fmt(result.page_ms):>7s} ms  {'shown' if result.shown else 'NOT SHOWN: ' + result.note}"
                      f"{' | ' + result.server if result.server else ''}", flush=True)
                if arguments.stages:
                    print("         " + " ".join(" ".join(line.split()) for line in result.stages), flush=True)
        print()
        print(f"praxis serve, {len(bench.practices)} practice files: median of {arguments.edits} edits per kind, from writing the "
              f"file to the `reload` event on /__praxis/events; after the event one fetch of the page named, which must show the change")
        print()
        print("| edit | median ms | min-max ms | page checked (after the event) | page fetch ms | result |")
        print("|---|---:|---:|---|---:|---|")
        for kind, values in results.items():
            reloads = [value.reload_ms for value in values]
            pages = [value.page_ms for value in values if value.page_ms == value.page_ms]
            shown = sum(1 for value in values if value.shown)
            median = statistics.median(reloads)
            passed = median <= LIMIT_MS and shown == len(values)
            verdict = "PASS" if passed else "FAIL" + (f" ({len(values) - shown} of {len(values)} pages without the change)" if shown < len(values) else "")
            print(f"| {kind} | {fmt(median)} | {fmt(min(reloads))}-{fmt(max(reloads))} | {values[-1].page} | "
                  f"{fmt(statistics.median(pages)) if pages else '–'} | {verdict} |")
        print()
        print(f"praxis serve memory after the edits: {memory(server.pid)}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


class Result:
    def __init__(self, target, reload_ms, page, page_ms, shown, note, server, stages):
        self.target, self.reload_ms, self.page, self.page_ms = target, reload_ms, page, page_ms
        self.shown, self.note, self.server, self.stages = shown, note, server, stages


class Bench:
    """The edits, their pages and their checks."""

    def __init__(self, root, site, events, output, timeout):
        self.root, self.site, self.events, self.output, self.timeout = root, site, events, output, timeout
        folder = os.path.join(root, "content/practices")
        self.practices = sorted(name[:-3] for name in os.listdir(folder) if name.endswith(".md"))
        # Plain published German practices (no translation pair, which a copy or a new title
        # would disturb), from a third of the way on, each edited once.
        self.plain = [p for p in self.practices[len(self.practices) // 3:] if plain(read(self.practice_file(p)))]
        self.next_practice = 0
        self.partners = sorted(name[:-3] for name in os.listdir(os.path.join(root, "content/partners")) if name.endswith(".md"))
        self.days = sorted(os.path.join(workshop, day[:-3])
                           for workshop in os.listdir(os.path.join(root, "content/workshops"))
                           for day in os.listdir(os.path.join(root, "content/workshops", workshop))
                           if re.fullmatch(r"day-\d+\.md", day))
        self.added = []
        self.pristine = {}

    def practice_file(self, practice):
        return os.path.join(self.root, "content/practices", practice + ".md")

    def take_practice(self):
        step = max(1, len(self.plain) // 80)
        practice = self.plain[(self.next_practice * step) % len(self.plain)]
        self.next_practice += 1
        return practice

    def original(self, relative):
        """A theme file as it was before the first edit (each edit starts from it)."""
        path = os.path.join(self.root, relative)
        if path not in self.pristine:
            self.pristine[path] = read(path)
        return path, self.pristine[path]

    def edit(self, kind, number):
        """One save of `kind`: prepares (not timed), writes, waits for the event, checks the page."""
        # Every check must fail before the edit, or it would prove nothing (a practice that is
        # already among the home page's latest, say): then another entry is taken.
        for attempt in range(5):
            marker = f"Messpunkt{kind.capitalize()}{number}x{int(time.time() * 1000) % 1000000}"
            target, text, remove, checks = self.prepare(kind, number, attempt, marker)
            passing = next(((url, description) for url, description, check in checks if self.site.check(url, check)), None)
            if not passing:
                break
            if kind == "add":
                self.added.pop()
        else:
            sys.exit(f"{kind}: the check of the {passing[1]} {passing[0]} passes before the edit: it proves nothing")
        return self.measure(kind, target, text, remove, checks)

    def prepare(self, kind, number, attempt, marker):
        """The file to write, its new text (None to delete it) and the checks of the pages that must show it."""
        base = self.site.base
        target, remove = None, False
        if kind in ("body", "summary", "title", "tags", "fields", "updated"):
            practice = self.take_practice()
            target = self.practice_file(practice)
            text = read(target)
            page_url = f"{base}practices/{practice}/"
            if kind == "body":
                text += f"\nEin neuer Satz mit dem Wort {marker}.\n"
                checks = [(page_url, "practice page", contains(marker))]
            elif kind in ("summary", "title"):
                text = set_scalar(text, kind, lambda value: f"{marker} neu zusammengefasst." if kind == "summary" else f"{value} {marker}")
                listing = self.site.smallest_list(page_url)
                checks = [(listing, "facet value page with its card", lambda status, html: card_has(html, practice, marker))]
            elif kind == "tags":
                tag = marker.lower()
                text = set_key(text, "tags", f"[{tag}]")
                checks = [(f"{base}tags/{tag}/", "the new tag's page", lambda status, html: status == 200 and f"practices/{practice}/" in html)]
            elif kind == "fields":
                values = self.site.links(f"{base}fields/", r"fields/([^/]+)/$")
                current = set(self.site.links(page_url, r"fields/([^/]+)/$"))
                value = next(v for v in values[number % len(values):] + values if v not in current)
                text = set_key(text, "fields", f"[{value}]")
                checks = [(page_url, "practice page", contains(f"fields/{value}/")),
                          (f"{base}fields/{value}/", "the new value's list with its card", "list:" + practice)]
            else:  # updated
                date = f"2030-01-{number + 10:02d}"
                if re.search(r"^updated: ", text, flags=re.MULTILINE):
                    text = re.sub(r"^updated: .*$", f"updated: {date}", text, count=1, flags=re.MULTILINE)
                else:
                    text = text.replace("\n---\n", f"\nupdated: {date}\n---\n", 1)
                checks = [(page_url, "practice page", contains(f'datetime="{date}"')),
                          (base, "home page (latest)", contains(f"practices/{practice}/"))]
        elif kind == "partner":
            partner = self.partners[(len(self.partners) // 3 + number * 5 + attempt) % len(self.partners)]
            target = os.path.join(self.root, "content/partners", partner + ".md")
            text = set_scalar(read(target), "title", lambda value: f"{value} {marker}")
            page_url = f"{base}partners/{partner}/"
            shown_on = self.site.links(page_url, r"practices/([^/]+)/$")
            checks = [(page_url, "partner page", contains(marker))]
            if shown_on:
                checks.append((f"{base}practices/{shown_on[0]}/", "a practice page of the partner", contains(marker)))
        elif kind == "day":
            day = self.days[(len(self.days) // 3 + number * 3 + attempt) % len(self.days)]
            target = os.path.join(self.root, "content/workshops", day + ".md")
            text = set_scalar(read(target), "title", lambda value: f"{value} {marker}")
            page_url = f"{base}workshops/{day}/"
            shown_on = self.site.links(page_url, r"practices/([^/]+)/$")
            checks = [(page_url, "day page", contains(marker))]
            if shown_on:
                checks.append((f"{base}practices/{shown_on[0]}/", "a practice page it shows", contains(marker)))
        elif kind == "template":
            target, text = self.original("themes/default/templates/practice.mustache")
            if '<div class="body">' not in text:
                sys.exit(f'{target}: <div class="body"> not found: the template edit needs a new anchor')
            text = text.replace('<div class="body">', f'<div class="body" data-bench="{marker}">', 1)
            checks = [(f"{base}practices/{self.take_practice()}/", "practice page", contains(marker))]
        elif kind == "strings":
            target, text = self.original("themes/default/strings/de.yaml")
            text, found = re.subn(r"^skip: (.*)$", lambda m: f"skip: {m.group(1)} {marker}", text, count=1, flags=re.MULTILINE)
            if not found:
                sys.exit(f"{target}: no `skip:` line: the strings edit needs another key")
            checks = [(f"{base}practices/{self.take_practice()}/", "practice page (skip link)", contains(marker))]
        elif kind == "add":
            source = self.take_practice()
            practice = f"benchmark-neu-{number}-{marker.lower()}"
            target = self.practice_file(practice)
            text = set_scalar(read(self.practice_file(source)), "title", lambda value: f"{marker} Neues Praxisbeispiel")
            self.added.append(practice)
            checks = [(f"{base}practices/{practice}/", "its page", lambda status, html: status == 200 and marker in html)]
        else:  # delete
            if not self.added:
                sys.exit("delete: no added practice left (run as many add edits first)")
            practice = self.added.pop(0)
            target, text, remove = self.practice_file(practice), None, True
            checks = [(f"{base}practices/{practice}/", "its page is 404", lambda status, html: status == 404)]

        return target, text, remove, checks

    def measure(self, kind, target, text, remove, checks):
        """Writes (or deletes) the file, waits for the event, checks the pages once each."""
        self.quiet()
        lines_before, events_before = len(self.output), self.events.count()
        written = time.monotonic()
        if remove:
            os.remove(target)
        else:
            write(target, text)
        event = self.events.wait(lambda name, data: name in ("reload", "ok", "problems"), self.timeout, after=events_before)
        reload_ms = (event[0] - written) * 1000 if event else float("nan")
        note = "" if event and event[1] == "reload" else ("no event" if not event else f"`{event[1]}` event: {event[2][:300]}")
        shown, pages, fetches = bool(event) and event[1] == "reload", [], []
        if shown:
            for url, description, check in checks:
                fetch_started = time.monotonic()
                ok = self.site.check(url, check)
                fetches.append((time.monotonic() - fetch_started) * 1000)
                pages.append(description)
                if not ok:
                    shown, note = False, f"{description} {url} does not show it"
                    break
        else:
            pages = [description for _, description, _ in checks]
        # The server's own line for the build (it may come a moment after the event).
        server, waited = "", time.monotonic()
        while not server and time.monotonic() - waited < 0.5:
            server = next((line for line in self.output[lines_before:] if line.startswith(("Rebuilt", "Built", "Build failed"))), "")
            time.sleep(0.01)
        relative = os.path.relpath(target, self.root)
        # `--verbose`'s lines of the build: indented, after the server's line.
        time.sleep(0.02)
        lines = self.output[lines_before:]
        start = next((index for index, line in enumerate(lines) if line.startswith(("Rebuilt", "Built", "Build failed"))), len(lines))
        stages = [line for line in lines[start + 1:] if line.startswith("  ")]
        return Result(relative, reload_ms, " + ".join(pages), fetches[0] if fetches else float("nan"), shown, note, server, stages)

    def quiet(self):
        """Waits until no event came for 300 ms (a build from the last edit may still be running)."""
        deadline = time.monotonic() + self.timeout
        count = self.events.count()
        last = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.events.count()
            if now != count:
                count, last = now, time.monotonic()
            elif time.monotonic() - last >= 0.3:
                return


class Site:
    """The served site: its port and base path, and page fetches."""

    def __init__(self, port, base):
        self.port, self.base = port, base

    def get(self, path):
        with socket.create_connection(("127.0.0.1", self.port), timeout=120) as connection:
            connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nConnection: close\r\n\r\n".encode())
            chunks = []
            while True:
                chunk = connection.recv(1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
        head = head.decode("latin-1")
        status = int(head.split(" ", 2)[1]) if head.startswith("HTTP/") else 0
        if re.search(r"^transfer-encoding: *chunked", head, re.IGNORECASE | re.MULTILINE):
            body = unchunk(body)
        return status, body.decode("utf-8", "replace")

    def check(self, url, check):
        """Whether the page at `url` passes `check(status, html)`; a check "list:PRACTICE" passes
        when the list starting at `url` has the practice's card on one of its pages."""
        if isinstance(check, str):
            return self.find_card(url, check[5:]) is not None
        return check(*self.get(url))

    def links(self, page, pattern):
        """The paths (below the base) of the page's links whose absolute path matches `pattern`, group 1, in order."""
        _, html = self.get(page)
        found = []
        for href in re.findall(r'href="([^"#?]+)"', html):
            match = re.search(pattern, urllib.parse.urljoin(page, href))
            if match and match.group(1) not in found:
                found.append(match.group(1))
        return found

    def smallest_list(self, practice_page):
        """Of the facet value pages the practice's page links to, the page of the shortest list that has its card."""
        practice = practice_page.rstrip("/").rsplit("/", 1)[1]
        facets = self.links(practice_page, r"/((?:fields|target_groups|tags|country)/[^/]+)/$")
        sized = []
        for facet in facets:
            _, html = self.get(f"{self.base}{facet}/")
            pages = re.findall(r'href="[^"]*/page/(\d+)/"', html)
            sized.append((max(map(int, pages)) if pages else 1, facet))
        for _, facet in sorted(sized):
            found = self.find_card(f"{self.base}{facet}/", practice)
            if found:
                return found
        sys.exit(f"no list page found with the card of {practice} (facet pages: {facets})")

    def find_card(self, first, practice, limit=1000):
        """The page of the list starting at `first` that holds the practice's card, following rel="next"."""
        url = first
        for _ in range(limit):
            status, html = self.get(url)
            if status != 200:
                return None
            if card(html, practice) is not None:
                return url
            following = re.search(r'<a[^>]*rel="next"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*rel="next"', html)
            if not following:
                return None
            url = urllib.parse.urljoin(url, following.group(1) or following.group(2))
        return None


def card(html, practice):
    """The card (`<li class="card">…</li>`) linking the practice, or None."""
    for piece in html.split('<li class="card">')[1:]:
        piece = piece.split("</li>", 1)[0]
        if re.search(rf'href="[^"]*practices/{re.escape(practice)}/"', piece):
            return piece
    return None


def card_has(html, practice, marker):
    piece = card(html, practice)
    return piece is not None and marker in piece


def contains(text):
    return lambda status, html: status == 200 and text in html


def plain(text):
    head = text.split("\n---\n", 1)[0]
    return not re.search(r"^(translations:|draft: true|lang: en)", head, flags=re.MULTILINE)


def set_scalar(text, key, change):
    """The front matter's one-line `key:` given the value `change(old value)`, quoted for YAML."""
    def replace(match):
        old = match.group(1).strip()
        if len(old) >= 2 and old[0] == old[-1] and old[0] in "\"'":
            old = old[1:-1]
        new = change(old).replace("\\", "\\\\").replace('"', '\\"')
        return f'{key}: "{new}"'
    text, found = re.subn(rf"^{key}: (.*)$", replace, text, count=1, flags=re.MULTILINE)
    if not found:
        sys.exit(f"no one-line `{key}:` to edit")
    return text


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


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


def write(path, text):
    # One write of the whole file, as an editor saves it.
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def unchunk(body):
    out = []
    while True:
        size, _, body = body.partition(b"\r\n")
        length = int(size.split(b";")[0].strip() or b"0", 16)
        if length == 0:
            return b"".join(out)
        out.append(body[:length])
        body = body[length + 2:]


def memory(pid):
    values = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(value.split()[0]) // 1024
    return f"{values.get('VmRSS', 0)} MiB resident, {values.get('VmHWM', 0)} MiB at its peak"


def fmt(value):
    return "nan" if value != value else f"{value:.1f}" if value < 1000 else f"{value:.0f}"


def collect(stream, output):
    for line in stream:
        output.append(line.rstrip("\n"))


def wait_for_serving(output, server, timeout):
    deadline = time.monotonic() + timeout
    while server.poll() is None and time.monotonic() < deadline:
        for line in list(output):
            match = re.search(r"http://127\.0\.0\.1:(\d+)(/\S*)", line)
            if match:
                return int(match.group(1)), match.group(2)
        time.sleep(0.05)
    sys.exit("praxis serve did not start serving:\n" + "\n".join(output[-40:]))


class EventStream:
    """/__praxis/events read on a thread; each event with the time it arrived."""

    def __init__(self, port):
        self.events = []
        self.lock = threading.Lock()
        self.connection = socket.create_connection(("127.0.0.1", port))
        self.connection.sendall(f"GET /__praxis/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        buffer = ""
        while True:
            data = self.connection.recv(1 << 16)
            if not data:
                return
            arrived = time.monotonic()
            buffer += data.decode("utf-8", "replace")
            # Events end with a blank line; `event:` and `data:` lines are found in each block
            # (chunk-size lines of a chunked response fall outside them).
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
        """(arrival time, name, data) of the first event after the first `after` that matches, or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for name, data, arrived in self.events[after:]:
                    if predicate(name, data):
                        return arrived, name, data
            time.sleep(0.001)
        return None


if __name__ == "__main__":
    main()
