"""site/timeline.ics: the timeline as an iCalendar file (RFC 5545).

Events known to the day (or to a part of it) are all-day events: DTSTART;VALUE=DATE and an
exclusive DTEND. Events with a clock time start at that time: in UTC when the source gives a
zone, as floating local time when it does not. Events known only to a week, month, season,
quarter, half, year or longer are all-day events spanning the whole period, with the precision
stated in the summary ("[March 2022] ...") and in X-DATELINE-PRECISION, so that no reader
mistakes them for a day. Ranges open at one end are given on their known day.

Nothing depends on the clock: DTSTAMP is the content's "as of" date."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from dateline.dates import DateValue, Precision, Span, display
from dateline.exports.composite import Composite
from dateline.markup import body_words
from dateline.model import Event, Timeline


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545, 3.3.11); carriage
    returns dropped. (Replacements in turn, the backslash first: a translation table goes through
    the text a character at a time, several times slower on a long description.)"""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n").replace("\r", "")


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets, never splitting a character."""
    if line.isascii():  # a character is an octet: cut by position
        if len(line) <= 75:
            return line
        return "\r\n ".join([line[:75], *(line[start:start + 74] for start in range(75, len(line), 74))])
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74  # continuation lines begin with a space
    parts.append(data[start:])
    return "\r\n ".join(part.decode("utf-8") for part in parts)


def _when(value: DateValue) -> list[str]:
    if value.time is not None and value.precision is Precision.MINUTE:
        moment = dt.datetime.combine(value.start, value.time)
        if value.time.utcoffset() is None:
            return [f"DTSTART:{moment:%Y%m%dT%H%M%S}"]
        return [f"DTSTART:{moment.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"]
    start = value.end if value.span is Span.OPEN_START else value.start
    end = value.start if value.span is Span.OPEN_END else value.end
    return [f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end + dt.timedelta(days=1):%Y%m%d}"]


def _summary(event: Event) -> str:
    value = event.date
    if value.coarse or value.is_range or value.part_of_day is not None:
        return f"[{display(value)}] {event.title}"
    return event.title


def vevent(event: Event, host: str, stamp: str, base_url: str) -> list[str]:
    """The lines of one VEVENT."""
    description = f"{display(event.date)}. {body_words(event.entry.body_html)}"
    lines = ["BEGIN:VEVENT", f"UID:{event.slug}@{host}", f"DTSTAMP:{stamp}", *_when(event.date),
             f"SUMMARY:{escape(_summary(event))}", f"DESCRIPTION:{escape(description)}",
             f"X-DATELINE-PRECISION:{event.date.precision_label}"]
    if event.entry.where:
        lines.append(f"LOCATION:{escape(event.entry.where)}")
    if event.entry.tags:
        lines.append("CATEGORIES:" + ",".join(escape(tag) for tag in event.entry.tags))
    if base_url:
        lines.append(f"URL:{base_url.rstrip('/')}/events/{event.slug}.html")
    return [*lines, "END:VEVENT"]


def _lines(lines: list[str]) -> str:
    return "".join(fold(line) + "\r\n" for line in lines)


def icalendar_composite(timeline: Timeline, base_url: str = "") -> Composite:
    """The whole timeline as one VCALENDAR."""
    host = urlparse(base_url).hostname or "dateline.invalid"
    as_of = timeline.as_of or dt.date(1970, 1, 1)
    stamp = f"{as_of:%Y%m%d}T000000Z"
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Dateline//Dateline timeline//EN", "CALSCALE:GREGORIAN",
            f"X-WR-CALNAME:{escape(timeline.title)}"]
    return Composite(head=lambda: _lines(head), part=lambda event: _lines(vevent(event, host, stamp, base_url)),
                     separator="", tail=_lines(["END:VCALENDAR"]), events=timeline.events, context=stamp)


def icalendar(timeline: Timeline, base_url: str = "") -> str:
    return icalendar_composite(timeline, base_url).text()
