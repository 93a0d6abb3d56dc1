"""Cell runner: the guest half of the code-interpreter protocol.

``preload()`` runs once while the interpreter snapshot is built.  Every
instance restored from the snapshot then calls ``start()``, which returns the
function that runs one cell; the interpreter's C entry loop
(guest/cpython/entry.c) takes each cell's request from the host and calls
it.  What a cell does is reported as events (UTF-8 JSON), through the builtin
``_hostcall`` module:

    {"type": "stream", "name": "stdout" | "stderr", "text": str}
    {"type": "result", "value": values.encode_value(v),
     "text_plain": values.text_plain(v), "text_latex": values.text_latex(v)}
    {"type": "error", "ename": str, "evalue": str, "traceback": [str, ...]}
    {"type": "display", "data": [...], "metadata": {...}}   # see mime.bundle

The cells of an instance (a session) run Jupyter-style in one namespace, which
is also ``sys.modules["__main__"]``: a trailing expression's value is
reported (unless followed by ";") and stored in ``_``.  The builtin
``display(*objs, metadata=None)`` (also ``guest_runtime.display``) sends one
display event per object.  Figures a cell leaves open in
``matplotlib.pyplot`` are shown at its end, before its result or error (the
host sends their display events, asked through the ``chart`` call).  An
object whose type defines ``_ci_display_()`` (pandas tables) shows itself:
as a trailing expression or given to display() it is not described by the
runner but asked to have the host send its display event.  Output is
batched, and sent before a display, result or error event, before a
``time.sleep`` and whenever the host's tick asks for it (``flush_output()``,
run by the entry loop's pending call every few tens of milliseconds while a
cell runs, so printed lines reach the caller as they are printed); once the host
drops a stream event (the cell's output cap) further output of that cell is
discarded.  An event over the host's 16 MiB limit is sent cut down (long
texts clipped with a note, oversized display data left out) after the host
refused the whole one, which flags the cell's output as truncated.

Cells share the interpreter with this module, so nothing here may depend on
what they can rebind: the package's modules look builtins up in a private
copy (``_private.py``), and the functions a cell's path calls get the
other modules' functions, and each other, as default arguments bound at
import time (the host call when start() runs).  Cells that rebind builtins,
delete sys.modules entries, or patch ast, linecache, json, traceback or this
package's module attributes cannot break later cells.
"""

import builtins

from ._private import decode_json, encode_json, private_builtins

__builtins__ = private_builtins()  # functions defined below look builtins up here

import ast  # noqa: E402
import gc
import importlib
import io
import linecache
import os
import random
import re
import sys
import time
import traceback
import types

from . import mime, values

_PRELOAD_MODULES = (
    "math", "cmath", "fractions", "decimal", "statistics", "json", "re",
    "datetime", "collections", "itertools", "functools", "operator", "random",
    "string", "heapq", "bisect", "numbers", "textwrap", "typing",
    "dataclasses", "enum", "copy", "pprint", "traceback", "ast", "linecache",
    "io", "csv", "time", "calendar", "base64", "hashlib", "zlib", "matplotlib", "matplotlib.pyplot",
    "pandas",
)
_OPTIONAL_MODULES = (
    "mpmath", "sympy",
    # numpy 2 imports these lazily (module __getattr__); in the snapshot they cost nothing
    "numpy", "numpy.linalg", "numpy.fft", "numpy.random", "numpy.polynomial",
    "seaborn",  # needs numpy
)

_SCRATCH_DIR = "/mnt/data"
_FLUSH_SIZE = 8 * 1024       # buffered text sent at the next newline
_MAX_BUFFERED = 64 * 1024    # buffered text sent regardless; max text per event
_MAX_TRACEBACK_LINES = 200
_MAX_TRACEBACK_FRAMES = 1000
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what the tokenizer treats as line ends

_encode_json = encode_json
_decode_json = decode_json
_TracebackException = traceback.TracebackException
_StackSummary = traceback.StackSummary
_current = [None]  # the _Session whose cell is running, if any
_MAX_EVENT_BYTES = 16 << 20    # the host's limit on one event (its host-call payload)
_MAX_CLIPPED_TEXT = 256 * 1024  # an oversized event's exception message or text/plain, cut to this
_MAX_CLIPPED_LINE = 4 * 1024     # an oversized event's traceback lines, cut to this
_MAX_DISPLAY_DATA = 8 << 20      # an oversized display event keeps data items up to this in all


