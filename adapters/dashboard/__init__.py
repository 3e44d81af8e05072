"""The managers' dashboard: server-rendered pages with charts, behind one-time sign-in links."""
