/**
 * Characters a record's text may not hold: control characters, bidi embeddings, overrides and
 * isolates, and invisible (zero-width, filler, tag) characters, which would reach pages and the
 * JSON API unseen. What real names need stays allowed: any script's letters, ZWJ inside emoji
 * sequences, ZWJ/ZWNJ between letters of the scripts that use them (Arabic/Persian, Indic, …),
 * bidi *marks* (LRM, RLM, ALM), variation selectors, and the tags of a flag emoji.
 */

const C0 = [
  'NULL',
  'START OF HEADING',
  'START OF TEXT',
  'END OF TEXT',
  'END OF TRANSMISSION',
  'ENQUIRY',
  'ACKNOWLEDGE',
  'BELL',
  'BACKSPACE',
  'CHARACTER TABULATION',
  'LINE FEED',
  'LINE TABULATION',
  'FORM FEED',
  'CARRIAGE RETURN',
  'SHIFT OUT',
  'SHIFT IN',
  'DATA LINK ESCAPE',
  'DEVICE CONTROL ONE',
  'DEVICE CONTROL TWO',
  'DEVICE CONTROL THREE',
  'DEVICE CONTROL FOUR',
  'NEGATIVE ACKNOWLEDGE',
  'SYNCHRONOUS IDLE',
  'END OF TRANSMISSION BLOCK',
  'CANCEL',
  'END OF MEDIUM',
  'SUBSTITUTE',
  'ESCAPE',
  'INFORMATION SEPARATOR FOUR',
  'INFORMATION SEPARATOR THREE',
  'INFORMATION SEPARATOR TWO',
  'INFORMATION SEPARATOR ONE',
];
const C1 = [
  'PADDING CHARACTER',
  'HIGH OCTET PRESET',
  'BREAK PERMITTED HERE',
  'NO BREAK HERE',
  'INDEX',
  'NEXT LINE',
  'START OF SELECTED AREA',
  'END OF SELECTED AREA',
  'CHARACTER TABULATION SET',
  'CHARACTER TABULATION WITH JUSTIFICATION',
  'LINE TABULATION SET',
  'PARTIAL LINE FORWARD',
  'PARTIAL LINE BACKWARD',
  'REVERSE LINE FEED',
  'SINGLE SHIFT TWO',
  'SINGLE SHIFT THREE',
  'DEVICE CONTROL STRING',
  'PRIVATE USE ONE',
  'PRIVATE USE TWO',
  'SET TRANSMIT STATE',
  'CANCEL CHARACTER',
  'MESSAGE WAITING',
  'START OF GUARDED AREA',
  'END OF GUARDED AREA',
  'START OF STRING',
  'SINGLE GRAPHIC CHARACTER INTRODUCER',
  'SINGLE CHARACTER INTRODUCER',
  'CONTROL SEQUENCE INTRODUCER',
  'STRING TERMINATOR',
  'OPERATING SYSTEM COMMAND',
  'PRIVACY MESSAGE',
  'APPLICATION PROGRAM COMMAND',
];

const CONTROL = 'control characters are not text';
const BIDI = 'bidi embedding, override and isolate characters change the order text is shown in';
const INVISIBLE = 'invisible characters make text look like something it is not';

