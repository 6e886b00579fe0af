"""pytest: the training modules need torch, which only `make ocr-model` installs; without it their
doctests are not collected (the rest of the package is)."""

import importlib.util

collect_ignore = [] if importlib.util.find_spec("torch") else ["model.py", "train.py"]
