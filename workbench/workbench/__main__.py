"""``python -m workbench corpus|eval …`` (also ``saraban corpus|eval …`` once the workbench is installed)."""

import sys

from workbench.commands import main

sys.exit(main())
