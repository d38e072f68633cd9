/**
 * Share cards (Open Graph / Twitter), 1200 × 630: a title, a subtitle and up to four fact lines,
 * every string XML-escaped, as SVG text that src/model/share-png.ts renders to PNG at build time.
 */
import { cheapest, countModels } from '../../core/catalog-stats.ts';
import { KIND_LABEL } from '../../core/vocab.ts';
import { xmlEscape } from '../../core/atom.ts';
import { formatCount, formatTokens, formatUsd } from '../../core/format.ts';

export interface ShareCard {
  /** Small line above the title, e.g. "Provider" or "Model". */
  kicker: string;
  title: string;
  subtitle: string;
  /** Up to four short fact lines. */
  facts: string[];
}

/** Splits text into lines of at most `max` characters at spaces (a longer word is cut). */
export const wrapText = (text: string, max: number, lines: number): string[] => {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.length > max ? `${word.slice(0, max - 1)}…` : word;
    if (!line) line = w;
    else if (line.length + 1 + w.length <= max) line += ` ${w}`;
    else {
      out.push(line);
      line = w;
    }
  }
  if (line) out.push(line);
  if (out.length > lines) return [...out.slice(0, lines - 1), `${out[lines - 1]!.slice(0, max - 1)}…`];
  return out;
};

/**
 * The card as an SVG document, laid out top to bottom (each block starts below the one above, so
 * a two-line title never overlaps the facts), set in Inter: src/model/share-png.ts renders it to
 * PNG with that font.
 */
export const shareCardSvg = (card: ShareCard): string => {
  const title = wrapText(card.title, 26, 2);
  const subtitle = wrapText(card.subtitle, 60, 2);
  const facts = card.facts.slice(0, 4).map((f) => wrapText(f, 64, 1)[0] ?? '');
  const lines: string[] = [];
  let y = 205;
  const block = (texts: string[], size: number, weight: number, fill: string, step: number) => {
    texts.forEach((s, i) => {
      if (i) y += step;
      lines.push(`  <text x="80" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${xmlEscape(s)}</text>`);
    });
  };
  block(title, 72, 700, '#f8fafc', 84);
  y += 62;
  block(subtitle, 32, 400, '#cbd5e1', 44);
  y += 64;
  block(facts, 30, 400, '#e2e8f0', 42);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="Inter, system-ui, sans-serif">',
    '  <rect width="1200" height="630" fill="#0f172a"/>',
    '  <rect x="0" y="0" width="16" height="630" fill="#38bdf8"/>',
    `  <text x="80" y="110" font-size="34" font-weight="600" fill="#38bdf8">${xmlEscape(`Provider Atlas · ${card.kicker}`)}</text>`,
    ...lines,
    '</svg>',
    '',
  ].join('\n');
};

/** The text of a card as one sentence, for its image's alt text. */
export const shareCardAlt = (card: ShareCard): string => `${card.title}: ${[card.subtitle, ...card.facts].join('. ')}.`;

interface PricedOffering {
  provider: string;
  model?: string | undefined;
  price: Parameters<typeof cheapest>[0][number]['price'];
}

const priceFact = (offerings: PricedOffering[]) => {
  const i = cheapest(offerings, 'input');
  const o = cheapest(offerings, 'output');
  return i === undefined && o === undefined
    ? 'No published usage price'
    : `From ${i === undefined ? '–' : formatUsd(i)} in / ${o === undefined ? '–' : formatUsd(o)} out per 1M tokens`;
};

/** The card of a provider: kind, model count and lowest prices (USD per 1M tokens). */
export const providerCard = (p: {
  name: string;
  kind: keyof typeof KIND_LABEL;
  description?: string | undefined;
  offerings: PricedOffering[];
}): ShareCard => ({
  kicker: 'Provider',
  title: p.name,
  subtitle: p.description ?? `${KIND_LABEL[p.kind]} serving AI models through an API.`,
  facts: [
    KIND_LABEL[p.kind],
    `${formatCount(countModels(p.offerings))} ${countModels(p.offerings) === 1 ? 'model' : 'models'}`,
    priceFact(p.offerings),
  ],
});

/** The card of a model: creator, context, provider count and lowest prices (USD per 1M tokens). */
export const modelCard = (m: {
  name: string;
  id: string;
  organizationRecord: { name: string };
  context_window?: number | undefined;
  offerings: PricedOffering[];
}): ShareCard => {
  const providers = new Set(m.offerings.map((o) => o.provider)).size;
  return {
    kicker: 'Model',
    title: m.name,
    subtitle: `By ${m.organizationRecord.name} · ${m.id}`,
    facts: [
      `${providers} ${providers === 1 ? 'provider' : 'providers'}`,
      ...(m.context_window ? [`${formatTokens(m.context_window)} tokens of context`] : []),
      priceFact(m.offerings),
    ],
  };
};

/** The site card's alt text (its counts left out: they belong to the card, not to each page). */
export const SITE_CARD_ALT =
  'Provider Atlas: compare AI model APIs. Who serves which model, at what price, with which limits and features.';

/** The site's card, for pages without their own. */
export const siteCard = (counts: { providers: number; models: number; offerings: number }): ShareCard => ({
  kicker: 'Compare AI model APIs',
  title: 'Provider Atlas',
  subtitle: 'Who serves which model, at what price, with which limits and features.',
  facts: [
    `${formatCount(counts.providers)} providers`,
    `${formatCount(counts.models)} models`,
    `${formatCount(counts.offerings)} offerings`,
  ],
});

/**
 * The SVG of every card the site publishes (the site's, each provider's, each model's, in the order
 * the endpoints under src/pages/og/ build them): what tools/share-cards.ts renders ahead, in a
 * worker, while Astro builds the pages. The endpoints build each from the same functions, so they
 * find it in the cache.
 */
export const catalogCardSvgs = (c: {
  providers: Parameters<typeof providerCard>[0][];
  models: Parameters<typeof modelCard>[0][];
  offerings: unknown[];
}): string[] => [
  shareCardSvg(siteCard({ providers: c.providers.length, models: c.models.length, offerings: c.offerings.length })),
  ...c.providers.map((p) => shareCardSvg(providerCard(p))),
  ...c.models.map((m) => shareCardSvg(modelCard(m))),
];
