"""`python -m bot` runs the lpo-bot command line."""

from bot.cli import main

raise SystemExit(main())
