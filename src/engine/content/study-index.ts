/**
 * The section numbers and case boxes of the 2020 edition, read from its plain text, so citations
 * can be checked. Headings look like "4.2.6 Considerations" at the start of a line.
 */
export function studyIndex(text: string): { sections: Set<string>; boxes: Set<string> } {
  const sections = new Set<string>();
  for (const m of text.matchAll(/^\s*(\d+\.\d+(?:\.\d+)?)\s+[A-Z]/gm)) sections.add(m[1] as string);
  // Chapter numbers too ("§4" for a chapter as a whole).
  for (const s of [...sections]) sections.add(s.split('.')[0] as string);
  const boxes = new Set<string>();
  for (const m of text.matchAll(/\b(MINUSCA|UNAMID|UNMIS|UNMIL|MINUJUSTH|MONUSCO|UNMISS|MINUSMA|UNIFIL|UNOCI|MINUSTAH|UNMIK|UNAMA|UNAMI)\b/g)) boxes.add(m[1] as string);
  return { sections, boxes };
}
