"""Text and answer-key data for the demo case (see build_site.py)."""