/** Refused code points (outside the contextual rules below): name and reason. */
const REFUSED: ReadonlyMap<number, [string, string]> = new Map<number, [string, string]>([
  ...C0.map((n, i): [number, [string, string]] => [i, [n, CONTROL]]),
  [0x7f, ['DELETE', CONTROL]],
  ...C1.map((n, i): [number, [string, string]] => [0x80 + i, [n, CONTROL]]),
  [0xad, ['SOFT HYPHEN', INVISIBLE]],
  [0x115f, ['HANGUL CHOSEONG FILLER', INVISIBLE]],
  [0x1160, ['HANGUL JUNGSEONG FILLER', INVISIBLE]],
  [0x180e, ['MONGOLIAN VOWEL SEPARATOR', INVISIBLE]],
  [0x200b, ['ZERO WIDTH SPACE', INVISIBLE]],
  [0x200c, ['ZERO WIDTH NON-JOINER', 'ZWNJ belongs only between letters of a script that uses it']],
  [0x200d, ['ZERO WIDTH JOINER', 'ZWJ belongs only inside an emoji sequence or between letters of a script that uses it']],
  [0x2028, ['LINE SEPARATOR', INVISIBLE]],
  [0x2029, ['PARAGRAPH SEPARATOR', INVISIBLE]],
  [0x202a, ['LEFT-TO-RIGHT EMBEDDING', BIDI]],
  [0x202b, ['RIGHT-TO-LEFT EMBEDDING', BIDI]],
  [0x202c, ['POP DIRECTIONAL FORMATTING', BIDI]],
  [0x202d, ['LEFT-TO-RIGHT OVERRIDE', BIDI]],
  [0x202e, ['RIGHT-TO-LEFT OVERRIDE', BIDI]],
  [0x2060, ['WORD JOINER', INVISIBLE]],
  [0x2061, ['FUNCTION APPLICATION', INVISIBLE]],
  [0x2062, ['INVISIBLE TIMES', INVISIBLE]],
  [0x2063, ['INVISIBLE SEPARATOR', INVISIBLE]],
  [0x2064, ['INVISIBLE PLUS', INVISIBLE]],
  [0x2066, ['LEFT-TO-RIGHT ISOLATE', BIDI]],
  [0x2067, ['RIGHT-TO-LEFT ISOLATE', BIDI]],
  [0x2068, ['FIRST STRONG ISOLATE', BIDI]],
  [0x2069, ['POP DIRECTIONAL ISOLATE', BIDI]],
  [0x206a, ['INHIBIT SYMMETRIC SWAPPING', BIDI]],
  [0x206b, ['ACTIVATE SYMMETRIC SWAPPING', BIDI]],
  [0x206c, ['INHIBIT ARABIC FORM SHAPING', INVISIBLE]],
  [0x206d, ['ACTIVATE ARABIC FORM SHAPING', INVISIBLE]],
  [0x206e, ['NATIONAL DIGIT SHAPES', INVISIBLE]],
  [0x206f, ['NOMINAL DIGIT SHAPES', INVISIBLE]],
  [0x3164, ['HANGUL FILLER', INVISIBLE]],
  [0xfeff, ['ZERO WIDTH NO-BREAK SPACE', INVISIBLE]],
  [0xffa0, ['HALFWIDTH HANGUL FILLER', INVISIBLE]],
  [0xfff9, ['INTERLINEAR ANNOTATION ANCHOR', INVISIBLE]],
  [0xfffa, ['INTERLINEAR ANNOTATION SEPARATOR', INVISIBLE]],
  [0xfffb, ['INTERLINEAR ANNOTATION TERMINATOR', INVISIBLE]],
  [0xfffe, ['NONCHARACTER', 'noncharacters are not text']],
  [0xffff, ['NONCHARACTER', 'noncharacters are not text']],
]);

/** Fields whose text may run over several lines: line feeds and tabs are allowed there. */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['notes', 'description']);

/** Letters and marks of the scripts in which ZWNJ and ZWJ change how letters join or combine. */
const JOINING_SCRIPT =
  /^[\p{sc=Arabic}\p{sc=Syriac}\p{sc=Nko}\p{sc=Mongolian}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}\p{sc=Myanmar}\p{sc=Khmer}\p{sc=Tibetan}]$/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
/** What may end the emoji before a ZWJ: the emoji itself, VS16, a skin-tone modifier. */
const EMOJI_END = /^(?:\p{Extended_Pictographic}|\u{FE0F}|\p{Emoji_Modifier})$/u;

const inJoiningScript = (ch: string | undefined) => ch !== undefined && LETTER_OR_MARK.test(ch) && JOINING_SCRIPT.test(ch);

