/** A minimal iCalendar reader for the tests: unfolds lines, checks BEGIN/END nesting, unescapes TEXT. */
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

export const parseIcs = (text: string): { props: Record<string, string>; events: Record<string, string>[] } => {
  if (!text.includes('\r\n')) throw new Error('Lines must end with CRLF');
  for (const raw of text.split('\r\n'))
    if (new TextEncoder().encode(raw).length > 75) throw new Error(`Line over 75 octets: ${raw}`);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const stack: string[] = [];
  const props: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i <= 0) throw new Error(`Not a content line: ${line}`);
    const [name, value] = [line.slice(0, i), line.slice(i + 1)];
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') current = {};
    } else if (name === 'END') {
      if (stack.pop() !== value) throw new Error(`END:${value} does not match`);
      if (value === 'VEVENT') {
        events.push(current!);
        current = undefined;
      }
    } else (current ?? props)[name] = unescape(value);
  }
  if (stack.length) throw new Error(`Unclosed ${stack.join(', ')}`);
  if (props.VERSION !== '2.0' || !props.PRODID) throw new Error('VERSION:2.0 and PRODID are required');
  for (const e of events) for (const req of ['UID', 'DTSTAMP']) if (!e[req]) throw new Error(`VEVENT without ${req}`);
  return { props, events };
};
