# nngui: `make run` starts the app, `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
QT_LIBS := libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3

.PHONY: run test test-matrix bench gallery venv qt-libs clean pyc

$(VENV)/.installed: pyproject.toml
	@# Debian and Ubuntu ship venv separately (python3-venv): install it when missing and root.
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    v=$$($(PYTHON) -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'); \
	    echo "installing python$$v-venv"; apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv "python$$v-venv" >/dev/null 2>&1 || \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; fi; \
	  $(PYTHON) -m venv $(VENV); }
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed

# Qt needs a few system libraries even offscreen; install them when missing and we are root.
qt-libs:
	@missing=""; for p in $(QT_LIBS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Qt system libraries:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "warning: missing Qt system libraries:$$missing (install them with apt as root)"; fi; \
	fi

# The editable install compiles nothing ahead: with PYTHONDONTWRITEBYTECODE=1 (or a read-only tree) every
# start would compile core/ and nngui/ from source, ~0.25 s of the first paint (docs/performance.md, issue 17).
# compileall writes only what is missing or stale.
pyc:
	@$(PY) -m compileall -q core nngui

run: $(VENV)/.installed qt-libs pyc
	$(VENV)/bin/nngui

test: $(VENV)/.installed-test qt-libs pyc
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:randomly

# The suite in shuffled orders with more fonts, 150 % / 200 % scale, a Chinese locale and busy cores,
# on a fresh clone of HEAD (tests/run_matrix.sh; about 15 minutes; one line per setup).
test-matrix:
	tests/run_matrix.sh

bench: $(VENV)/.installed qt-libs pyc
	$(PIP) install --quiet -e '.[bench]'
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# docs/gallery/: the app's own screenshots of every preset at 1280x720, projector mode and zh_CN.
gallery: $(VENV)/.installed qt-libs
	$(PY) docs/gallery/make_gallery.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
