/**
 * iCalendar (RFC 5545) serialization by hand: all-day events, CRLF line endings, lines folded
 * at 75 octets, TEXT values escaped. DTSTAMP comes from the data, never the clock.
 */

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export const icsEscape = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

const encoder = new TextEncoder();

/** Folds one content line at 75 octets (continuations start with a space), never inside a UTF-8 character. */
export const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

/** YYYY-MM-DD or YYYY-MM → YYYYMMDD (a month-only date means its first day). */
export const icsDate = (date: string): string => (date.length === 7 ? `${date}-01` : date).replace(/-/g, '');

/** The day after an ISO date, YYYYMMDD (the exclusive end of an all-day event). */
const nextDay = (date: string): string => {
  const [y, m, d] = (date.length === 7 ? `${date}-01` : date).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10).replace(/-/g, '');
};

export interface CalendarEvent {
  /** Globally unique, stable id. */
  uid: string;
  /** YYYY-MM-DD or YYYY-MM. */
  date: string;
  summary: string;
  description: string;
  /** Absolute URL. */
  url: string;
}

/** A VCALENDAR of all-day events; `stamp` (YYYY-MM-DD, the data date) is every DTSTAMP. */
export const icsCalendar = (name: string, events: CalendarEvent[], stamp: string): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Provider Atlas//Deprecations//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(name)}`,
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${icsEscape(e.uid)}`,
      `DTSTAMP:${icsDate(stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      `DTEND;VALUE=DATE:${nextDay(e.date)}`,
      `SUMMARY:${icsEscape(e.summary)}`,
      `DESCRIPTION:${icsEscape(e.description)}`,
      `URL:${e.url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
};
