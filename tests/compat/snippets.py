"""Where the corpus and its data live, and which snippets a run selects."""

import fnmatch
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
DATA = HERE / "data"


def snippets(corpus, only=None):
    """(id, path) of the corpus snippets, id "library/name", matching the glob `only`."""
    for path in sorted(corpus.glob("*/*.py")):
        snippet_id = f"{path.parent.name}/{path.stem}"
        if only is None or fnmatch.fnmatch(snippet_id, only):
            yield snippet_id, path
