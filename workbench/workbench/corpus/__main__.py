"""``python -m workbench.corpus --seed 1 --n 200 OUT [--formats txt,docx,pdf]``."""

import sys

from workbench.corpus.render import main

if __name__ == "__main__":
    sys.exit(main())
