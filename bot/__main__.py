"""`python -m bot` runs the lpo-bot command line."""

from bot.app.cli import main

raise SystemExit(main())
