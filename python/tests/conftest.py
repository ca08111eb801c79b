"""What the Python tests share: the unrest command built beside the module (CTest passes its
path), to compare the module's outputs with the command line's byte for byte."""
import os
import subprocess

import pytest


@pytest.fixture(scope="session")
def cli():
    binary = os.environ.get("UNREST_BINARY")
    if not binary or not os.path.exists(binary):
        pytest.skip("UNREST_BINARY (the unrest command) is not set; CTest sets it")

    def run(*args, check=True):
        return subprocess.run([binary, *args], capture_output=True, text=True, check=check)

    return run


def read_dir(directory):
    return {name: open(os.path.join(directory, name), encoding="utf-8").read()
            for name in os.listdir(directory)}
