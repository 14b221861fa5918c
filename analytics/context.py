"""What a page, a download or a meeting file is about: one typed value instead of (lang, filters, info)
passed by hand through every signature. No Streamlit here; ui.state builds it from the sidebar, the
command line from its flags."""

from __future__ import annotations

from dataclasses import dataclass, replace

from access.grants import Scope
from analytics.queries.filters import Filters
from analytics.queries.warehouse import WarehouseInfo

# Up to this many cities a page shows them side by side (a colour and a legend entry each); with more, it
# shows the focus city against the distribution of its peers, and breakdowns for the focus city alone.
SIDE_BY_SIDE = 6


@dataclass(frozen=True)
class PageContext:
    """The reader's language, the chosen filters (None when no city is chosen), the warehouse facts, the
    reader's scope (None or Scope(): every city, the local mode; ui.state fills it from sign-in, the command line
    from --sebagai), and the reader's own city (`fokus`, None when the cities are simply side by side): the
    focus changes what a page shows, never what a query is asked, so it is not one of the filters."""

    lang: str
    filters: Filters | None
    info: WarehouseInfo
    scope: Scope | None = None
    fokus: str | None = None

    @property
    def many(self) -> bool:
        """Return True when more cities are compared than fit side by side (SIDE_BY_SIDE)."""
        return self.filters is not None and len(self.filters.kota) > SIDE_BY_SIDE

    @property
    def needs_focus(self) -> bool:
        """Return True when many cities are compared and none of them is the reader's: breakdowns and meeting
        files are then about nobody in particular, and ask for a focus city."""
        return self.many and self.fokus not in self.filters.kota

    def highlighted_province(self, asked: str | None = None) -> str | None:
        """Return the province highlighted among many cities compared with none of them the reader's (its cities
        marked, its value beside theirs): `asked` when a compared city lies in it, else the one province every
        compared city shares, else None."""
        provinces = {self.info.provinsi.get(k) for k in self.filters.kota} - {None, ""}
        if asked in provinces:
            return asked
        return next(iter(provinces)) if len(provinces) == 1 else None

    def breakdown(self) -> Filters:
        """Return the filters of a breakdown (agencies, jabatan, the JP distribution, activities): the focus
        city alone when many cities are compared, else the chosen filters."""
        if self.many and not self.needs_focus:
            return replace(self.filters, kota=(self.fokus,))
        return self.filters
