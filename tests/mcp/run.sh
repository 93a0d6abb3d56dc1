#!/usr/bin/env bash
# Drives `code-interpreter mcp` with the official MCP Python SDK (pinned, in a
# throwaway venv): over stdio (the tests start the server as a subprocess, as
# MCP clients do) and over streamable HTTP with bearer tokens (started here).
#
# Usage: tests/mcp/run.sh SERVER_BINARY
#   SERVER_BINARY: the code-interpreter binary; the guest build
#   (guest/build.sh) must exist.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 SERVER_BINARY (an executable code-interpreter binary)" >&2
  exit 2
fi
SERVER_BINARY=$(realpath "$1")
cd "$(dirname "$0")/../.."
source benches/venv.sh
# The MCP Python SDK and every package it pulls in, pinned (wheels only): tests/mcp/requirements.txt.
venv=$(bench_venv mcp-client-venv $(cat tests/mcp/requirements.txt))
PYTHON=$venv/bin/python3

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

TOKEN=$("$PYTHON" -c 'import secrets; print(secrets.token_hex(24))')
echo "$TOKEN" >"$WORK/tokens"
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SERVER_BINARY" mcp --http "127.0.0.1:$PORT" --auth-token-file "$WORK/tokens" \
  --warm-instances 1 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
# Wait until it listens (a first start may snapshot the guest: allow 300 s).
if ! "$PYTHON" - "$PORT" "$SERVER_PID" <<'PY'
import os, socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
deadline = time.monotonic() + 300
while time.monotonic() < deadline:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        sys.exit(0)
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            sys.exit(1)
        time.sleep(0.3)
sys.exit(1)
PY
then
  echo "the MCP server did not start listening; its log:" >&2
  cat "$WORK/server.log" >&2
  exit 1
fi

status=0
MCP_SERVER_BINARY=$SERVER_BINARY MCP_HTTP_URL="http://127.0.0.1:$PORT/mcp" MCP_TOKEN=$TOKEN \
  "$PYTHON" -m unittest discover -s tests/mcp -v || status=$?
if [ "$status" -ne 0 ]; then
  echo "tests failed; the HTTP server's log ends with:" >&2
  tail -n 30 "$WORK/server.log" >&2
fi
exit "$status"
