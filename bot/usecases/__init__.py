"""The use cases, one module per group: each runs in one unit of work and answers a Reply."""
