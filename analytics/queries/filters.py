"""The global filters every page shares, as one immutable value (hashable, so it can key a cache)."""

from __future__ import annotations

from dataclasses import dataclass, replace

# Up to this many cities a page shows them side by side (a colour and a legend entry each); with more, it
# shows the focus city against the distribution of its peers, and breakdowns for the focus city alone.
SIDE_BY_SIDE = 6


@dataclass(frozen=True)
class Filters:
    """Chosen cities and years, optional people filters (an empty tuple means all), and the reader's own city
    (`fokus`, None when the cities are simply side by side). The queries read every field but `fokus`."""

    kota: tuple[str, ...]
    tahun_awal: int
    tahun_akhir: int
    opd: tuple[str, ...] = ()
    kategori_jabatan: tuple[str, ...] = ()
    jenis_asn: tuple[str, ...] = ()
    fokus: str | None = None

    @property
    def many(self) -> bool:
        """Return True when more cities are compared than fit side by side (SIDE_BY_SIDE)."""
        return len(self.kota) > SIDE_BY_SIDE

    @property
    def needs_focus(self) -> bool:
        """Return True when many cities are compared and none of them is the reader's: breakdowns and meeting
        files are then about nobody in particular, and ask for a focus city."""
        return self.many and self.fokus not in self.kota

    def breakdown(self) -> Filters:
        """Return the filters of a breakdown (agencies, jabatan, the JP distribution, activities): the focus
        city alone when many cities are compared, else these filters."""
        if self.many and not self.needs_focus:
            return replace(self, kota=(self.fokus,))
        return self

    def params(self) -> dict:
        """Return the filters as bound parameters for the queries in analytics/queries/sql/."""
        return {
            "kota": list(self.kota),
            "tahun_awal": self.tahun_awal,
            "tahun_akhir": self.tahun_akhir,
            "opd": list(self.opd),
            "kategori_jabatan": list(self.kategori_jabatan),
            "jenis_asn": list(self.jenis_asn),
        }

    @property
    def filters_people(self) -> bool:
        """Return True when an OPD, jabatan or jenis ASN filter narrows the people counted."""
        return bool(self.opd or self.kategori_jabatan or self.jenis_asn)
