"""Keyboard only (no mouse event at all): brief the seed article from the home page, wait
for its audio, focus the player, download the MP3 and open an original sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "samples" / "musk-israel-visit.txt"
ACTIVE = "(() => { const e = document.activeElement; return e ? e.tagName + '#' + (e.id || '') : ''; })()"


def tab_to(page, predicate: str, limit: int = 80, key: str = "Tab") -> None:
    """Press Tab until ``predicate`` (JS over ``el``, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"(el => Boolean({predicate}))(document.activeElement)"):
            return
    pytest.fail(f"never reached an element where {predicate}; focus is on {page.evaluate(ACTIVE)}")


def test_keyboard_only_brief_listen_download(browser, site, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    # Count real mouse activity on every page (a keyboard-made click has detail 0 and no pointer type).
    context.add_init_script(
        "window.__mouse = 0; ['mousedown','mouseup','mousemove','click'].forEach(t => document.addEventListener(t, e => {"
        " if (t !== 'click' || e.detail > 0 || e.pointerType) window.__mouse += 1; }, true));"
    )
    mouse_events: list[int] = []
    try:
        page.goto(site["url"] + "/")

        # The skip link is the first stop, and it works.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"

        # Paste the article: reach the text area, type it, submit with Enter on the button.
        tab_to(page, "el.id === 'text'")
        page.keyboard.insert_text(text)
        tab_to(page, "el.type === 'submit'")
        mouse_events.append(page.evaluate("window.__mouse"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "/briefings/" in page.url

        # While the audio is made the status region says so, and changes when it is ready.
        status = page.locator("[role=status]")
        assert "audio" in status.inner_text()
        page.wait_for_function(
            "() => document.querySelector('[role=status]').textContent.includes('The audio is ready')",
            timeout=120_000,
        )
        tab_to(page, "el.textContent.includes('Show the player')")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_selector("audio")

        # Focus the player; nothing plays by itself.
        tab_to(page, "el.tagName === 'AUDIO'")
        assert page.evaluate("document.activeElement.paused")

        # Download the MP3 from its link.
        tab_to(page, "el.hasAttribute('download')")
        label = " ".join(page.evaluate("document.activeElement.textContent").split())
        assert label.startswith("Download the MP3 (") and ("minute" in label or "seconds" in label)
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        download = info.value
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        data = target.read_bytes()
        assert target.suffix == ".mp3"
        assert data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0)
        from mutagen.mp3 import MP3

        audio = MP3(target)
        assert audio.info.length > 5 and audio.info.channels == 1

        # Open an original sentence.
        tab_to(page, "el.tagName === 'SUMMARY'")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.parentElement.open")
        original = page.evaluate("document.activeElement.parentElement.querySelector('blockquote').textContent")
        assert original.strip()[:30].lower() in text.lower()  # the article as written (case tidied)

        # A chapter button seeks the player (Space on the button).
        tab_to(page, "el.classList.contains('chapter-button')")
        tab_to(page, "el.classList.contains('chapter-button')")  # the second chapter
        page.keyboard.press("Space")
        page.wait_for_function("() => document.getElementById('player').currentTime > 0")

        mouse_events.append(page.evaluate("window.__mouse"))
        assert mouse_events == [0, 0]
    finally:
        context.close()