def preload():
    """Import common modules (and warm sympy) so they are in the snapshot; never calls the host."""
    for name in _PRELOAD_MODULES:
        importlib.import_module(name)
    for name in _OPTIONAL_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    sympy = sys.modules.get("sympy")
    if sympy is not None:
        _warm_sympy(sympy)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        _repr_int64_as_default(numpy)
    gc.collect()
    gc.freeze()  # the collector then leaves the snapshot's objects (and pages) alone


def _repr_int64_as_default(numpy):
    """Let int64 arrays repr without ``dtype=int64``, as on the 64-bit machines user code is
    written for: the guest's numpy is 32-bit, its default integer int32 (whose arrays already
    repr bare), and pandas' integer columns arrive as int64."""
    typeless = numpy._core.arrayprint._typelessdata
    if numpy.int64 not in typeless:
        typeless.append(numpy.int64)


def _warm_sympy(sympy):
    """Run the operations math programs use most, so the snapshot holds the
    submodules sympy imports lazily and its (bounded, LRU) caches filled with
    the generic work they share: a first solve() then takes milliseconds."""
    x, y = sympy.symbols("x y")
    work = [
        sympy.solve(x**2 - 4, x),
        sympy.solve([x + y - 3, x - y - 1], [x, y]),
        sympy.solveset(x**2 - 1, x, sympy.S.Reals),
        sympy.integrate(x * sympy.sin(x), x),
        sympy.integrate(sympy.exp(-x), (x, 0, sympy.oo)),
        sympy.diff(sympy.sin(x) * x**3, x),
        sympy.simplify((x**2 - 1) / (x - 1)),
        sympy.factor(x**3 - x),
        sympy.expand((x + y) ** 3),
        sympy.limit(sympy.sin(x) / x, x, 0),
        sympy.series(sympy.cos(x), x, 0, 4),
        sympy.nsimplify(0.5),
        sympy.Rational(1, 3) + sympy.sqrt(8),
        sympy.Matrix([[1, 2], [3, 4]]).inv(),
        sympy.isprime(97),
        sympy.factorint(360),
        sympy.N(sympy.pi, 20),
    ]
    for value in work:
        sympy.latex(value)
        str(value)


def start():
    """Prepare this instance's session and return the function that runs one
    cell, ``run_cell(request)``, request being the host's JSON
    ``{"code", "execution_count", "seed"}`` as bytes; called once per instance.

    The session namespace is made, and the cell path warmed, before the first
    cell arrives (the host keeps such instances ready); the first cell's seed
    then reseeds ``random`` and numpy's legacy global generator
    (``numpy.random.seed``/``rand``/...; ``default_rng()`` draws fresh OS
    entropy by itself), whose states the snapshot would otherwise share.  A refused event (``_hostcall.HostError``) counts
    as dropped.
    """
    import _hostcall  # builtin module of the wasm build, bound before user code runs

    _warm_up()
    session = _Session(_emitter(_hostcall.call, _hostcall.HostError))
    time.sleep = _flushing_sleep(time.sleep)
    unseeded = [True]
    mtrand = sys.modules.get("numpy.random.mtrand")
    numpy_seed = None if mtrand is None else mtrand.seed

    def run_cell(request, _decode=_decode_json, _seed=random.seed, _numpy_seed=numpy_seed,
                 _words=_seed_words):
        request = _decode(request.decode("utf-8"))
        if unseeded:
            _seed(request["seed"])
            if _numpy_seed is not None:
                _numpy_seed(_words(request["seed"]))
            unseeded.clear()
        session.run_cell(request["code"], request["execution_count"])

    return run_cell


def flush_output(_current=_current):
    """Send the running cell's buffered output; the host's tick asks for it
    (guest/cpython/entry.c) while a cell runs."""
    session = _current[0]
    if session is not None:
        session.tick()


