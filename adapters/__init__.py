"""Chat platform adapters: platform payloads in, use case calls out, neutral messages rendered."""
