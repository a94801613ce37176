"""`cmake --install` puts the package where Debian's python3 finds it for the
prefix, and the installed package reads the installed rules."""

import os
import re
import subprocess
import sys

import pytest

from conftest import AS_OF


def test_installed_module_imports_and_reads_installed_rules(tmp_path, data_dir):
    build = os.environ.get("CLEMENCY_BUILD_DIR")
    if not build:
        pytest.skip("CLEMENCY_BUILD_DIR is not set (run through ctest)")
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", build, "--prefix", prefix], check=True, capture_output=True)
    site = prefix / "lib" / "python3" / "dist-packages"
    assert (site / "clemency" / "__init__.py").exists()
    policy = prefix / "share" / "clemency" / "rules" / "policies" / "redemption-2020.toml"
    policy.write_text(re.sub(r'\ntitle = "[^"]*"', '\ntitle = "INSTALLED COPY"', policy.read_text(), count=1))
    script = (
        "import clemency, sys\n"
        f"assert clemency.__file__.startswith({str(site)!r}), clemency.__file__\n"
        f"pop = clemency.load({str(data_dir)!r}, as_of={AS_OF!r})\n"
        "print(clemency.screen(pop, 'redemption-2020').policy_title)\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CLEMENCY_RULES_DIR")}
    env["PYTHONPATH"] = str(site)
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "INSTALLED COPY"
