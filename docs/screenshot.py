"""Regenerate docs/html-report.png, the README's picture of the demo's HTML report.

    python docs/screenshot.py          # needs playwright and the system's chromium; Pillow optional

Runs ``claimcheck demo`` in a temporary folder, opens its HTML report in headless Chromium, clicks
the cell of the planted conflict (South China Morning Post's 125) and saves the window. With Pillow
installed the PNG is reduced to 256 colours (about 55 KB instead of 170 KB).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "html-report.png"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "claimcheck", "demo", "-q"], cwd=tmp, check=True, capture_output=True
        )
        page_path = Path(tmp) / "claimcheck-demo-report.html"
        with sync_playwright() as p:
            exe = os.environ.get("CHROMIUM") or shutil.which("chromium")
            browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1320, "height": 720})
            page.goto(page_path.as_uri())
            page.locator("#grid td.x a").first.click()
            page.screenshot(path=str(OUT))
            browser.close()
    try:
        from PIL import Image
    except ImportError:
        print(f"wrote {OUT} ({OUT.stat().st_size} bytes; install Pillow to make it smaller)")
        return
    image = Image.open(OUT).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        OUT, optimize=True
    )
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
