"""Synthetic demo data: a complete source folder for the four storied cities (or up to all 98 kota), 2021-2025.

`write_sample(out)` (demo/writer.py) writes one CSV per dataset of etl.contract.DATASETS plus the marker file
that labels the folder as synthetic. The numbers follow the stories and orders of magnitude
in the domain reference (headcounts, APBD, 20 JP compliance, predikat shares, IKM bands) but every
person, name and NIP is invented.

How it works: employees are generated per city in chunks (at most CHUNK_SIZE per chunk), and
each chunk is simulated year by year: development activities (programs and participants),
then the performance appraisal. Every chunk's rows are appended to the open CSV files, so
memory stays bounded whatever the scale. Each chunk and purpose has its own random stream
derived from the seed, so the same seed, scale and number of kota give byte-identical files.
A year's activity costs are scaled to the year's realised training budget (less the costs outside
the activities), so money adds up for a planner.

One module per part of the generator: settings, organisation (OPD), activities (types, topics, providers),
cities (profiles and stories), national (the 98 kota, synthetic profiles), randomness, nip, pegawai,
training (a year of activities), appraisal, training_rows (program, peserta, feedback, mentoring),
city_data (APBD, anggaran, survei, aspirasi), writer.
"""

from demo.cities import CITIES  # noqa: F401
from demo.nip import NipRegistry, make_nips  # noqa: F401
from demo.writer import write_sample  # noqa: F401
