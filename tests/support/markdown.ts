/** Reading the markdown the tools write (PR bodies of `npm run sync` and `npm run probe:run`). */
import assert from 'node:assert/strict';

/** The rows of the markdown table under `## <title> (n)` in a PR body, as arrays of cells, header left out; [] for "None.". */
export const markdownSection = (body: string, title: string): string[][] => {
  const lines = body.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${title} (`));
  assert.ok(start >= 0, `no section ${title}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('| ') || line.startsWith('| ---')) continue;
    rows.push(
      line
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.trim()),
    );
  }
  return rows.slice(1);
};
