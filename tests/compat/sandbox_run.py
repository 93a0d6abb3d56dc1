"""Runs the corpus through a running server's gRPC API and writes each snippet's normalized result.

Each snippet gets a fresh session (1 GiB memory) with the data CSVs uploaded to /mnt/data (the
cell's working directory); a seaborn snippet is preceded by a prelude cell pointing
`seaborn.load_dataset` at those CSVs (only if the guest has seaborn: otherwise the snippet's
own import fails honestly). The snippet runs as one cell with a 60 s timeout; its figures are
the chart descriptions of its `display` events (application/vnd.code-interpreter.chart+json).

Usage: python sandbox_run.py --target HOST:PORT --out FILE [--only GLOB] [--jobs 2]
(with clients/python on PYTHONPATH and its stubs generated)
"""

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from code_interpreter_client import Client

from normalize import sandbox_figure
from snippets import CORPUS, DATA, snippets

CHART_MIME = "application/vnd.code-interpreter.chart+json"
PRELUDE = '''\
try:
    import seaborn as _compat_sns
except Exception:
    _compat_sns = None
if _compat_sns is not None:
    def _compat_load_dataset(name, cache=True, data_home=None, **kws):
        import pandas
        return pandas.read_csv(f"/mnt/data/{name}.csv", **kws)
    _compat_sns.load_dataset = _compat_load_dataset
del _compat_sns
'''


def failure(error_type, error):
    return {"ok": False, "error": error, "error_type": error_type, "stdout": "", "figures": []}


def run(client, snippet_id, path, timeout, files):
    """The normalized result of one snippet in a fresh session."""
    with client.create_session(memory_bytes=1 << 30) as session:
        for name, data in files.items():
            session.upload(name, data)
        if snippet_id.startswith("seaborn/"):
            prelude = session.execute(PRELUDE, timeout=timeout)
            if not prelude.ok:
                return failure("Prelude", f"the prelude cell failed: {prelude.outcome} {prelude.error}")
        cell = session.execute(path.read_text(), timeout=timeout)
    figures = [sandbox_figure(json.loads(d.data[CHART_MIME])) for d in cell.displays
               if CHART_MIME in d.data]
    if cell.error is not None:
        error_type, error = cell.error.ename, f"{cell.error.ename}: {cell.error.evalue}"
    elif not cell.ok:
        error_type, error = cell.outcome, f"{cell.outcome}: {cell.message}"
    else:
        error_type, error = "", ""
    return {"ok": not error_type, "error": error, "error_type": error_type,
            "stdout": cell.stdout, "figures": figures}


def run_safely(client, snippet_id, path, timeout, files):
    try:
        return run(client, snippet_id, path, timeout, files)
    except Exception as e:  # noqa: BLE001 - an RPC failure is this snippet's result
        return failure("RpcError", f"{type(e).__name__}: {e}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", required=True)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    files = {p.name: p.read_bytes() for p in sorted(DATA.glob("*.csv"))}
    todo = list(snippets(args.corpus, args.only))
    started = time.monotonic()
    with Client(args.target) as client, ThreadPoolExecutor(args.jobs) as pool:
        futures = {sid: pool.submit(run_safely, client, sid, path, args.timeout, files)
                   for sid, path in todo}
        results = {}
        for n, (sid, future) in enumerate(futures.items(), 1):
            results[sid] = future.result()
            if n % 50 == 0:
                print(f"sandbox: {n}/{len(todo)} snippets, {time.monotonic() - started:.0f} s",
                      file=sys.stderr)
    args.out.write_text(json.dumps(results, indent=0, sort_keys=True) + "\n")
    print(f"sandbox: {len(results)} snippets, {sum(r['ok'] for r in results.values())} ran "
          f"without error, {time.monotonic() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
