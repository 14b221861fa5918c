"""WCAG 2.1 AA in a real browser: axe-core (pinned in tests/axe/package.json, `make axe`) run on the topic pages
as served against the demo warehouse, in Chromium 1366 px wide (tests/real_browser.py).

axe-core skips what is not on the screen, and Streamlit scrolls its main column and its sidebar inside the
window: each is checked a screen at a time, scrolled down to its end, and every caption link must have been
checked for contrast on one of those screens (a page whose links axe never saw does not pass by default).

Checked: axe's WCAG 2.0 and 2.1 A and AA rules, color-contrast among them (caption text and the links to
Definisi in captions, issue 24). Left out by name, with the reason, only what Streamlit draws itself and we
cannot change (STREAMLIT_OWN); anything else axe finds fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page
from real_browser import open_and_wait

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ("partisipasi", "anggaran", "kinerja", "umpan_balik")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# (rule, where, why): violations of `rule` ("*": any) inside `where` are Streamlit's own, not ours.
STREAMLIT_OWN = [
    (
        "list",
        "[data-testid=stSidebarNav]",
        "st.navigation's page list with sections: Streamlit puts each section's <div> between <ul> and <li>",
    ),
    (
        "listitem",
        "[data-testid=stSidebarNav]",
        "st.navigation's page list with sections: its <li> sit in a section <div>, not directly in the <ul>",
    ),
    (
        "*",
        "[data-testid=stStatusWidget]",
        "Streamlit's 'File change. Rerun' notice, shown only when a source file changes under the running server "
        "(while someone edits the tree); axe caught it fading in (#e0e0e0)",
    ),
]

# Scroll Streamlit's main column, then its sidebar, a screen at a time; run axe on each screen. Returns the
# violations not in `own` ({rule: {element's html: what fails}}) and the caption links axe's color-contrast
# never checked.
SCAN = r"""async ({tags, own}) => {
  const scroller = (inner) => {
    let box = document.querySelector(inner);
    while (box && !(box.scrollHeight > box.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(box).overflowY)))
      box = box.parentElement;
    return box;
  };
  const boxes = [scroller('[data-testid=stMainBlockContainer]') || document.scrollingElement,
                 scroller('[data-testid=stSidebarUserContent]')].filter(Boolean);
  const links = [...document.querySelectorAll('[data-testid=stCaptionContainer] a')];
  const checked = new Set(), found = {};
  for (const box of boxes) {
    const step = Math.max(200, box.clientHeight - 150);  // screens overlap: a line cut by the edge is seen whole
    for (let top = 0; ; top += step) {
      box.scrollTo(0, top);
      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
      const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, elementRef: true});
      for (const rule of result.violations)
        for (const node of rule.nodes) {
          if (own.some(([id, where]) => (id === '*' || id === rule.id) && node.element?.closest(where))) continue;
          const what = node.html.length > 100 ? node.html.slice(0, 100) + '…' : node.html;
          (found[rule.id] = found[rule.id] || {})[what] = node.failureSummary.split('\n').slice(1).join(' ').trim();
        }
      for (const rule of result.passes.filter(r => r.id === 'color-contrast'))
        for (const node of rule.nodes) checked.add(node.element);
      if (top + box.clientHeight >= box.scrollHeight) break;
    }
    box.scrollTo(0, 0);
  }
  const unchecked = links.filter(a => !checked.has(a)).map(a => a.getAttribute('href'));
  return {found, unchecked, links: links.length};
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.exists(), "axe-core is missing: make axe (npm ci --prefix tests/axe)"
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PAGES)
def test_the_page_meets_wcag_aa_as_axe_sees_it(server: str, browser_page: Page, axe_source: str, path: str) -> None:
    assert browser_page.viewport_size["width"] == 1366
    open_and_wait(browser_page, f"{server}/{path}")
    browser_page.locator("[data-testid=stCaptionContainer] a").first.wait_for(timeout=30_000)
    browser_page.add_script_tag(content=axe_source)
    own = [[rule, where] for rule, where, _why in STREAMLIT_OWN]
    result = browser_page.evaluate(SCAN, {"tags": TAGS, "own": own})
    assert result["links"] >= 1  # the page has links to Definisi in its captions
    found = [f"{rule}: {html}\n    {why}" for rule, nodes in result["found"].items() for html, why in nodes.items()]
    assert not found, "\n".join(found)
    assert result["unchecked"] == []  # axe measured the contrast of every caption link
