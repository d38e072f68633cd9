/**
 * Lazy islands. An island's code (and styles) can wait, inert, in a <template> inside it: the
 * browser neither runs nor downloads what a <template> holds. On first use the island's small
 * starter calls wakeTemplate, which moves that content into <head>, so the code loads then.
 * The code is bundled on its own with `?worker&url` (see astro.config.mjs); a dynamic import()
 * would pull Vite's ~1 KB preload helper into every page instead.
 */
export const wakeTemplate = (template: HTMLTemplateElement | null | undefined) => {
  if (!template) return;
  document.head.append(document.importNode(template.content, true));
  template.remove();
};
