/**
 * The "/" shortcut, apart from the rest of search.ts so that the loader every page ships
 * (src/components/shared/islands.ts) stays a few hundred bytes.
 */

/** Whether "/" should focus the search box: not while typing in a field or with a modifier key. */
export const isSlashShortcut = (
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  target: { tagName?: string; isContentEditable?: boolean } | null,
): boolean =>
  e.key === '/' &&
  !e.ctrlKey &&
  !e.metaKey &&
  !e.altKey &&
  !(target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName ?? '') || target.isContentEditable));
