/** URLs of pages that many components link to, in one place. */

/** URL of a model's canonical page, or undefined for an offering not linked to a model. */
export const modelHref = (modelId: string | undefined): string | undefined => (modelId ? `/models/${modelId}/` : undefined);

/** URL of the blended-price definition on the methodology page. */
export const blendedHref = (): string => '/methodology/#blended';

/** Link into the cost calculator prefilled for one model. */
export const calculatorHref = (modelId: string): string => `/pricing/?model=${encodeURIComponent(modelId)}`;
