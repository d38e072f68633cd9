/** /search/names.json: the name index of the header search box (src/views/search-names.ts). */
import { catalog, familyRecords } from '../../model/catalog.ts';
import { familyPages } from '../../views/model/family.ts';
import { nameIndex } from '../../views/search-names.ts';

export const GET = () =>
  new Response(
    JSON.stringify(
      nameIndex(catalog.providers, catalog.organizations, familyPages(familyRecords, catalog.models), catalog.models),
    ),
    {
      headers: { 'content-type': 'application/json' },
    },
  );
