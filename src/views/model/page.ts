/**
 * Everything a model page shows, computed once: the "where to run it" rows and their summary line,
 * the price chart, price history, measured performance and the page's title, description and links.
 */
import { formatCountOf, formatDate } from '../../core/format.ts';
import { modelPriceHistory } from '../../core/history.ts';
import { calculatorHref, modelCardPath, organizationPath } from '../../core/urls.ts';
import type { LinkedModel } from '../../model/link.ts';
import { modelSampleRows } from '../provider/samples.ts';
import { modelCard, shareCardAlt } from '../feeds/og.ts';
import { priceChartSpec } from './chart.ts';
import { modelProviders, statusNotice, whereToRun } from './offerings.ts';

/**
 * The model page of `model`; `today` is the data's date (Catalog.date), which ages performance samples.
 */
export const modelPage = (model: LinkedModel, today: string | undefined) => {
  const rows = whereToRun(model);
  const servedBy = modelProviders(model);
  const org = model.organizationRecord;
  const chart = priceChartSpec(model.name, rows);
  return {
    title: model.name,
    description: `${model.name} by ${org.name}: ${servedBy.length} providers, their prices, limits and features.`,
    image: modelCardPath(model.id),
    imageAlt: shareCardAlt(modelCard(model)),
    org: { name: org.name, href: organizationPath(org.id) },
    notice: statusNotice(model, formatDate),
    rows,
    /** "3 offerings from 2 providers". */
    rowsSummary: `${formatCountOf(rows.length, 'offering', 'offerings')} from ${formatCountOf(servedBy.length, 'provider', 'providers')}`,
    calculator: calculatorHref(model.id),
    chart,
    chartHeading: chart?.kind === 'scatter' ? 'Price and speed' : 'Price per provider',
    histories: modelPriceHistory(model.offerings),
    samples: modelSampleRows(model.offerings, today),
    links: model.links ?? [],
  };
};
export type ModelPage = ReturnType<typeof modelPage>;
