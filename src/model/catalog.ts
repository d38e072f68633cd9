/** The only module besides content.config.ts that reads astro:content: load once, link, fail on gaps. */
import { getCollection } from 'astro:content';
import { linkCatalog } from './link.ts';

const plain = <T>({ id, data }: { id: string; data: T }) => ({ ...data, id });

export const catalog = linkCatalog(
  (await getCollection('providers')).map(plain),
  (await getCollection('models')).map(plain),
  (await getCollection('organizations')).map(plain),
  (await getCollection('offerings')).map(plain),
);

export const providerPaths = () => catalog.providers.map((provider) => ({ params: { provider: provider.id }, props: { provider } }));
