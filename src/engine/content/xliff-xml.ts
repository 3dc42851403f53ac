/**
 * A small, strict XML reader for the subset of XML that XLIFF files use, and the escaping that
 * writes it. Pure (no DOM: Node has no DOMParser) and safe with hostile input:
 *  - no DOCTYPE (so no entity declarations, no "billion laughs", no external entities);
 *  - only the five predefined entities and numeric character references, which must name a
 *    character XML allows;
 *  - bounded size and nesting depth, no recursion;
 *  - every problem is an XmlError with the line and column where it was found.
 * Namespace prefixes are kept in element names ("gls:glossary"); `xmlns` declarations are ordinary
 * attributes, which is all XLIFF import needs.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
  col: number;
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

/** Files larger than this are refused before reading (a translated scenario is ~300 KB). */
export const MAX_XML_CHARS = 5_000_000;
export const MAX_XML_DEPTH = 64;

const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*$/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** True for the characters XML 1.0 allows in a document. */
function allowedChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Escapes text for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    // Line ends and tabs survive attribute normalisation only as references.
    else if (ch === '\n' || ch === '\r' || ch === '\t') out += `&#${cp};`;
    else if (!allowedChar(cp)) out += '\uFFFD';
    else out += ch;
  }
  return out;
}

/** Parses a whole document and returns its root element. Throws XmlError. */
export function parseXml(text: string): XmlElement {
  if (text.length > MAX_XML_CHARS) throw new XmlError(`The file is ${text.length} characters long; at most ${MAX_XML_CHARS} are read.`, 1, 1);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Line starts, for positions (binary search, so positions stay cheap in large files).
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const where = (at: number): { line: number; col: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: at - (lineStarts[lo] as number) + 1 };
  };
  const fail = (message: string, at = i): never => {
    const p = where(at);
    throw new XmlError(message, p.line, p.col);
  };
  for (let k = 0; k < text.length; k++) {
    const cp = text.codePointAt(k) ?? 0;
    if (cp > 0xffff) k++;
    if (!allowedChar(cp)) fail(`Character U+${cp.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML.`, k);
  }
  const startsWith = (s: string): boolean => text.startsWith(s, i);
  const skipSpace = (): void => {
    while (i < text.length && /[ \t\r\n]/.test(text[i] as string)) i++;
  };
  const readName = (): string => {
    const start = i;
    while (i < text.length && /[A-Za-z0-9._:-]/.test(text[i] as string)) i++;
    const name = text.slice(start, i);
    if (!NAME.test(name)) fail(name ? `"${name}" is not a valid XML name.` : 'Expected a name here.', start);
    return name;
  };
  /** Text with references resolved; stops at `stop` (which is not consumed). */
  const readText = (stop: string): string => {
    let out = '';
    while (i < text.length && !startsWith(stop)) {
      const ch = text[i] as string;
      if (ch === '<' && stop !== '<') fail('"<" is not allowed in an attribute value; write &lt;.');
      if (ch === '&') {
        const end = text.indexOf(';', i);
        if (end < 0 || end - i > 12) fail('An "&" must start a reference such as &amp; or &#233;.');
        const ref = text.slice(i + 1, end);
        let cp: number | undefined;
        if (/^#[0-9]{1,7}$/.test(ref)) cp = Number(ref.slice(1));
        else if (/^#x[0-9A-Fa-f]{1,6}$/.test(ref)) cp = parseInt(ref.slice(2), 16);
        if (cp !== undefined) {
          if (!allowedChar(cp)) fail(`&${ref}; names a character XML does not allow.`);
          out += String.fromCodePoint(cp);
        } else if (Object.hasOwn(PREDEFINED, ref)) {
          out += PREDEFINED[ref];
        } else {
          fail(`Unknown entity &${ref};. Only &lt; &gt; &amp; &quot; &apos; and numeric references are allowed.`);
        }
        i = end + 1;
        continue;
      }
      if (ch === ']' && stop === '<' && startsWith(']]>')) fail('"]]>" is not allowed in text.');
      if (ch === '\r') {
        out += '\n';
        i += text[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      out += ch;
      i++;
    }
    return out;
  };
  /** Comments, processing instructions and (before the root) the XML declaration. */
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) fail('This comment is never closed ("-->").');
        if (text.slice(i + 4, end).includes('--')) fail('"--" is not allowed inside a comment.');
        i = end + 3;
      } else if (startsWith('<?')) {
        const end = text.indexOf('?>', i + 2);
        if (end < 0) fail('This processing instruction is never closed ("?>").');
        i = end + 2;
      } else if (startsWith('<!DOCTYPE') || startsWith('<!doctype')) {
        fail('A DOCTYPE is not allowed in an XLIFF file (it could declare entities).');
      } else return;
    }
  };

  skipMisc();
  if (!startsWith('<')) fail('Expected the root element here.');
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < text.length) {
    if (root && stack.length === 0) break;
    if (startsWith('<!--') || startsWith('<?')) {
      skipMisc();
      continue;
    }
    if (startsWith('<![CDATA[')) {
      if (stack.length === 0) fail('Text outside the root element.');
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) fail('This CDATA section is never closed ("]]>").');
      (stack[stack.length - 1] as XmlElement).children.push(text.slice(i + 9, end).replace(/\r\n?/g, '\n'));
      i = end + 3;
      continue;
    }
    if (startsWith('<!')) fail('Declarations ("<!…") are not allowed here.');
    if (startsWith('</')) {
      const at = i;
      i += 2;
      const name = readName();
      skipSpace();
      if (text[i] !== '>') fail(`Expected ">" to close </${name}.`);
      i++;
      const open = stack.pop();
      if (!open) fail(`</${name}> closes nothing.`, at);
      else if (open.name !== name) fail(`</${name}> closes <${open.name}> (opened at line ${open.line}, column ${open.col}).`, at);
      continue;
    }
    if (text[i] === '<') {
      const at = i;
      const pos = where(at);
      i++;
      const name = readName();
      const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
      for (;;) {
        const before = i;
        skipSpace();
        if (startsWith('/>') || text[i] === '>') break;
        if (i === before) fail(`Expected a space, ">" or "/>" in <${name}>.`);
        const an = i;
        const attr = readName();
        skipSpace();
        if (text[i] !== '=') fail(`Attribute "${attr}" needs a value ("${attr}=\\"…\\"").`);
        i++;
        skipSpace();
        const q = text[i];
        if (q !== '"' && q !== "'") fail(`The value of "${attr}" must be in quotes.`);
        i++;
        const value = readText(q as string);
        if (text[i] !== q) fail(`The value of "${attr}" is never closed.`, an);
        i++;
        if (Object.hasOwn(attrs, attr)) fail(`Attribute "${attr}" appears twice.`, an);
        attrs[attr] = value;
      }
      const el: XmlElement = { name, attrs, children: [], line: pos.line, col: pos.col };
      if (stack.length) (stack[stack.length - 1] as XmlElement).children.push(el);
      else if (root) fail('Only one root element is allowed.', at);
      else root = el;
      if (startsWith('/>')) {
        i += 2;
      } else {
        i++;
        if (stack.length >= MAX_XML_DEPTH) fail(`Elements are nested more than ${MAX_XML_DEPTH} deep.`, at);
        stack.push(el);
      }
      continue;
    }
    if (stack.length === 0) fail('Text outside the root element.');
    const t = readText('<');
    (stack[stack.length - 1] as XmlElement).children.push(t);
  }
  if (stack.length) {
    const open = stack[stack.length - 1] as XmlElement;
    fail(`<${open.name}> (line ${open.line}, column ${open.col}) is never closed.`, text.length);
  }
  skipMisc();
  if (i < text.length) fail('Only comments may follow the root element.');
  if (!root) return fail('The file has no root element.');
  return root;
}

/** The element children of an element. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The text of an element, children included (XLIFF inline markup is not used in our files). */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