def _flushing_sleep(sleep):
    """time.sleep that first sends the output buffered so far: a sleeping
    guest runs no Python code, so the host's tick cannot ask for it."""

    def flushing_sleep(secs, _flush=flush_output, _sleep=sleep):
        _flush()
        _sleep(secs)

    flushing_sleep.__name__ = flushing_sleep.__qualname__ = "sleep"
    flushing_sleep.__doc__ = sleep.__doc__
    return flushing_sleep


def _seed_words(seed):
    """The host's seed (a non-negative int) as the 32-bit words numpy's
    legacy seed() takes, least significant first."""
    words = [seed & 0xFFFFFFFF]
    seed >>= 32
    while seed:
        words.append(seed & 0xFFFFFFFF)
        seed >>= 32
    return words


def _emitter(call, host_error):
    """The function that sends one event through call; it answers False if the
    host dropped or refused the event."""

    def emit(event, _encode=_encode_json, _shrink=_shrunk_event, _limit=_MAX_EVENT_BYTES):
        payload = _encode(event).encode("utf-8", "replace")  # lone surrogates -> "?"
        if len(payload) > _limit:
            try:  # refused unread: the host flags the cell's output as truncated and says why
                call("event", payload)
            except host_error:
                pass
            payload = _encode(_shrink(event)).encode("utf-8", "replace")
        try:
            return call("event", payload) == b"1"
        except host_error:
            return False

    return emit


