"""Demo data of the quality system and the surveys, as plain Python data and builders, which
`services/quality/seed.py` loads with the deviations (safe to run twice): `system` (ROS
analyses, procedures and their versions, staff and read receipts, internal audits,
supervision findings and their measures) and `surveys` (bruker- og pårørendeundersøkelser
with answers over two rounds)."""
