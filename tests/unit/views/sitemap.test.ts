import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absoluteUrls, robotsTxt, sitemapPaths, sitemapXml } from '../../../src/views/feeds/sitemap.ts';
import { checkXml } from '../../support/feed-xml.ts';

test('sitemapPaths: built HTML files → page paths, without the 404 page or Pagefind', () => {
  assert.deepEqual(
    sitemapPaths([
      'index.html',
      'providers/groq/index.html',
      '404.html',
      'pagefind/x.html',
      'api.json',
      'models/a/b.c/index.html',
    ]),
    ['/', '/models/a/b.c/', '/providers/groq/'],
  );
});

test('sitemapPaths: the redirect pages of moved paths are left out', () => {
  const files = ['index.html', 'models/a/old/index.html', 'models/a/new/index.html', 'families/x/index.html'];
  assert.deepEqual(sitemapPaths(files, ['/models/a/old/', '/families/x']), ['/', '/models/a/new/']);
});

test('sitemapXml: a well-formed urlset of escaped absolute URLs, sorted and unique', () => {
  const urls = absoluteUrls('https://site.example/', ['/b/', '/a/', '/a/', '/q/?x=1&y=2']);
  assert.deepEqual(urls, ['https://site.example/a/', 'https://site.example/b/', 'https://site.example/q/?x=1&y=2']);
  const root = checkXml(sitemapXml(urls));
  assert.equal(root.name, 'urlset');
  assert.deepEqual(
    root.children.map((u) => u.children[0]!.text),
    urls,
  );
});

test('robots.txt points at the sitemap', () => {
  assert.match(robotsTxt('https://site.example/'), /^Sitemap: https:\/\/site\.example\/sitemap\.xml$/m);
});
