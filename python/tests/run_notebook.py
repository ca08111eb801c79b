"""Executes a notebook of examples/ from top to bottom in a fresh Python kernel (nbclient) and
fails on the first cell that raises; or reports the test skipped (exit 77) when nbclient, a
Jupyter kernel or matplotlib is missing. The notebook on disk is left as it is."""
import importlib.util
import sys
import time

NEEDED = {"nbclient": "python3-nbclient", "nbformat": "python3-nbformat",
          "ipykernel": "python3-ipykernel", "matplotlib": "python3-matplotlib",
          "pandas": "python3-pandas"}
missing = [deb for module, deb in NEEDED.items() if importlib.util.find_spec(module) is None]
if missing:
    print(f"skipped: install {' '.join(missing)} (scripts/install-deps.sh does)")
    sys.exit(77)

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402

path = sys.argv[1]
notebook = nbformat.read(path, as_version=4)
started = time.monotonic()
client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                        resources={"metadata": {"path": "."}})
try:
    client.execute()
except CellExecutionError as error:
    print(f"{path}: a cell failed:\n{error}")
    sys.exit(1)
cells = sum(c.cell_type == "code" for c in notebook.cells)
print(f"{path}: {cells} code cells ran in {time.monotonic() - started:.1f} s")
