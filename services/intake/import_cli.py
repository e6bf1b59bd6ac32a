"""Import existing cases from a file: `python -m services.intake.import_cli FILE_OR_FOLDER`.

FILE is the JSON layout of `POST /api/intake/v1/imports`; a FOLDER holds CSV files
`persons.csv`, `decisions.csv`, `appeals.csv` and `waiting_list.csv` (UTF-8, comma
separated, a header row with the field names; an empty cell is no value). The layout is
documented in docs/import.md. The file goes to intake's API, which checks every row and
stores all of it or nothing; the problems are printed one per line with the row they are in.

    python -m services.intake.import_cli cases/ --source Gerica \\
        --url http://127.0.0.1:8000 --token "$TOKEN" [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path
from typing import Any

import httpx

SECTIONS = ("persons", "decisions", "appeals", "waiting_list")
ADDRESS = ("street", "postcode", "city")


def _row(raw: dict[str, str]) -> dict[str, Any]:
    row: dict[str, Any] = {key: value for key, value in raw.items() if value not in ("", None)}
    address = {key: row.pop(key) for key in ADDRESS if key in row}
    if address:
        row["address"] = address
    return row


def read_folder(folder: Path, source_system: str) -> dict[str, Any]:
    """The CSV files of a folder as one import document (the JSON layout)."""
    document: dict[str, Any] = {"source_system": source_system}
    for section in SECTIONS:
        path = folder / f"{section}.csv"
        if not path.exists():
            document[section] = []
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            document[section] = [_row(raw) for raw in csv.DictReader(handle)]
    return document


def read_document(path: Path, source_system: str | None) -> dict[str, Any]:
    if path.is_dir():
        if not source_system:
            raise SystemExit("--source is needed with a folder of CSV files")
        return read_folder(path, source_system)
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if source_system:
        document["source_system"] = source_system
    return document


def send(
    document: dict[str, Any], *, url: str, token: str, dry_run: bool, client: httpx.Client
) -> int:
    """Post the document; print the result or every problem; the exit code (0 when stored)."""
    response = client.post(
        f"{url.rstrip('/')}/api/intake/v1/imports",
        params={"dry_run": "true" if dry_run else "false"},
        json=document,
        headers={"Authorization": f"Bearer {token}"},
        timeout=600,
    )
    body = response.json()
    if response.status_code == 200:
        print(json.dumps(body, ensure_ascii=False))
        return 0
    print(f"{response.status_code} {body.get('title', '')}: {body.get('detail', '')}")
    for error in body.get("errors", []):
        print(f"  {error['field']}: {error['message']}")
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a JSON file, or a folder of CSV files")
    parser.add_argument("--source", help="the system the cases come from, e.g. Gerica")
    parser.add_argument("--url", default=os.environ.get("MESTRING_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--token", default=os.environ.get("MESTRING_TOKEN", ""))
    parser.add_argument("--dry-run", action="store_true", help="check every row, store nothing")
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("a bearer token is needed (--token or MESTRING_TOKEN)")
    document = read_document(args.path, args.source)
    with httpx.Client() as client:
        return send(document, url=args.url, token=args.token, dry_run=args.dry_run, client=client)


if __name__ == "__main__":
    sys.exit(main())
