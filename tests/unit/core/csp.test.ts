import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy } from '../../../src/core/csp.ts';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

test('the site policy: own-origin scripts and styles only, no inline, no eval, no plugins', () => {
  const d = directives(contentSecurityPolicy());
  assert.deepEqual(d.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(d.get('default-src'), ["'self'"]);
  // style-src and connect-src fall back to default-src 'self'.
  assert.equal(d.get('style-src'), undefined);
  assert.deepEqual(d.get('object-src'), ["'none'"]);
  assert.deepEqual(d.get('base-uri'), ["'self'"]);
  assert.equal(d.get('connect-src'), undefined);
  assert.doesNotMatch(contentSecurityPolicy(), /'unsafe-inline'|'unsafe-eval'|'sha256-/);
});

test('extra connect-src origins are added once each', () => {
  const d = directives(contentSecurityPolicy(['https://api.groq.com', 'https://api.groq.com']));
  assert.deepEqual(d.get('connect-src'), ["'self'", 'https://api.groq.com']);
});

test('anything but a bare https origin is refused, so nothing can widen or break the policy', () => {
  for (const bad of [
    'http://api.example.com',
    'https://api.example.com/v1',
    "https://a.example.com; script-src 'unsafe-inline'",
    '*',
    'https:',
    '',
  ])
    assert.throws(() => contentSecurityPolicy([bad]), /not an https origin/, bad);
});