def _clip(text, limit):
    """text cut to limit characters, with a note of how much was cut."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text) - limit} more characters not shown]"


def _shrunk_event(event, _encode=_encode_json):
    """A cut-down copy of an event too large for the host: the exception message
    and text/plain clipped to 256 Ki characters, traceback lines to 4 Ki, and
    display data left out past 8 MiB in all; anything else, or anything still
    too large, becomes a note on stderr."""
    kind = event.get("type")
    if kind == "error":
        event = {**event, "evalue": _clip(event["evalue"], _MAX_CLIPPED_TEXT),
                 "traceback": [_clip(line, _MAX_CLIPPED_LINE) for line in event["traceback"]]}
    elif kind == "display":
        room, kept = _MAX_DISPLAY_DATA, []
        for item in event["data"]:
            if item["mime_type"] == "text/plain":
                kept.append({**item, "text": _clip(item["text"], _MAX_CLIPPED_TEXT)})
                continue
            size = len(_encode(item).encode("utf-8", "replace"))
            if size <= room:
                kept.append(item)
                room -= size
        event = {**event, "data": kept}
    if kind in ("error", "display") and len(_encode(event).encode("utf-8", "replace")) <= _MAX_EVENT_BYTES:
        return event
    return {"type": "stream", "name": "stderr", "text": f"[a {kind} event too large to send was dropped]\n"}


def _warm_up():
    """Take the path of a cell once, without user code or host calls, before
    the first cell arrives.  Instances are started ahead of demand, so the
    memory pages this path writes are copied from the snapshot then, not
    while a caller waits for its first cell."""
    filename = "<warm-up>"
    linecache.cache[filename] = (4, None, ["None\n"], filename)
    value = _run_source("None", ["None"], filename, {"__builtins__": builtins})
    _encode_json({"type": "result", "value": values.encode_value(value),
                  "text_plain": values.text_plain(value), "text_latex": values.text_latex(value)})
    _decode_json('{"code": "", "execution_count": 0, "seed": 0}')
    del linecache.cache[filename]


def display(*objs, metadata=None):
    """Show each object as rich output, in one display event each (IPython's display()).

    metadata (a dict) is added to each event's; outside a running cell nothing is sent.
    """
    if metadata is not None and not isinstance(metadata, dict):
        raise TypeError(f"display() metadata must be a dict, not {type(metadata).__name__}")
    session = _current[0]
    if session is not None:
        for obj in objs:
            session.display(obj, metadata)


def _is_clean_exit(code):
    """True for sys.exit() codes meaning success (None, 0): the cell just stops."""
    return code is None or (isinstance(code, int) and code == 0)


def _ends_with_semicolon(lines, node):
    """True if ';' follows the expression statement node on its last line (Jupyter's suppression)."""
    rest = lines[node.end_lineno - 1].encode("utf-8")[node.end_col_offset:]  # offsets count UTF-8 bytes
    return rest.lstrip().startswith(b";")


def _run_source(code, lines, filename, namespace, _only_ast=ast.PyCF_ONLY_AST, _Expr=ast.Expr,
                _Expression=ast.Expression, _semicolon=_ends_with_semicolon):
    """Execute a cell; return its trailing expression's value (None if absent or followed by ';')."""
    module = compile(code, filename, "exec", _only_ast, dont_inherit=True)  # ast.parse, in C
    last = module.body[-1] if module.body else None
    if isinstance(last, _Expr) and not _semicolon(lines, last):
        module.body.pop()
        exec(compile(module, filename, "exec", dont_inherit=True), namespace)
        return eval(compile(_Expression(last.value), filename, "eval", dont_inherit=True), namespace)
    exec(compile(module, filename, "exec", dont_inherit=True), namespace)
    return None


def _exception_str(exc):
    try:
        return str(exc)
    except Exception:
        return "<exception str() failed>"


def _exception_line(exc, _str=_exception_str):
    """exc as one line: its type name and message."""
    return f"{type(exc).__name__}: {_str(exc)}"


_OWN_FILES = frozenset({_exception_str.__code__.co_filename, values.encode_value.__code__.co_filename,
                        mime.bundle.__code__.co_filename})


def _traceback_lines(exc, filename, _getline=linecache.getline, _report=_TracebackException,
                     _summary=_StackSummary.from_list, _own=_OWN_FILES):
    """Standard traceback lines of exc without the runner's frames, capped in length."""
    if isinstance(exc, SyntaxError) and exc.text is None and exc.filename == filename and exc.lineno:
        exc.text = _getline(filename, exc.lineno) or None  # compiling an AST keeps no text
    # At most _MAX_TRACEBACK_FRAMES frames, from the outermost: a recursion
    # that exhausted memory leaves hundreds of thousands.
    report = _report(type(exc), exc, exc.__traceback__, limit=_MAX_TRACEBACK_FRAMES, compact=True)
    # Drop the frames before the cell's own, and this package's (e.g. _Stream.write).
    stack = report.stack
    start = next((i for i, frame in enumerate(stack) if frame.filename == filename), len(stack))
    report.stack = _summary([frame for frame in stack[start:] if frame.filename not in _own])
    lines = "".join(report.format()).splitlines()
    if len(lines) > _MAX_TRACEBACK_LINES:
        keep = _MAX_TRACEBACK_LINES // 2
        lines[keep:-keep] = [f"... {len(lines) - 2 * keep} lines omitted ..."]
    return lines


def _error_event(exc, filename, _str=_exception_str, _lines=_traceback_lines):
    """Describe exc as an error event; falls back to a minimal one if formatting fails (memory)."""
    ename = type(exc).__name__
    try:
        return {"type": "error", "ename": ename, "evalue": _str(exc), "traceback": _lines(exc, filename)}
    except Exception:
        return {"type": "error", "ename": ename, "evalue": "", "traceback": [ename]}


class _Session:
    """One instance's state: the user namespace and the redirected output streams."""

    def __init__(self, emit):
        if os.path.isdir(_SCRATCH_DIR):
            os.chdir(_SCRATCH_DIR)
        builtins.display = display
        main = types.ModuleType("__main__")
        main.__builtins__ = builtins
        sys.modules["__main__"] = main  # so pickle and dataclasses find cell definitions
        self.namespace = main.__dict__
        self._emit = emit
        self._output = _Output(emit)
        self._stdout = _Stream(self._output, "stdout")
        self._stderr = _Stream(self._output, "stderr")

    def run_cell(self, code, count, _sys=sys, _split=_LINE_BREAK.split, _lines=linecache.cache,
                 _current=_current):
        """Run one cell and report its output and its result or error."""
        filename = f"<cell-{count}>"
        lines = _split(code)
        _lines[filename] = (len(code), None, [line + "\n" for line in lines], filename)
        saved = _sys.stdout, _sys.stderr
        _sys.stdout, _sys.stderr = self._stdout, self._stderr
        _current[0] = self
        self._output.start_cell()
        try:
            event = self._execute(code, lines, filename)
            self._show_figures()
            self._output.flush()
            if isinstance(event, dict):
                self._emit(event)
            elif event is not None:
                self.display(event, None)  # a trailing value that shows itself
        finally:
            _sys.stdout, _sys.stderr = saved
            _current[0] = None

    def tick(self):
        """Send the output buffered so far (see flush_output)."""
        self._output.tick()

    def display(self, obj, metadata, _bundle=mime.bundle, _line=_exception_line):
        """Send obj's display event after the output written before it (and while building it)."""
        show = getattr(type(obj), "_ci_display_", None)
        if show is not None:
            self._output.flush()
            try:
                show(obj)  # the host sends the event
            except Exception as exc:
                self._stderr.write(f"display: {_line(exc)}\n")
            return
        event = {"type": "display", **_bundle(obj, metadata, self._stderr.write)}
        self._output.flush()
        self._emit(event)

    def _show_figures(self, _modules=sys.modules, _line=_exception_line):
        """Display the figures the cell left open in pyplot (Jupyter's inline backend does the
        same); a failure is reported on stderr."""
        pyplot = _modules.get("matplotlib.pyplot")
        if pyplot is None:
            return
        self._output.flush()  # the host sends the display events: text printed before goes first
        try:
            pyplot._flush_figures()
        except Exception as exc:
            self._stderr.write(f"matplotlib: could not show a figure: {_line(exc)}\n")

    def _execute(self, code, lines, filename, _run=_run_source, _encode=values.encode_value,
                 _plain=values.text_plain, _latex=values.text_latex, _clean=_is_clean_exit,
                 _error=_error_event):
        """Run the cell; return the result or error event to report, if any."""
        try:
            value = _run(code, lines, filename, self.namespace)
            if value is None:
                return None
            self.namespace["_"] = value
            if getattr(type(value), "_ci_display_", None) is not None:
                return value  # run_cell shows it as a display event
            return {"type": "result", "value": _encode(value), "text_plain": _plain(value),
                    "text_latex": _latex(value)}
        except BaseException as exc:
            if isinstance(exc, SystemExit) and _clean(exc.code):
                return None
            return _error(exc, filename)


class _Output:
    """Buffers stdout and stderr text and sends it to the host as stream events.

    Both streams share one buffer, so switching streams sends the buffer first
    and the host sees the writes in order.  Once the host drops a stream event
    (the cell's output cap is reached), text is discarded until the next cell.
    """

    def __init__(self, emit):
        self._emit = emit
        self._name = "stdout"
        self._parts = []
        self._size = 0
        self._dropped = False
        self._busy = False  # in write() or flush(), which a tick may interrupt

    def start_cell(self):
        """Accept output again: the host's cap is per cell."""
        self._dropped = False

    def write(self, name, text):
        """Buffer text of stream name; send at a newline past 8 KiB, or past 64 KiB."""
        if self._dropped:
            return
        self._busy = True
        try:
            if name != self._name:
                self._send()
                self._name = name
            self._parts.append(text)
            self._size += len(text)
            if self._size >= _FLUSH_SIZE and (self._size >= _MAX_BUFFERED or "\n" in text):
                self._send()
        finally:
            self._busy = False

    def flush(self):
        """Send the buffered text, in events of at most 64 KiB of text."""
        self._busy = True
        try:
            self._send()
        finally:
            self._busy = False

    def tick(self):
        """Send the buffered text, unless the tick interrupted write() or flush()
        (their next step sends it, or the next tick does)."""
        if self._parts and not self._busy:
            self.flush()

    def _send(self):
        text = "".join(self._parts)
        self._parts.clear()
        self._size = 0
        for start in range(0, len(text), _MAX_BUFFERED):
            event = {"type": "stream", "name": self._name, "text": text[start:start + _MAX_BUFFERED]}
            if not self._emit(event):
                self._dropped = True
                return


class _Stream(io.TextIOBase):
    """Text file standing in for sys.stdout or sys.stderr during cells.

    It outlives the cell, so a stream saved by user code (e.g. a logging
    handler) writes into the cell that is running.
    """

    encoding = "utf-8"
    errors = "replace"  # lone surrogates reach the host as "?"

    def __init__(self, output, name):
        super().__init__()
        self._output = output
        self._name = name

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._output.write(self._name, text)
        return len(text)

    def flush(self):
        self._output.flush()