export interface BadChar {
  /** UTF-16 index of the character in the string. */
  index: number;
  codePoint: number;
  /** "U+202E RIGHT-TO-LEFT OVERRIDE". */
  label: string;
  reason: string;
  /** Refused characters in the whole string (this one included). */
  count: number;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why the code point at `i` of `chars` is refused, or undefined when it is allowed there. */
const refusal = (chars: readonly string[], i: number, multiline: boolean): [string, string] | undefined => {
  const ch = chars[i]!;
  const cp = ch.codePointAt(0)!;
  if (multiline && (cp === 0x0a || cp === 0x09)) return undefined;
  if (cp === 0x200c) return inJoiningScript(chars[i - 1]) && inJoiningScript(chars[i + 1]) ? undefined : REFUSED.get(cp);
  if (cp === 0x200d) {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const emoji = prev !== undefined && next !== undefined && EMOJI_END.test(prev) && PICTOGRAPHIC.test(next);
    return emoji || (inJoiningScript(prev) && inJoiningScript(next)) ? undefined : REFUSED.get(cp);
  }
  if (cp >= 0xd800 && cp <= 0xdfff) return ['LONE SURROGATE', 'half of a UTF-16 pair is not text'];
  if (cp >= 0xe0000 && cp <= 0xe007f) {
    // Tag characters: only as the tag sequence of a flag emoji (🏴 + tags + CANCEL TAG).
    let start = i;
    while (start > 0 && (chars[start - 1]!.codePointAt(0)! & ~0x7f) === 0xe0000) start--;
    let end = i;
    while (end + 1 < chars.length && (chars[end + 1]!.codePointAt(0)! & ~0x7f) === 0xe0000) end++;
    const flag = chars[start - 1]?.codePointAt(0) === 0x1f3f4 && chars[end]!.codePointAt(0) === 0xe007f && end > start;
    return flag ? undefined : ['TAG CHARACTER', 'tag characters outside a flag emoji are invisible'];
  }
  return REFUSED.get(cp);
};

/** The first refused character of `s`, or undefined when the text is clean. */
export const findBadChar = (s: string, field: string): BadChar | undefined => {
  // Fast path: nothing outside printable ASCII.
  if (/^[\x20-\x7e]*$/.test(s)) return undefined;
  const chars = [...s];
  const multiline = MULTILINE_FIELDS.has(field);
  let first: BadChar | undefined;
  let index = 0;
  for (let i = 0; i < chars.length; i++) {
    const r = refusal(chars, i, multiline);
    if (r) {
      if (first) first.count++;
      else {
        const cp = chars[i]!.codePointAt(0)!;
        first = { index, codePoint: cp, label: `${hex(cp)} ${r[0]}`, reason: r[1], count: 1 };
      }
    }
    index += chars[i]!.length;
  }
  return first;
};

/** The problem message for a refused character. */
export const badCharMessage = (b: BadChar) =>
  `${b.label} is not allowed in text: ${b.reason}${b.count > 1 ? ` (${b.count} such characters in this value)` : ''}`;

/** YAML's one-letter escapes of the refused characters. */
const NAMED_ESCAPES: Readonly<Record<number, string[]>> = {
  0: ['\\0'],
  7: ['\\a'],
  8: ['\\b'],
  11: ['\\v'],
  12: ['\\f'],
  13: ['\\r'],
  27: ['\\e'],
  0x85: ['\\N'],
  0x2028: ['\\L'],
  0x2029: ['\\P'],
  9: ['\\t'],
  10: ['\\n'],
};

/**
 * Offset, within a scalar's source text, of where `cp` is written: the character itself, or the
 * escape that produces it in a double-quoted string; -1 when neither is found.
 */
export const findInSource = (source: string, cp: number): number => {
  const literal = source.indexOf(String.fromCodePoint(cp));
  if (literal >= 0) return literal;
  const h = cp.toString(16);
  const escapes = [
    `\\x${h.padStart(2, '0')}`,
    `\\u${h.padStart(4, '0')}`,
    `\\U${h.padStart(8, '0')}`,
    ...(NAMED_ESCAPES[cp] ?? []),
  ];
  const lower = source.toLowerCase();
  let best = -1;
  for (const e of escapes) {
    const at = e.length > 2 ? lower.indexOf(e.toLowerCase()) : source.indexOf(e);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
};
