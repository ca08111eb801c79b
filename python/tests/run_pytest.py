"""Runs pytest on the files given, or reports the test skipped (exit 77, CTest's skip code) when
a package the tests need is missing, naming the Debian package to install."""
import importlib.util
import sys

NEEDED = {"pytest": "python3-pytest", "pandas": "python3-pandas", "xarray": "python3-xarray"}
missing = [deb for module, deb in NEEDED.items() if importlib.util.find_spec(module) is None]
if missing:
    print(f"skipped: install {' '.join(missing)} (scripts/install-deps.sh does)")
    sys.exit(77)

import pytest  # noqa: E402

sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", *sys.argv[1:]]))
