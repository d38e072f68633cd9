/** URLs of the model, family and organization pages (ids keep their dots and slashes). */

/** "/models/openai/gpt-4o/" */
export const modelPath = (modelId: string) => `/models/${modelId}/`;
/** "/families/claude-sonnet/" */
export const familyPath = (family: string) => `/families/${family}/`;
/** "/organizations/openai/" */
export const organizationPath = (orgId: string) => `/organizations/${orgId}/`;
/** "/providers/groq/" */
export const providerPath = (providerId: string) => `/providers/${providerId}/`;
