#!/usr/bin/env bash
# Runs the Python client's tests against a real server.
#
# Usage: clients/python/run_tests.sh SERVER_BINARY
#   SERVER_BINARY: the code-interpreter binary (cargo build -j 2 --bin code-interpreter);
#   the guest build (guest/build.sh) must exist.
#
# Reuses (or creates) a virtualenv in $CACHE/python-client-venv, generates the
# stubs, starts `SERVER_BINARY serve` on a free loopback port, runs the tests
# and examples/python_client.py, and stops the server (also on failure). Exits with the tests' status.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 SERVER_BINARY (an executable code-interpreter binary)" >&2
  exit 2
fi
SERVER_BINARY=$(realpath "$1")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${CODE_INTERPRETER_CACHE:-$HOME/.cache/code-interpreter}
VENV=$CACHE/python-client-venv
PYTHON=$VENV/bin/python
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

# Debian's python3 needs python3-venv for `python3 -m venv`.
ensure_venv_support() {
  python3 -c 'import ensurepip, venv' 2>/dev/null && return
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
}

setup_venv() {
  if [ ! -x "$PYTHON" ]; then
    ensure_venv_support
    python3 -m venv "$VENV"
  fi
  "$PYTHON" -m pip install --quiet --disable-pip-version-check \
    grpcio==1.85.3 grpcio-tools==1.85.1 protobuf==7.36.2
}

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits up to 120 s until the server answers ListSessions.
wait_for_server() {
  local deadline=$((SECONDS + 120))
  until PYTHONPATH=$HERE "$PYTHON" -c \
      'import sys; from code_interpreter_client import Client; Client(sys.argv[1], timeout=2).list_sessions()' \
      "$TARGET" 2>/dev/null; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "the server exited; its log:" >&2
      cat "$WORK/server.log" >&2
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "the server did not answer within 120 s; its log:" >&2
      cat "$WORK/server.log" >&2
      return 1
    fi
    sleep 0.5
  done
}

setup_venv
"$PYTHON" "$HERE/generate.py"
TARGET=127.0.0.1:$(free_port)
"$SERVER_BINARY" serve --listen "$TARGET" --warm-instances 2 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
wait_for_server

status=0
(cd "$HERE" && CODE_INTERPRETER_TARGET=$TARGET PYTHONPATH=$HERE \
  "$PYTHON" -m unittest discover -s tests -v) || status=$?
# The repository's Python example must run against the same server.
if [ "$status" -eq 0 ]; then
  PYTHONPATH=$HERE "$PYTHON" "$HERE/../../examples/python_client.py" "$TARGET" --out "$WORK" || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "tests failed; the server's log ends with:" >&2
  tail -n 30 "$WORK/server.log" >&2
fi
exit "$status"
