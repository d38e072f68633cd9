/**
 * The Content-Security-Policy every page carries (as a <meta> before any script or stylesheet).
 *
 * Scripts and styles come only from our own origin: the build emits every script and stylesheet
 * as a file (astro.config.mjs sets assetsInlineLimit 0), so no page needs an inline hash or
 * 'unsafe-inline'. Pagefind compiles its WebAssembly index in the browser ('wasm-unsafe-eval').
 * A page may allow extra HTTPS origins for fetch (the provider overview's round-trip button).
 */
// Styles, fonts and fetches fall back to default-src 'self'; only what differs is spelt out.
const BASE: readonly string[] = [
  "default-src 'self'",
  "img-src 'self' data:",
  "script-src 'self' 'wasm-unsafe-eval'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy; `connect` (HTTPS origins such as "https://api.groq.com") are allowed for fetch besides the site. */
export const contentSecurityPolicy = (connect: readonly string[] = []): string => {
  for (const origin of connect) {
    let u: URL | undefined;
    try {
      u = new URL(origin);
    } catch {
      u = undefined;
    }
    if (!u || u.protocol !== 'https:' || u.origin !== origin)
      throw new Error(`CSP connect-src: not an https origin: ${JSON.stringify(origin)}`);
  }
  return [...BASE, ...(connect.length ? [["connect-src 'self'", ...new Set(connect)].join(' ')] : [])].join('; ');
};
