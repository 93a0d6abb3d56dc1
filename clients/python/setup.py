"""Builds the package, generating its gRPC stubs from ../../proto first (see generate.py)."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


class BuildPyWithStubs(build_py):
    """build_py that first regenerates the stubs from the repository's proto/."""

    def run(self) -> None:
        generate()
        super().run()


setup(cmdclass={"build_py": BuildPyWithStubs})
