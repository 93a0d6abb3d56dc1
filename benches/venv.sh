# Sourced by the benchmarks' run.sh scripts. `bench_venv NAME REQUIREMENT...` creates (or
# reuses) the throwaway venv $CODE_INTERPRETER_CACHE/NAME (default ~/.cache/code-interpreter)
# holding exactly those pinned wheels, and prints its path. Nothing is installed in the repo
# or the system Python, except Debian's python3-venv when `python3 -m venv` needs it.
# Concurrent calls for one venv take turns (a lock file beside it), so none sees it half made.
bench_venv() {
    local name=$1
    shift
    local venv="${CODE_INTERPRETER_CACHE:-$HOME/.cache/code-interpreter}/$name"
    local lock
    mkdir -p "$(dirname "$venv")"
    exec {lock}>"$venv.lock"
    flock "$lock"
    make_venv "$venv" "$@"
    local status=$?
    exec {lock}>&-
    return $status
}

make_venv() {
    local venv=$1
    shift
    local stamp="$venv/.requirements"
    if [[ -x "$venv/bin/python3" ]] && [[ "$(cat "$stamp" 2>/dev/null)" == "$*" ]]; then
        echo "$venv"
        return
    fi
    echo "setting up $venv" >&2
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
        local sudo=
        [ "$(id -u)" -eq 0 ] || sudo=sudo
        $sudo apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    fi
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check --only-binary :all: \
        "$@" >&2
    echo "$*" >"$stamp"
    echo "$venv"
}
