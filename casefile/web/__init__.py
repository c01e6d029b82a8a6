"""The web UI and JSON API (`casefile serve`)."""
