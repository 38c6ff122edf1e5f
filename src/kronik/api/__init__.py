"""The HTTP face of kronik: a REST API over the library service, and the dashboard.

``create_app(ApiOptions(db_path, token=...))`` builds the ASGI app; ``kronik serve`` runs it.
"""

from kronik.api.app import ApiOptions, create_app

__all__ = ["ApiOptions", "create_app"]
