"""The web app in Debian's chromium through Playwright: sign in, an interview with "I don't
know" and an approximate date, the findings, the PDF letter, another organisation refused.
Screenshots (phone 390x844, desktop 1280x800) go to $SECONDCHANCE_SCREENSHOTS or a temp dir."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from secondchance.store.db import Store
from secondchance.web.app import create_app
from tests.web.conftest import PASSWORD, free_port

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def server(store: Store) -> Iterator[str]:
    port = free_port()
    web = create_app(store=store)
    config = uvicorn.Config(web, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SECONDCHANCE_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sign_in(page, base: str, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(f"{base}/")


def _save(page, question: str) -> None:  # type: ignore[no-untyped-def]
    """Click "Save answer" and wait until htmx has swapped in the next question."""
    page.click("button[value=save]")
    page.wait_for_function(
        "q => !document.querySelector('#question') || "
        "document.querySelector('#question').textContent !== q",
        arg=question,
    )


def _question(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.inner_text("#question"))


def test_interview_findings_letter_and_another_organisation(  # type: ignore[no-untyped-def]
    server: str, browser, tmp_path: Path
) -> None:
    shots = _shots(tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    _sign_in(page, server, "advocate@a.org")
    page.click("text=New case")
    page.check("input[value=pardon]")
    page.fill("#label", "R.T.")
    page.click("button:has-text('Start')")
    assert _question(page) == "Which court convicted the person?"
    page.check("input[value=federal]")
    _save(page, "Which court convicted the person?")
    page.fill("input[name=value]", "18 U.S.C. 1343")
    _save(page, _question(page))
    assert _question(page) == "When was the person convicted?"
    page.click("button[value=unknown]")  # "I don't know"
    page.wait_for_function("!document.querySelector('#question').textContent.includes('convicted')")
    page.fill("input[name=value]", "24 months")
    _save(page, _question(page))
    page.fill("input[name=start]", "2012-05-01")
    page.fill("input[name=end]", "2014-03-01")
    _save(page, _question(page))
    card = page.locator(".determination[data-program='clemency.pardon_petition']")
    card.wait_for()
    assert "I don't know" in page.inner_text("#answers")
    page.screenshot(path=str(shots / "interview-desktop.png"), full_page=True)
    case_url = page.url.removesuffix("/interview")

    page.goto(case_url)
    pardon = ".determination[data-program='clemency.pardon_petition']"
    assert "28 CFR 1.2" in page.inner_text(pardon)
    page.screenshot(path=str(shots / "case-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "case-phone.png"), full_page=True)
    pdf = page.request.get(f"{case_url}/letter/clemency.pardon_petition.pdf")
    assert pdf.status == 200
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.body(), capture_output=True).stdout
    assert b"not legal advice" in text and b"28 CFR 1.2" in text
    words = b" ".join(text.split())
    assert b"When was the person convicted?" in words  # the "I don't know" answer is stated

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{server}/")
    page.fill("#q", "r.t")
    page.click("button:has-text('Show')")
    assert page.locator("td a", has_text="R.T.").count() == 1
    page.screenshot(path=str(shots / "cases-desktop.png"), full_page=True)
    page.goto(f"{case_url}/letter/clemency.pardon_petition")
    page.screenshot(path=str(shots / "letter-desktop.png"), full_page=True)

    other = browser.new_context().new_page()
    _sign_in(other, server, "advocate@b.org")
    refused = other.goto(case_url)
    assert refused is not None and refused.status == 404
    assert "R.T." not in other.content()
    context.close()


def test_an_approximate_date_is_kept_as_a_month(  # type: ignore[no-untyped-def]
    server: str, browser, tmp_path: Path
) -> None:
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    _sign_in(page, server, "advocate@a.org")
    page.goto(f"{server}/cases/new")
    page.check("input[value=sba]")
    page.click("button:has-text('Start')")
    page.fill("input[name=value]", "Ortiz Bakery")
    _save(page, _question(page))
    page.fill("input[name=value]", "Maria Ortiz")
    _save(page, _question(page))
    page.check("input[value=owner]")
    _save(page, _question(page))
    page.fill("input[name=value]", "30")
    _save(page, _question(page))
    assert "loan application" in _question(page)
    page.fill("input[name=value]", "around June 2024")
    _save(page, _question(page))
    page.screenshot(path=str(_shots(tmp_path) / "interview-phone.png"), full_page=True)
    record = page.request.get(page.url.replace("/interview", "/record.json")).json()
    assert record["application_date"] == "2024-06"
    # Record format 1.1 reads "2024-06" as a day in June 2024; the answers show beside the
    # form, marked unfinished while questions remain.
    assert page.locator(".determination[data-program='sba.7a']").count() == 1
    assert "2024-06" in page.inner_text("#answers")
    assert page.locator("#unfinished").count() == 1


def test_pages_fit_a_phone_and_say_when_the_person_gets_out(  # type: ignore[no-untyped-def]
    server: str, browser, tmp_path: Path
) -> None:
    from tests.web.test_pages_say import BAKERY, HANDOUT

    shots = _shots(tmp_path)
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    _sign_in(page, server, "advocate@a.org")
    urls = []
    for goal, record in (("release", HANDOUT), ("sba", BAKERY)):
        page.goto(f"{server}/cases/new")
        page.check(f"input[value={goal}]")
        page.fill("#label", f"Trial {goal}")
        page.click("button:has-text('Start')")
        page.goto(page.url.removesuffix("/interview"))
        page.set_input_files(
            "input[type=file]",
            files=[{"name": "record.yaml", "mimeType": "application/yaml", "buffer": record}],
        )
        page.click("button:has-text('Upload')")
        urls.append(page.url)
    release, sba = urls
    page.goto(release)
    assert "2028-04-05" in page.inner_text("#release")
    pages = {
        "release-case": release,
        "release-letter": f"{release}/letter/fsa.time_credits",
        "sba-case": sba,
        "cases": f"{server}/",
    }
    for name, url in pages.items():
        for width, label in ((1280, "desktop"), (390, "phone")):
            page.set_viewport_size({"width": width, "height": 844})
            page.goto(url)
            page.screenshot(path=str(shots / f"{name}-{label}.png"), full_page=True)
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{name} is {wide} px wide at {width} px"


def test_the_case_list_fits_a_phone_without_breaking_words(  # type: ignore[no-untyped-def]
    server: str, browser, tmp_path: Path
) -> None:
    # Before: at 390 px the four columns were about 80 px each, and "presidential" and
    # "Microloan" broke mid-word ("presidenti / al pardon"). Now each case is a block of lines
    # as wide as the page.
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    _sign_in(page, server, "advocate@a.org")
    page.goto(f"{server}/cases/new")
    page.check("input[value=pardon]")
    page.fill("#label", "Phone list")
    page.click("button:has-text('Start')")
    page.check("input[value=federal]")
    _save(page, "Which court convicted the person?")
    page.goto(f"{server}/")
    cell = page.locator("td", has_text="Petition for a presidential pardon").first
    box = cell.bounding_box()
    assert box is not None and box["width"] > 300, box
    page.screenshot(path=str(_shots(tmp_path) / "cases-list-phone.png"), full_page=True)
