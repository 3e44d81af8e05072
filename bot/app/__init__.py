"""The wiring: settings, database, application, adapters, dispatcher and scheduler put together.

Nothing outside this package imports it: the application (bot/) and the adapters stay
unaware of how they are assembled (docs/architecture.md, "Layers").
"""
