"""Allow ``python -m tei_encoder``."""

from tei_encoder.cli import main

raise SystemExit(main())
