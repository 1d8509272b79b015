"""The HTTP face of the store: SPARQL protocol, stored-query API, linked-data pages, web UI.

Importing this package stays light (worker processes import `server.worker` only); the ASGI
app comes from `create_app`.
"""


def create_app(*args, **kwargs):
    from .app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
