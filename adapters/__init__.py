"""Chat platform adapters: platform payloads in, neutral service calls out."""
