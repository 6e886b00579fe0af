"""PDF from the corpus's own .docx files, typeset by LibreOffice (``soffice --headless --convert-to pdf``).

One LibreOffice run converts every file (a private profile, so a desktop session is not disturbed):
``convert(Path("OUT/docx"), Path("OUT/pdf"), ["sr_0001", "sr_0002"])`` -> ``OUT/pdf/sr_0001.pdf`` …
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def convert(docx_dir: Path, pdf_dir: Path, stems: list[str], timeout: int = 600) -> list[Path]:
    """Convert ``docx_dir/<stem>.docx`` to ``pdf_dir/<stem>.pdf``; RuntimeError when one is missing."""
    pdf_dir.mkdir(parents=True, exist_ok=True)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed for the pdf and scan formats")
    with tempfile.TemporaryDirectory(prefix="sr-lo-") as profile:
        files = [str(docx_dir / f"{s}.docx") for s in stems]
        for start in range(0, len(files), 40):
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(pdf_dir), *files[start:start + 40]],
                           check=True, capture_output=True, timeout=timeout)
    out = [pdf_dir / f"{s}.pdf" for s in stems]
    missing = [p.name for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {', '.join(missing)}")
    return out
