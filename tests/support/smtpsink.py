#!/usr/bin/env python3
"""A mail sink for tests (Debian's python3-aiosmtpd): listens on 127.0.0.1:PORT, offers STARTTLS with the given
certificate (and requires it before AUTH and mail when --require-tls) or, with --implicit-tls, speaks TLS from the
first byte (SMTPS), checks AUTH against --user/--password when
given, and writes every message it accepts to OUTDIR as <n>.json: {"mail_from", "rcpt_tos", "data", "tls", "user"}.
Prints "ready" once it accepts connections; ends on SIGTERM."""
import argparse
import asyncio
import json
import os
import signal
import ssl
import sys
import warnings
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, outdir, implicit_tls=False):
        self.outdir = outdir
        self.implicit_tls = implicit_tls
        # A sink started again on the same directory goes on numbering after what it kept.
        self.count = len([name for name in os.listdir(outdir) if name.endswith(".json")])
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "data": envelope.content.decode("utf-8", "replace"),
            "tls": self.implicit_tls or session.ssl is not None,
            "user": session.auth_data if isinstance(session.auth_data, str) else None,
        }
        path = os.path.join(self.outdir, "%d.json" % n)
        with open(path + ".tmp", "w") as f:
            json.dump(record, f)
        os.rename(path + ".tmp", path)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--outdir", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--require-tls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()

    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user \
                and auth_data.password.decode() == args.password:
            return AuthResult(success=True, auth_data=auth_data.login.decode())
        return AuthResult(success=False, handled=False)

    kwargs = {}
    if args.user:
        kwargs["authenticator"] = authenticator
        kwargs["auth_required"] = True
        # With implicit TLS every connection is TLS from its first byte (aiosmtpd only tracks STARTTLS).
        kwargs["auth_require_tls"] = bool(context) and not args.implicit_tls
    if args.implicit_tls:
        warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
        controller = Controller(Sink(args.outdir, implicit_tls=True), hostname="127.0.0.1", port=args.port,
                                ssl_context=context, **kwargs)
    else:
        controller = Controller(Sink(args.outdir), hostname="127.0.0.1", port=args.port, tls_context=context,
                                require_starttls=args.require_tls and context is not None, **kwargs)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
