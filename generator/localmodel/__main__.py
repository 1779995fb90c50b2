"""``python -m generator.localmodel install|list|remove|serve``: the same as ``flashapps models …``."""

from generator.localmodel.cli import main

raise SystemExit(main())
