"""The mandates exports read back by real readers: the iCalendar file by
icalendar (RFC 5545), the CSV by pandas, the JSON by the standard library;
each checked against the others (same rows, same dates).

Usage: python3 mandates.py DIR   (DIR holds mandates.ics, mandates.csv, mandates.json)
"""

import datetime
import json
import sys
from pathlib import Path

import icalendar
import pandas


def main(folder: Path) -> None:
    rows = json.loads((folder / "mandates.json").read_text(encoding="utf-8"))["mandates"]
    table = pandas.read_csv(folder / "mandates.csv", dtype=str, keep_default_na=False)
    assert len(table) == len(rows) > 0, (len(table), len(rows))
    assert list(table["paragraph"]) == [r["paragraph"] for r in rows]
    assert list(table["verb"]) == [r["verb"] for r in rows]
    # Dates in ISO form or empty, and each period's start before its end.
    for start, end in zip(table["due_from"], table["due_to"]):
        if start:
            assert datetime.date.fromisoformat(start) <= datetime.date.fromisoformat(end), (start, end)
        if end:
            datetime.date.fromisoformat(end)

    raw = (folder / "mandates.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    dated = [r for r in rows if r["deliverable"] and r["when"]["due"] and r["when"]["due"]["to"]]
    assert len(events) == len(dated) > 0, (len(events), len(dated))
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == len(events), "UIDs are unique"
    for event, row in zip(events, dated):
        due = row["when"]["due"]
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        assert start.isoformat() == (due["from"] or due["to"]), (start, due)
        assert end == datetime.date.fromisoformat(due["to"]) + datetime.timedelta(days=1), (end, due)
        assert row["label"] in str(event["SUMMARY"]), (event["SUMMARY"], row["label"])
        assert "\n" in str(event["DESCRIPTION"]), "the task after a line break"
        assert event.decoded("DTSTAMP").tzinfo is not None
    print(f"readers: mandates: {len(rows)} rows (pandas), {len(events)} calendar events (icalendar)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
