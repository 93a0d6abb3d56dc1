#!/usr/bin/env bash
# Compatibility measurement: runs the corpus (tests/compat/corpus) with the real libraries and
# through the sandbox, compares, and prints the share of passing snippets per library, the top
# missing names, and the mismatches. See tests/compat/README.md for the rules.
#
# Usage: tests/compat/run.sh [--server BINARY] [--only GLOB] [--json FILE] [--jobs N]
#                            [--reference-only] [--sandbox-out FILE]
#   --server BINARY  the code-interpreter binary (default $CARGO_TARGET_DIR/debug/code-interpreter,
#                    CARGO_TARGET_DIR defaulting to ~/.cache/code-interpreter/target); built
#                    beforehand with the guest (guest/build.sh), this script builds nothing
#   --only GLOB      only the snippets whose "library/name" matches, e.g. 'pandas/*',
#                    'matplotlib/statistics.*', '*/Series.str.*'
#   --json FILE      also write each snippet's status and reason as JSON
#   --jobs N         snippets run at once through the server (default 2)
#   --reference-only only run (and cache) the real libraries' results
#   --sandbox-out FILE  where the sandbox results go (default
#                    $CODE_INTERPRETER_CACHE/compat-sandbox.json); separate files let several
#                    runs with --only work at once
#
# The real-library run uses a throwaway venv with pinned wheels in
# $CODE_INTERPRETER_CACHE/compat-venv (default ~/.cache/code-interpreter) and is cached there
# by a hash of the corpus, the data, the scripts and the pins. The last sandbox results are
# kept in $CODE_INTERPRETER_CACHE/compat-sandbox.json unless --sandbox-out says otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."

CACHE=${CODE_INTERPRETER_CACHE:-$HOME/.cache/code-interpreter}
SERVER=${CARGO_TARGET_DIR:-$CACHE/target}/debug/code-interpreter
ONLY=
JSON=
JOBS=2
REFERENCE_ONLY=
SANDBOX_OUT=$CACHE/compat-sandbox.json
while [ $# -gt 0 ]; do
    case $1 in
        --server) SERVER=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        --json) JSON=$(realpath -m "$2"); shift 2 ;;
        --jobs) JOBS=$2; shift 2 ;;
        --reference-only) REFERENCE_ONLY=1; shift ;;
        --sandbox-out) SANDBOX_OUT=$(realpath -m "$2"); shift 2 ;;
        *) echo "unknown argument: $1 (see the header of $0)" >&2; exit 2 ;;
    esac
done
if [ -z "$REFERENCE_ONLY" ] && [ ! -x "$SERVER" ]; then
    echo "no server binary at $SERVER (cargo build -j 2 --bin code-interpreter; guest/build.sh)" >&2
    exit 2
fi

PINS=(pandas==3.1.1 matplotlib==3.10.8 seaborn==0.13.2 numpy==2.3.5 contourpy==1.3.3
    cycler==0.12.1 fonttools==4.68.0 kiwisolver==1.5.1 packaging==26.4 pillow==13.0.0
    pyparsing==3.3.3 python-dateutil==2.9.0.post0 six==1.17.0 tzdata==2026.6
    grpcio==1.85.3 grpcio-tools==1.85.1 protobuf==7.36.2 typing_extensions==4.16.0)
source benches/venv.sh
venv=$(bench_venv compat-venv "${PINS[@]}")
PYTHON=$venv/bin/python3
export MPLCONFIGDIR=$venv/mplconfig MPLBACKEND=Agg
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
started=$SECONDS
only_args=()
[ -n "$ONLY" ] && only_args=(--only "$ONLY")

# The real libraries' results, cached: they change only with the corpus, the scripts or the pins.
key=$( (echo "${PINS[*]}"; cat tests/compat/{reference,normalize,snippets}.py;
        find tests/compat/corpus tests/compat/data -type f | sort | xargs sha256sum) | sha256sum | cut -c1-16)
reference=$CACHE/compat-reference-$key.json
if [ ! -f "$reference" ]; then
    if [ -n "$ONLY" ]; then
        reference=$WORK/reference.json
    fi
    echo "running the corpus with the real libraries..." >&2
    (cd tests/compat && "$PYTHON" reference.py --out "$reference.part" "${only_args[@]}")
    mv "$reference.part" "$reference"
fi
[ -n "$REFERENCE_ONLY" ] && exit 0

"$PYTHON" clients/python/generate.py
export PYTHONPATH="$PWD/clients/python${PYTHONPATH:+:$PYTHONPATH}"
TARGET=127.0.0.1:$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SERVER" serve --listen "$TARGET" --warm-instances "$JOBS" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
deadline=$((SECONDS + 300))
until "$PYTHON" -c 'import sys; from code_interpreter_client import Client; Client(sys.argv[1], timeout=2).list_sessions()' \
        "$TARGET" 2>/dev/null; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
        echo "the server did not come up; its log:" >&2
        cat "$WORK/server.log" >&2
        exit 1
    fi
    sleep 0.5
done

(cd tests/compat && "$PYTHON" sandbox_run.py --target "$TARGET" --out "$SANDBOX_OUT" \
    --jobs "$JOBS" "${only_args[@]}")
json_args=()
[ -n "$JSON" ] && json_args=(--json "$JSON")
(cd tests/compat && "$PYTHON" compare.py "$reference" "$SANDBOX_OUT" "${json_args[@]}")
echo "total time: $((SECONDS - started)) s" >&2
