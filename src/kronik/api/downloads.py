"""``GET /api/export``: stored articles, events or chronicle events as a file, in any row format
of the registry (:mod:`kronik.formats`) — the same files as ``kronik export``."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from kronik.api.deps import Session
from kronik.formats import formats_for, output_format
from kronik.service import EXPORT_KINDS

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["export"])
_CHUNK = 1 << 16


@router.get("/export", summary="Download articles, events or chronicle events as a file",
            response_class=StreamingResponse,
            responses={200: {"description": "The file", "content": {"application/octet-stream": {}}}})
def export(
    kronik: Session,
    what: Annotated[str, Query(description=f"One of {', '.join(EXPORT_KINDS)}.")] = "events",
    format: Annotated[str, Query(description=f"One of {', '.join(formats_for('rows'))}.")] = "jsonl",
) -> StreamingResponse:
    fmt = output_format(format, "rows")
    spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115 - closed by the stream
    kronik.export(what, fmt.name, spool)  # type: ignore[arg-type]
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        with spool:
            yield from iter(lambda: spool.read(_CHUNK), b"")

    name = f"kronik-{what}.{fmt.extension}"
    return StreamingResponse(chunks(), media_type=fmt.media_type,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})
