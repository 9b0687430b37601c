/**
 * A strict well-formedness check for the SVG the renderer writes (no XML parser among the dev dependencies): one
 * root, every tag closed in order, attributes quoted, only the five predefined entities, no stray `<` or `&`.
 * Returns the elements in document order (name, attributes, text directly inside).
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function checkText(text: string, where: number): string {
  if (text.includes('<')) throw new Error(`xml: stray '<' at ${where}`);
  if (text.replace(entity, '').includes('&')) throw new Error(`xml: bare '&' at ${where}`);
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Parses `source` or throws a sentence naming the first fault. */
export function parseXml(source: string): XmlElement {
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const attribute = /\s+([\w:.-]+)="([^"<]*)"/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = source.indexOf('<');
  if (source.slice(0, i).trim() !== '') throw new Error('xml: text before the root');
  while (i < source.length) {
    const next = source.indexOf('<', i);
    const text = source.slice(i, next < 0 ? source.length : next);
    if (stack.length > 0) stack[stack.length - 1]!.text += checkText(text, i);
    else if (text.trim() !== '') throw new Error(`xml: text outside the root at ${i}`);
    if (next < 0) break;
    tag.lastIndex = next;
    const m = tag.exec(source);
    if (!m) throw new Error(`xml: malformed tag at ${next}: ${source.slice(next, next + 60)}`);
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`xml: </${name}> closes <${open?.name ?? 'nothing'}> at ${next}`);
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attrs!.matchAll(attribute)) {
        if (a[1]! in attributes) throw new Error(`xml: attribute ${a[1]} twice at ${next}`);
        attributes[a[1]!] = checkText(a[2]!, next);
      }
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) throw new Error(`xml: a second root <${name}> at ${next}`);
      else root = element;
      if (!selfClose) stack.push(element);
    }
    i = tag.lastIndex;
  }
  if (stack.length > 0) throw new Error(`xml: <${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) throw new Error('xml: no root element');
  return root;
}

/** Every element under `e` (itself included), depth first. */
export function allElements(e: XmlElement): XmlElement[] {
  return [e, ...e.children.flatMap(allElements)];
}

/** The text of `e` and everything inside it. */
export function textOf(e: XmlElement): string {
  return e.text + e.children.map(textOf).join('');
}
