/** CSV per RFC 4180, safe to open in a spreadsheet. */

/**
 * One field: quoted when it holds a comma, quote or line break; a leading = + - @ (or tab/CR)
 * gets a single quote in front so that spreadsheets do not run it as a formula
 * (https://owasp.org/www-community/attacks/CSV_Injection).
 */
export const csvField = (value: string): string => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Rows of fields → CSV text, CRLF line endings, ending with a line break. */
export const toCsv = (rows: string[][]): string => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
