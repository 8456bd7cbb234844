#!/usr/bin/env python3
"""How long `praxis serve` takes to answer a page while it runs a full rebuild.

  python3 scripts/serve-latency.py [PRAXIS] [PRACTICES]

Writes a site of PRACTICES practices (1500 by default) into a temporary folder, starts
`PRAXIS serve` (.build/debug/praxis by default) on it, then twice changes the site's title (it
is on every page, so every page is rendered again) and, until the new build is served, asks
for a practice page again and again, one request at a time. Prints, for each rebuild, its
length, the number of requests answered meanwhile and the longest answer. A figure, not a
test: the tests check that requests are answered from the last good site during a rebuild
(ServeHardeningTests), this script says how fast.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

SITE_YAML = """title: Testkatalog
base_url: https://example.org/katalog/
language: de
facets:
  fields:
    label: Handlungsfeld
    values:
      bildung-sprache: Bildung und Sprache
      arbeit-ausbildung: Arbeit und Ausbildung
"""


def main():
    praxis = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/praxis")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    site = tempfile.mkdtemp(prefix="praxis-serve-latency-")
    try:
        os.makedirs(os.path.join(site, "content", "practices"))
        os.makedirs(os.path.join(site, "seeds"))
        with open(os.path.join(site, "content", "site.yaml"), "w", encoding="utf-8") as file:
            file.write(SITE_YAML)
        for index in range(count):
            with open(os.path.join(site, "content", "practices", f"praxis-{index:04d}.md"), "w", encoding="utf-8") as file:
                file.write(f"---\ntitle: Praxis {index}\nsummary: Eine kurze Beschreibung.\nfields: [bildung-sprache]\n---\n"
                           f"Ein Text über Praxis {index}.\n")
        measure(praxis, site, f"/katalog/practices/praxis-{count // 2:04d}/")
    finally:
        shutil.rmtree(site, ignore_errors=True)


def measure(praxis, site, page):
    process = subprocess.Popen([praxis, "serve", site, "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        port = None
        for line in process.stdout:
            match = re.search(r"Serving http://127\.0\.0\.1:(\d+)", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            raise SystemExit("praxis serve did not start")

        def get(path):
            with socket.create_connection(("127.0.0.1", port)) as connection:
                connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
                data = b""
                while chunk := connection.recv(65536):
                    data += chunk
            return data.split(b"\r\n\r\n", 1)[1]

        yaml = os.path.join(site, "content", "site.yaml")
        for title in ("Neuer Katalog", "Testkatalog"):
            served = json.loads(get("/__praxis/state"))["build"]
            with open(yaml, "w", encoding="utf-8") as file:
                file.write(SITE_YAML.replace("title: Testkatalog", "title: " + title))
            started, longest, answered = time.monotonic(), 0.0, 0
            while json.loads(get("/__praxis/state"))["build"] == served:
                asked = time.monotonic()
                get(page)
                longest = max(longest, time.monotonic() - asked)
                answered += 1
            print(f"full rebuild: {time.monotonic() - started:.1f} s; {answered} requests answered meanwhile, "
                  f"the longest in {longest * 1000:.0f} ms")
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
