"""Focus city and peer group: which cities a page compares the reader's own city with.

A reader picks their city (`fokus`) and a group of peers: every city in the warehouse, the cities of the
focus city's province, the cities of its size band (domain.SIZE_BANDS), or a hand-picked list. The focus
city is always among the compared cities. No Streamlit here: ui.state shows the choice, the command line
takes it as flags.
"""

from __future__ import annotations

from collections.abc import Sequence

from analytics.context import WarehouseInfo

GROUPS = ("semua", "provinsi", "ukuran", "pilihan")  # the URL values of the peer group; texts: grp_<name>
DEFAULT_GROUP = "semua"


def compared(info: WarehouseInfo, fokus: str | None, group: str, picked: Sequence[str] = ()) -> tuple[str, ...]:
    """Return the cities compared, sorted: every city ('semua', or a group that needs a focus city when there
    is none), the focus city's province ('provinsi') or size band ('ukuran'), or the `picked` ones
    ('pilihan'); the focus city is always among them, and names the warehouse does not hold are dropped."""
    known = set(info.kota)
    fokus = fokus if fokus in known else None
    if group == "pilihan":
        chosen = {k for k in picked if k in known}
    elif group == "provinsi" and fokus:
        chosen = {k for k in info.kota if info.provinsi.get(k) == info.provinsi.get(fokus)}
    elif group == "ukuran" and fokus and info.ukuran.get(fokus):
        chosen = {k for k in info.kota if info.ukuran.get(k) == info.ukuran[fokus]}
    else:
        chosen = known
    if fokus and chosen:
        chosen.add(fokus)
    return tuple(sorted(chosen))


def group_name(info: WarehouseInfo, fokus: str | None, group: str) -> dict[str, str]:
    """Return the values a peer group's description needs: its province or size band (empty when the group
    does not have one)."""
    if group == "provinsi" and fokus:
        return {"provinsi": info.provinsi.get(fokus, "")}
    if group == "ukuran" and fokus:
        return {"ukuran": info.ukuran.get(fokus, "")}
    return {}
