/**
 * A small XML well-formedness check for the tests (no XML library is installed): tags balance,
 * attributes are quoted, entities are the five predefined ones or numeric. Returns the tree.
 */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export const checkXml = (xml: string): XmlNode => {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlNode[] = [{ name: '#doc', attrs: {}, children: [], text: '' }];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const [, close, name, attrText, selfClose, text, stray] = m;
    if (stray) throw new Error(`Malformed tag at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    const top = stack.at(-1)!;
    if (text !== undefined) {
      if (ENTITY.test(text)) throw new Error(`Bad entity in text: ${text.slice(0, 60)}`);
      if (top.name === '#doc' && text.trim()) throw new Error('Text outside the root element');
      top.text += unescape(text);
      continue;
    }
    if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const v = a[2] ?? a[3] ?? '';
      if (ENTITY.test(v)) throw new Error(`Bad entity in attribute ${a[1]}`);
      if (a[1]! in attrs) throw new Error(`Duplicate attribute ${a[1]}`);
      attrs[a[1]!] = unescape(v);
    }
    const node: XmlNode = { name: name!, attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClose) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`Unclosed <${stack.at(-1)!.name}>`);
  const roots = stack[0]!.children;
  if (roots.length !== 1) throw new Error(`Expected one root element, found ${roots.length}`);
  return roots[0]!;
};
