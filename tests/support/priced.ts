/** Test records as the linked catalog has them: with their price view (src/core/price.ts), as linkCatalog adds it. */
import { priceView, type PricePointIn, type PricingIn } from '../../src/core/price.ts';

/** The record with `price`, the view of its `pricing` and `price_history`. */
export const withPrice = <T extends { pricing?: unknown; price_history?: unknown }>(o: T) => ({
  ...o,
  price: priceView(o.pricing as (PricingIn & T['pricing']) | undefined, o.price_history as PricePointIn[] | undefined),
});
