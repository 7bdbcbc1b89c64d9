#!/usr/bin/env bash
# Builds the Python `implicit` library (0.7.x, CPU only) from source into out/peers/implicit-py, so
# that scripts/bench-als.sh can run it beside vitrina on the same interactions.
# Usage: IMPLICIT_SRC=DIR scripts/peers/build-implicit.sh
#   DIR: a checkout (or bare git directory) of github.com/benfred/implicit.
# Needs python3 with numpy, scipy, tqdm, threadpoolctl, cython, scikit-build-core, ninja and a C++
# compiler. The package `cython-cmake` is replaced by scripts/peers/cmake/UseCython.cmake.
# Exits 3 with a message when the source or a build tool is missing, 1 when the build fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="${PYTHON:-python3}"
DEST="$ROOT/out/peers/implicit-py"
SRC="${IMPLICIT_SRC:-$ROOT/out/peers/implicit-src}"
if "$PY" -c "import sys; sys.path.insert(0, '$DEST'); import implicit.cpu._als" 2>/dev/null; then
  echo "implicit: already built in $DEST" >&2
  exit 0
fi
if [ ! -e "$SRC" ]; then
  echo "implicit: no source at $SRC; set IMPLICIT_SRC to a checkout of github.com/benfred/implicit" >&2
  exit 3
fi
missing=$("$PY" - <<'PY'
import importlib.util
need = ["numpy", "scipy", "tqdm", "threadpoolctl", "Cython", "scikit_build_core"]
print(" ".join(m for m in need if importlib.util.find_spec(m) is None))
PY
)
if [ -n "$missing" ]; then
  echo "implicit: python3 lacks $missing (pip install --no-index --find-links <wheels> ...)" >&2
  exit 3
fi
command -v c++ >/dev/null || { echo "implicit: no C++ compiler (c++) on PATH" >&2; exit 3; }
WORK="$ROOT/out/peers/implicit-build"
rm -rf "$WORK"
mkdir -p "$WORK"
if [ -d "$SRC/.git" ] || [ -f "$SRC/HEAD" ]; then
  git clone -q "$SRC" "$WORK/src"
else
  cp -r "$SRC" "$WORK/src"
fi
echo "implicit: building $(cd "$WORK/src" && git describe --tags 2>/dev/null || echo source) ..." >&2
export IMPLICIT_DISABLE_CUDA=1
if ! "$PY" -m pip install --no-index --no-deps --no-build-isolation --target "$DEST" \
    --config-settings=cmake.define.CMAKE_MODULE_PATH="$ROOT/scripts/peers/cmake" \
    --config-settings=build-dir="$WORK/build" \
    "$WORK/src" >"$WORK/build.log" 2>&1; then
  echo "implicit: build failed, see $WORK/build.log" >&2
  tail -20 "$WORK/build.log" >&2
  exit 1
fi
echo "implicit: built into $DEST" >&2
