"""The global filters every page shares, as one immutable value (hashable, so it can key a cache)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Filters:
    """Chosen cities and years, and optional people filters (an empty tuple means all): exactly what the queries
    read, so a cache keyed on it holds one answer per question. The reader's own city is the page's
    (analytics.context.PageContext.fokus)."""

    kota: tuple[str, ...]
    tahun_awal: int
    tahun_akhir: int
    opd: tuple[str, ...] = ()
    kategori_jabatan: tuple[str, ...] = ()
    jenis_asn: tuple[str, ...] = ()

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
