"""Synthetic demo data: a complete source folder for the four cities, 2021-2025.

`write_sample(out)` (demo/writer.py) writes one CSV per dataset of etl.contract.DATASETS plus the marker file
that labels the folder as synthetic. The numbers follow the stories and orders of magnitude
in the domain reference (headcounts, APBD, 20 JP compliance, predikat shares, IKM bands) but every
person, name and NIP is invented.

How it works: employees are generated per city in chunks (at most CHUNK_SIZE per chunk), and
each chunk is simulated year by year: development activities (programs and participants),
then the performance appraisal. Every chunk's rows are appended to the open CSV files, so
memory stays bounded whatever the scale. Each chunk and purpose has its own random stream
derived from the seed, so the same seed and scale give byte-identical files.

One module per part of the generator: settings, organisation (OPD), activities (types, topics, providers),
cities (profiles and stories), randomness, nip, pegawai, training (a year of activities), appraisal,
training_rows (program, peserta, feedback, mentoring), city_data (APBD, anggaran, survei, aspirasi), writer.
"""

from demo.cities import CITIES  # noqa: F401
from demo.nip import NipRegistry, make_nips  # noqa: F401
from demo.writer import write_sample  # noqa: F401
