"""``python -m pipeline ingest …`` is ``saraban ingest …``."""

import sys

from pipeline.cli import main

sys.exit(main())
