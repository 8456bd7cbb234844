"""A static web server for a built Praxis site, as a real host would serve it.

The site folder is served from 127.0.0.1 on a free port under a sub-path (by default the path
of the site's own base_url, read from the canonical link of its index.html, e.g. /praxis/):

  - a folder is answered with its index.html; a folder asked for without its trailing slash is
    redirected (301) to the address with the slash, as static hosts do;
  - anything that does not exist, and anything outside the sub-path, is answered with the
    site's 404.html and status 404;
  - the query string is ignored (the search page reads it in the browser).

Used by every browser check. Also runs alone, to look at a site by hand:

  python3 scripts/browser/server.py SITE_DIR [--port 8000] [--base-path /praxis/]
"""

import argparse
import html.parser
import http.server
import mimetypes
import os
import posixpath
import threading
import urllib.parse

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".pdf": "application/pdf",
}


class _CanonicalLink(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.href = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical" and self.href is None:
            self.href = attrs.get("href")


def site_base_path(site_dir):
    """The sub-path the site was built for: the path of the canonical link of its index.html."""
    parser = _CanonicalLink()
    with open(os.path.join(site_dir, "index.html"), encoding="utf-8") as f:
        parser.feed(f.read())
    path = urllib.parse.urlsplit(parser.href or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def _handler_for(site_dir, base_path):
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "PraxisTestHost/1"

        def log_message(self, *args):  # quiet: the checks print what matters
            pass

        def do_HEAD(self):
            self._answer(send_body=False)

        def do_GET(self):
            self._answer(send_body=True)

        def _answer(self, send_body):
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            if path + "/" == base_path:
                return self._redirect(base_path)
            if not path.startswith(base_path):
                return self._not_found(send_body)
            relative = posixpath.normpath(path[len(base_path):]) if path != base_path else "."
            if relative.startswith("..") or relative.startswith("/"):
                return self._not_found(send_body)
            file = os.path.join(site_dir, *[p for p in relative.split("/") if p not in ("", ".")])
            if os.path.isdir(file):
                if not path.endswith("/"):
                    return self._redirect(path + "/")
                file = os.path.join(file, "index.html")
            if not os.path.isfile(file) or os.path.basename(file).startswith("."):
                return self._not_found(send_body)
            self._send_file(200, file, send_body)

        def _redirect(self, location):
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _not_found(self, send_body):
            self._send_file(404, os.path.join(site_dir, "404.html"), send_body)

        def _send_file(self, status, file, send_body):
            with open(file, "rb") as f:
                body = f.read()
            extension = os.path.splitext(file)[1].lower()
            kind = TYPES.get(extension) or mimetypes.guess_type(file)[0] or "application/octet-stream"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if send_body:
                self.wfile.write(body)

    return Handler


class SiteServer:
    """Serves site_dir under base_path on 127.0.0.1 in a background thread.

    with SiteServer("/tmp/site") as server:
        server.url("practices/")   # http://127.0.0.1:PORT/praxis/practices/
    """

    def __init__(self, site_dir, base_path=None, port=0):
        self.site_dir = os.path.abspath(site_dir)
        if not os.path.isfile(os.path.join(self.site_dir, "404.html")):
            raise SystemExit(f"{site_dir}: not a built Praxis site (no 404.html)")
        self.base_path = base_path or site_base_path(self.site_dir)
        if not self.base_path.startswith("/") or not self.base_path.endswith("/"):
            raise SystemExit(f"base path must start and end with '/': {self.base_path}")
        handler = _handler_for(self.site_dir, self.base_path)
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._httpd.daemon_threads = True
        self._thread = None

    @property
    def base_url(self):
        """The address of the site's root, ending in '/': http://127.0.0.1:PORT/praxis/"""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}{self.base_path}"

    def url(self, relative=""):
        """The address of a page given relative to the site root, e.g. 'search/?q=arbeit'."""
        return self.base_url + relative.lstrip("/")

    def start(self):
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main():
    parser = argparse.ArgumentParser(description="Serve a built Praxis site under its sub-path.")
    parser.add_argument("site_dir")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--base-path", help="default: the path of the site's base_url")
    args = parser.parse_args()
    server = SiteServer(args.site_dir, args.base_path, args.port)
    print(f"Serving {server.site_dir} at {server.base_url} (Ctrl-C stops)")
    try:
        server._httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
