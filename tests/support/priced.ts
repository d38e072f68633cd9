/** Test records as the linked catalog has them: with their price view and provenance, as linkCatalog adds them. */
import { offeringPriceViews } from '../../src/model/link.ts';
import type { Offering } from '../../src/model/schema.ts';

/**
 * The record with `price` (the view of its `pricing` and `price_history` on the data's date `date`)
 * and `provenance`, as src/model/link.ts computes them.
 */
export const withPrice = <T extends { pricing?: unknown; price_history?: unknown }>(o: T, date?: string) => {
  const views = offeringPriceViews(o as unknown as Offering, date);
  return {
    ...o,
    price: views.price as typeof views.price & { pricing: T['pricing'] & typeof views.price.pricing },
    provenance: views.provenance,
  };
};
