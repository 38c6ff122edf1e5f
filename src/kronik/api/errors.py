"""Errors as JSON ``{"error": message}``: 422 for a bad query (an unknown actor, type, format…),
404 for a missing record, 401/403 for writes without the token, 503 when the store fails."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from kronik.errors import KronikError, NotFoundError, QueryError, StoreError

__all__ = ["Forbidden", "Unauthorized", "add_error_handlers"]


class Forbidden(Exception):
    """Writes are off: the server was started without a token."""


class Unauthorized(Exception):
    """A write without the right bearer token."""


def _status(exc: KronikError) -> int:
    if isinstance(exc, QueryError):
        return 422
    if isinstance(exc, NotFoundError):
        return 404
    return 503 if isinstance(exc, StoreError) else 400


async def _kronik_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, KronikError)
    return JSONResponse({"error": str(exc)}, status_code=_status(exc))


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()
    )
    return JSONResponse({"error": f"invalid request: {problems}"}, status_code=422)


async def _forbidden(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": str(exc)}, status_code=403)


async def _unauthorized(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": str(exc)}, status_code=401, headers={"WWW-Authenticate": "Bearer"})


def add_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(KronikError, _kronik_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Forbidden, _forbidden)
    app.add_exception_handler(Unauthorized, _unauthorized)
