#!/usr/bin/env python3
"""A tiny HTTP server for the tests: serves one folder on 127.0.0.1 and honours Range requests
(Python's http.server does not), as GDAL's /vsicurl/ needs.

    range_server.py --dir FOLDER --port-file FILE [--port N] [--log FILE]

Writes the port it listens on to --port-file once it accepts connections (--port 0 picks a free one),
and one line per request ("GET /dem.tif bytes=0-16383") to --log. Stops on SIGTERM or after an hour.
"""
import argparse
import http.server
import os
import re
import signal
import sys
import threading


class RangeHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet: the log file says what was asked
        pass

    def _log(self, what):
        if self.server.log:
            with open(self.server.log, "a") as log:
                log.write(f"{self.command} {self.path} {what}\n")

    def _file(self):
        name = os.path.normpath(self.path.split("?")[0].lstrip("/"))
        if name.startswith(".."):
            return None
        path = os.path.join(self.server.folder, name)
        return path if os.path.isfile(path) else None

    def _not_found(self):
        self._log("404")
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        path = self._file()
        if not path:
            return self._not_found()
        self._log("head")
        self.send_response(200)
        self.send_header("Content-Length", str(os.path.getsize(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()

    def do_GET(self):
        path = self._file()
        if not path:
            return self._not_found()
        size = os.path.getsize(path)
        start, end = 0, size - 1
        ranged = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
        if ranged:
            if ranged.group(1):
                start = int(ranged.group(1))
                end = min(int(ranged.group(2)), size - 1) if ranged.group(2) else size - 1
            else:  # the last N bytes
                start, end = max(0, size - int(ranged.group(2))), size - 1
            if start >= size or start > end:
                self._log("416")
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        self._log(f"bytes={start}-{end}" if ranged else "whole")
        with open(path, "rb") as f:
            f.seek(start)
            body = f.read(end - start + 1)
        self.send_response(206 if ranged else 200)
        if ranged:
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--log")
    args = parser.parse_args()

    http.server.ThreadingHTTPServer.allow_reuse_address = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), RangeHandler)
    server.daemon_threads = True
    server.folder = args.dir
    server.log = args.log
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    threading.Timer(3600, server.shutdown).start()  # never outlives a forgotten test by long
    temp = args.port_file + ".tmp"
    with open(temp, "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(temp, args.port_file)
    server.serve_forever()
    server.server_close()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
