"""Guest-side runtime of the code interpreter.

Runs inside CPython 3.11 (wasm32-wasi).  ``runner.preload()`` is called while
the interpreter snapshot is built and ``runner.start()`` in every instance
restored from it; ``values`` describes result values as typed JSON and
``mime`` objects as MIME bundles.  ``display`` (the builtin of the cells) is
exported here, so ``from guest_runtime import display`` works too.
"""

from .runner import display  # noqa: F401
