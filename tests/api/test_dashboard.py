"""The dashboard in headless Chromium (Debian's, driven by Playwright): stories, a story, an article.

Screenshots go to ``docs/screenshots/`` (shown in the README). Skipped where Chromium is absent.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kronik.api import ApiOptions, create_app

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def server(example_db: Path) -> Iterator[str]:
    """The app over the example store, or over ``$KRONIK_DASHBOARD_DB`` (e.g. a store of the
    Indonesian corpus and the seeds; screenshots then get the prefix ``corpus-``)."""
    import os

    import uvicorn

    example_db = Path(os.environ.get("KRONIK_DASHBOARD_DB", example_db))

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(ApiOptions(example_db)), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def page(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
        yield context.new_page()
        browser.close()


def wait_ready(page: object) -> None:
    page.wait_for_function("document.body.dataset.ready === '1'")  # type: ignore[attr-defined]


def test_click_through_story_and_article(server: str, page: object) -> None:
    import os

    SHOTS.mkdir(parents=True, exist_ok=True)
    prefix = "corpus-" if os.environ.get("KRONIK_DASHBOARD_DB") else ""
    p = page  # playwright Page
    p.goto(server + "/#/?actor=Rusia")  # type: ignore[attr-defined]
    wait_ready(p)
    p.wait_for_selector(".story")  # type: ignore[attr-defined]
    assert "Vladimir Putin, Xi Jinping" in p.inner_text("main")  # type: ignore[attr-defined]
    p.screenshot(path=str(SHOTS / f"{prefix}stories.png"), full_page=True)  # type: ignore[attr-defined]

    p.evaluate("document.body.dataset.ready = ''")  # type: ignore[attr-defined]
    p.click("text=Vladimir Putin, Xi Jinping")  # type: ignore[attr-defined]
    wait_ready(p)
    p.wait_for_selector("table tbody tr")  # type: ignore[attr-defined]
    assert p.locator("svg circle").count() >= 2  # type: ignore[attr-defined]
    p.screenshot(path=str(SHOTS / f"{prefix}story.png"), full_page=True)  # type: ignore[attr-defined]

    p.evaluate("document.body.dataset.ready = ''")  # type: ignore[attr-defined]
    p.locator("main ul a").first.click()  # type: ignore[attr-defined]
    wait_ready(p)
    p.wait_for_selector("#article-text")  # type: ignore[attr-defined]
    assert p.locator("#article-text .hl-PERSON").count() >= 1  # type: ignore[attr-defined]
    assert p.locator("#article-text .hl-event").count() >= 1  # type: ignore[attr-defined]
    p.screenshot(path=str(SHOTS / f"{prefix}article.png"), full_page=True)  # type: ignore[attr-defined]

    p.evaluate("document.body.dataset.ready = ''")  # type: ignore[attr-defined]
    p.goto(server + "/#/timeline?a=CHN&b=RUS")  # type: ignore[attr-defined]
    wait_ready(p)
    assert p.locator("svg rect").count() >= 1  # type: ignore[attr-defined]
    p.screenshot(path=str(SHOTS / f"{prefix}timeline.png"), full_page=True)  # type: ignore[attr-defined]

    p.evaluate("document.body.dataset.ready = ''")  # type: ignore[attr-defined]
    p.click("#lang")  # type: ignore[attr-defined]
    wait_ready(p)
    p.wait_for_selector("text=Relation timeline")  # type: ignore[attr-defined]  # type: ignore[attr-defined]
