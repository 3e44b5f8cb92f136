"""The web face: FastAPI app, server-rendered pages, the JSON API. No law here: every answer
comes from :func:`secondchance.engine.evaluate`."""
