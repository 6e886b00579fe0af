"""Word processor files other than .docx (Word 97-2003 .doc, .rtf, OpenDocument .odt), read through
LibreOffice: each is converted to .docx in a private temporary folder and read as Word.

Thai offices kept their letters as .doc for twenty years, so an archive holds thousands. No Python
library reads them: python-docx reads .docx only, and olefile gives a .doc's streams but not its text
model (pieces, fields, tables). LibreOffice (``soffice``, installed by ``make setup`` for the tests'
PDFs) reads all three faithfully, Thai included; a conversion costs one start of it, about a second.

>>> # read(Path("หนังสือเวียน ว ๑๒๓.doc"), source, "doc").source_format  -> "doc"
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.limits import ReadLimits
from pipeline.models import Document, SourceFile
from pipeline.readers import docx

KINDS = {"doc": "Word 97-2003 document (.doc)", "rtf": "Rich Text Format file (.rtf)",
         "odt": "OpenDocument text (.odt)"}
TIMEOUT_S = 120.0  # a damaged file can keep LibreOffice busy; the run's per-file limit may be shorter
_PROFILE: dict[int, str] = {}  # process id -> its LibreOffice profile (one soffice per profile at a time)


def soffice() -> str | None:
    """The LibreOffice command, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _profile() -> str:
    """A LibreOffice user profile of this process's own, made on first use and removed at exit: two
    processes sharing one would wait on each other or fail."""
    pid = os.getpid()
    if pid not in _PROFILE:
        folder = tempfile.mkdtemp(prefix="saraban-soffice-")
        _PROFILE[pid] = folder
        atexit.register(shutil.rmtree, folder, True)
    return _PROFILE[pid]


def convert(path: Path, kind: str, folder: Path, timeout_s: float = TIMEOUT_S) -> Path:
    """``path`` (of ``kind``) as a .docx in ``folder``; ReadError when LibreOffice is missing or fails.
    The file is copied in under a plain name first, so that no file name reaches the command line."""
    command = soffice()
    if command is None:
        raise ReadError("unsupported", f"{KINDS[kind]}: reading it needs LibreOffice (soffice), which is not "
                                       "installed here (make setup installs it); or save it as .docx and add it again.")
    source = folder / f"letter.{kind}"
    shutil.copyfile(path, source)
    args = [command, f"-env:UserInstallation=file://{_profile()}", "--headless", "--norestore",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"), str(source)]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the whole group
        process.wait()
        raise ReadError("office_unreadable", f"{KINDS[kind]}: LibreOffice did not finish converting it within "
                                             f"{timeout_s:g} s; it may be damaged.") from None
    target = folder / "out" / "letter.docx"
    if process.returncode != 0 or not target.exists():
        raise ReadError("office_unreadable", f"{KINDS[kind]}: LibreOffice could not read it (it may be damaged, "
                                             "protected by a password, or not a text document).")
    return target


def read(path: Path, source: SourceFile, kind: str, limits: ReadLimits = ReadLimits()) -> Document:
    """The file converted and read as Word; ``source_format`` names the original kind (``doc``)."""
    with tempfile.TemporaryDirectory(prefix="saraban-office-") as folder:
        converted = convert(Path(path), kind, Path(folder))
        document = docx.read(converted, source, limits)
    return Document(source=source, source_format=kind, pages=document.pages,
                    reader=f"LibreOffice {kind} -> docx (zipfile + lxml)", problems=document.problems)
