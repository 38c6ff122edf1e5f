"""The article contract in ``/openapi.json``: its JSON Schema (``kronik/schema``) joins the
components as ``Article`` (and ``StoredArticle``, with its sources), its ``$defs`` alongside."""

from __future__ import annotations

import copy
import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from kronik.schema import article_schema

__all__ = ["ref", "use_article_schema"]

_SOURCES = {"type": "array", "items": {"type": "object", "properties": {
    "path": {"type": "string"}, "url": {"type": "string"}, "outlet": {"type": "string"}}}}


def ref(name: str) -> dict[str, str]:
    """A reference to a component schema."""
    return {"$ref": f"#/components/schemas/{name}"}


def _components() -> dict[str, Any]:
    text = json.dumps(article_schema()).replace('"#/$defs/', '"#/components/schemas/Article_')
    contract = json.loads(text)
    defs = contract.pop("$defs", {})
    contract.pop("$schema", None)
    contract.pop("$id", None)
    stored = copy.deepcopy(contract)
    stored["properties"]["sources"] = _SOURCES
    stored["title"] = "stored kronik article"
    return {"Article": contract, "StoredArticle": stored, **{f"Article_{k}": v for k, v in defs.items()}}


def use_article_schema(app: FastAPI) -> None:
    """Make ``app.openapi()`` include the article contract's schemas."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            spec.setdefault("components", {}).setdefault("schemas", {}).update(_components())
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
