/**
 * Turns a catalogue `section` field (an editor's note such as "ch.4 (box, …); also in 003; 2010: 4.3.6")
 * into the short citation players see: "2020 Ch.4; 2010 §4.3.6". Parenthetical notes (which may name
 * box authors or other editorial detail) and pointers to other files are dropped.
 */
export function playerSection(section: string): string {
  const parts = section
    .replace(/\([^)]*\)/g, '')
    .split(';')
    .map((p) => p.replace(/—.*$/, '').trim())
    .filter((p) => p && !/^also in\b/i.test(p));
  const out: string[] = [];
  for (const part of parts) {
    const is2010 = /^2010:/.test(part);
    const body = part.replace(/^20(10|20):\s*/, '').trim();
    if (!body || /^none$/i.test(body)) continue;
    let cite: string;
    if (/^\d+(\.\d+)*$/.test(body)) cite = `§${body}`;
    else if (/^ch\.?\s*(\d+)/i.test(body)) cite = body.replace(/^ch\.?\s*(\d+)/i, 'Ch.$1');
    else cite = body.charAt(0).toUpperCase() + body.slice(1);
    out.push(`${is2010 ? '2010' : '2020'} ${cite}`);
  }
  return [...new Set(out)].join('; ');
}
