"""tests/colab runs only under ipywidgets 7, in the venv that ``python -m nnlessons test
--suite colab`` (``make test-colab``) makes; in any other environment pytest leaves it out."""

import ipywidgets

if ipywidgets.__version__.split(".")[0] != "7":
    collect_ignore_glob = ["test_*.py"]
