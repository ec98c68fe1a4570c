"""armstrace: grounded extraction of actors, weapons, figures and claims from news articles.

The command line (`armstrace`) is a thin layer over these functions:

- `run_extract(paths, out, settings)`: extract every article into a folder;
- `load_settings(flags)`: settings from flags, environment and defaults;
- `merge_dataset(out)`: merge a folder's extractions into one dataset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base.settings import Settings, load_settings
    from .dataset.merge import MergeResult, merge_dataset
    from .extraction.run import RunSummary, run_extract

__all__ = ["MergeResult", "RunSummary", "Settings", "load_settings", "merge_dataset", "run_extract"]

_EXPORTS = {
    "MergeResult": "dataset.merge",
    "merge_dataset": "dataset.merge",
    "RunSummary": "extraction.run",
    "run_extract": "extraction.run",
    "Settings": "base.settings",
    "load_settings": "base.settings",
}


def __getattr__(name: str) -> Any:
    # Lazy, so that `armstrace --help` does not import the model stack.
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(name)
