"""Generates the gRPC stubs of the code-interpreter API into code_interpreter_client/_generated/.

Usage: python generate.py [--proto-dir DIR]   (needs grpcio-tools)

protoc is given the proto directory under the virtual include path
``code_interpreter_client/_generated``, so the generated modules import each
other as ``code_interpreter_client._generated.code_interpreter.v1...``: plain
package-relative imports, with no sys.path changes and no rewriting of the
generated files. Message and service names (``code_interpreter.v1.*``) are
unchanged, so the stubs speak the same wire protocol.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PROTO_DIR = HERE.parent.parent / "proto"
PROTO_FILE = "code_interpreter/v1/interpreter.proto"
GENERATED = "code_interpreter_client/_generated"


def generate(proto_dir: Path = DEFAULT_PROTO_DIR, out_dir: Path = HERE) -> Path:
    """Regenerate the stubs under out_dir; return the directory of the generated modules."""
    import grpc_tools
    from grpc_tools import protoc

    if not (proto_dir / PROTO_FILE).is_file():
        raise FileNotFoundError(f"{proto_dir / PROTO_FILE} not found (give --proto-dir)")
    shutil.rmtree(out_dir / GENERATED, ignore_errors=True)
    well_known = Path(grpc_tools.__file__).parent / "_proto"
    status = protoc.main([
        "grpc_tools.protoc",
        f"-I{GENERATED}={proto_dir}",
        f"-I{well_known}",
        f"--python_out={out_dir}",
        f"--pyi_out={out_dir}",
        f"--grpc_python_out={out_dir}",
        f"{GENERATED}/{PROTO_FILE}",
    ])
    if status != 0:
        raise RuntimeError(f"protoc failed with status {status}")
    modules = out_dir / GENERATED / Path(PROTO_FILE).parent
    _make_packages(out_dir / GENERATED, modules)
    return modules


def _make_packages(top: Path, bottom: Path) -> None:
    """Add an empty __init__.py to bottom and each directory above it up to top."""
    for directory in (bottom, *bottom.parents):
        (directory / "__init__.py").touch()
        if directory == top:
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proto-dir", type=Path, default=DEFAULT_PROTO_DIR,
                        help="the repository's proto/ directory (default: %(default)s)")
    args = parser.parse_args()
    print(f"generated {generate(args.proto_dir.resolve())}", file=sys.stderr)


if __name__ == "__main__":
    main()
