import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { compileFile, loadShared } from '../../src/build/content-files';
import { runCli } from '../../src/cli/main';
import {
  exportXliff,
  importXliff,
  parseXliff,
  readTranslationFile,
  sourceHash,
  termsIn,
  textContext,
  translationStatus,
  XliffError,
} from '../../src/engine/content/xliff';
import { escapeXml, parseXml, textOf, XmlError } from '../../src/engine/content/xliff-xml';
import { localizeScenario, scenarioTextEntries } from '../../src/engine/index';
import { FIXTURES, fixtureBundle } from '../support/fixtures';

const tiny = fixtureBundle('tiny').scenario;
const glossary = [
  { term: 'UN', expansion: 'United Nations', translations: { es: { expansion: 'Naciones Unidas' } } },
  { term: 'MLT', expansion: 'Mission Leadership Team' },
];

/** Fills every target of an exported file with a function of its key and source. */
function translateAll(xlf: string, fn: (key: string, source: string) => string): string {
  const doc = parseXliff(xlf);
  let out = xlf;
  for (const u of doc.units) {
    const src = `<source xml:space="preserve">${escapeXml(u.source)}</source>`;
    const at = out.indexOf(src, out.indexOf(`<unit id="${escapeXml(u.key)}"`));
    out = out.slice(0, at + src.length) + `\n        <target xml:space="preserve">${escapeXml(fn(u.key, u.source))}</target>` + out.slice(at + src.length);
  }
  return out;
}

describe('XLIFF export', () => {
  const xlf = exportXliff(tiny, { lang: 'es', glossary });
  const doc = parseXliff(xlf);

  it('has one unit per text key, in order, with its source, and declares XLIFF 2.0 en → es', () => {
    expect(xlf).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"');
    expect(xlf).toContain('version="2.0" srcLang="en" trgLang="es"');
    expect(doc.units.map((u) => [u.key, u.source])).toEqual(scenarioTextEntries(tiny));
    expect(doc.units.every((u) => u.target === null && u.state === 'initial')).toBe(true);
  });

  it('gives context: where the text appears, the length limit, the source hash and glossary terms', () => {
    const unit = (key: string): string => xlf.slice(xlf.indexOf(`<unit id="${key}"`), xlf.indexOf('</unit>', xlf.indexOf(`<unit id="${key}"`)));
    const label = unit('nodes.d1.options.deploy.label');
    expect(label).toContain('The button text of option &quot;Deploy the battalion forward&quot; (deploy) of decision &quot;The warning&quot; (d1).');
    expect(label).toContain('At most 90 characters (the English has 28).');
    expect(label).toContain(`<note category="source-hash">${sourceHash('Deploy the battalion forward')}</note>`);
    expect(unit('nodes.d1.positions.pol.text')).toContain('What the DSRSG (Political) advises at decision &quot;The warning&quot; (d1)');
    const rumour = unit('nodes.d1.options.talk.consequences.rumour.text');
    expect(rumour).toContain('<gls:term source="glossary">UN</gls:term>');
    expect(rumour).toContain('<gls:translation source="glossary">Naciones Unidas</gls:translation>');
    expect(unit('title')).not.toContain('gls:');
    expect(textContext(tiny, 'injects.flash.text')).toEqual({ where: 'The body of a message arriving in the feed (report "flash").', limit: 500 });
  });

  it('finds glossary terms as whole words, with a plural s, case-sensitively', () => {
    expect(termsIn('Two UNs and the MLT', glossary).map((g) => g.term)).toEqual(['UN', 'MLT']);
    expect(termsIn('UNHQ, unable, MLTx', glossary)).toEqual([]);
  });
});

describe('XLIFF import', () => {
  const xlf = exportXliff(tiny, { lang: 'es', glossary });

  it('round-trips: every target comes back as a translation with the hash of its source', () => {
    const filled = translateAll(xlf, (k, s) => `ES[${k}] ${s} <&> "q" 'a'\nline`);
    const r = importXliff(tiny, parseXliff(filled), undefined);
    expect(r.updated).toBe(scenarioTextEntries(tiny).length);
    expect(r.warnings).toEqual([]);
    const file = readTranslationFile(parse(r.text));
    for (const [k, s] of scenarioTextEntries(tiny)) {
      expect(file.get(k)).toEqual({ text: `ES[${k}] ${s} <&> "q" 'a'\nline`, source: sourceHash(s) });
    }
    const status = translationStatus(tiny, parse(r.text));
    expect([status.missing, status.stale, status.unverified, status.unknown]).toEqual([[], [], [], []]);
    // Exporting again carries the translations as targets, marked translated; importing that changes nothing.
    const again = exportXliff(tiny, { lang: 'es', existing: parse(r.text) });
    expect(parseXliff(again).units.every((u) => u.state === 'translated' && u.target?.startsWith('ES['))).toBe(true);
    const r2 = importXliff(tiny, parseXliff(again), parse(r.text));
    expect(r2.updated).toBe(0);
    expect(r2.text).toBe(r.text);
    // And the game applies the file.
    const localized = localizeScenario(tiny, Object.fromEntries([...file].map(([k, e]) => [k, e.text])));
    expect(localized.nodes[0]?.title).toBe(`ES[nodes.d1.title] The warning <&> "q" 'a'\nline`);
  });

  it('keeps translations a partial file does not touch, and reports stale ones after the English changes', () => {
    const first = importXliff(tiny, parseXliff(translateAll(xlf, (_k, s) => `es: ${s}`)), undefined);
    const partial = translateAll(exportXliff(tiny, { lang: 'es' }), (k, s) => (k === 'title' ? 'Escenario diminuto' : s)).replace(/<target xml:space="preserve">(?!Escenario)[^<]*<\/target>\n\s*/g, '');
    const second = importXliff(tiny, parseXliff(partial), parse(first.text));
    expect(second.updated).toBe(1);
    expect(second.kept).toBe(scenarioTextEntries(tiny).length - 1);
    expect(readTranslationFile(parse(second.text)).get('setting')?.text).toBe('es: Kessrin, a test');

    const changed = { ...tiny, title: 'A tiny scenario, renamed' };
    const status = translationStatus(changed, parse(second.text));
    expect(status.stale).toEqual(['title']);
    const re = parseXliff(exportXliff(changed, { lang: 'es', existing: parse(second.text) }));
    const title = re.units.find((u) => u.key === 'title');
    expect(title).toMatchObject({ state: 'initial', target: 'Escenario diminuto', source: 'A tiny scenario, renamed' });
    // A file exported from the old English is imported but stays stale.
    const old = importXliff(changed, parseXliff(partial), parse(second.text));
    expect(old.warnings.join('\n')).toMatch(/the English of "title" has changed since this file was exported/);
    expect(translationStatus(changed, parse(old.text)).stale).toEqual(['title']);
  });

  it('reads bare strings as translations of unknown age, and lists keys the scenario lacks', () => {
    const status = translationStatus(tiny, { title: 'Escenario', 'nodes.zz.title': { text: 'x', source: '00000000' } });
    expect(status.unverified).toEqual(['title']);
    expect(status.unknown).toEqual(['nodes.zz.title']);
    expect(status.missing).toHaveLength(scenarioTextEntries(tiny).length - 1);
  });

  it('refuses files for another scenario, another source language or with broken structure, with a position and code', () => {
    const err = (text: string): XliffError => {
      try {
        importXliff(tiny, parseXliff(text), undefined);
      } catch (e) {
        return e as XliffError;
      }
      throw new Error('no error');
    };
    expect(err(xlf.replace('<file id="tiny"', '<file id="other"')).message).toBe('This file is for scenario "other", not "tiny".');
    expect(err(xlf.replace('srcLang="en"', 'srcLang="de"')).code).toBe('XLF003');
    expect(err(xlf.replace('version="2.0"', 'version="1.2"')).message).toMatch(/^XLIFF version "1.2" is not supported/);
    expect(err(xlf.replace('<xliff xmlns', '<xlf xmlns').replace('</xliff>', '</xlf>')).message).toMatch(/root element is <xlf>/);
    const e = err(xlf.replace('<source xml:space="preserve">The warning</source>', '<source xml:space="preserve">The warning</source><target>a <pc id="1">b</pc></target>'));
    expect(e.message).toMatch(/<pc> inside <target> is not supported/);
    const broken = err(xlf.replace('</segment>', ''));
    expect([broken.code, broken.line]).toEqual(['XLF001', 15]);
    expect(broken.message).toMatch(/^Not well-formed XML: <\/unit> closes <segment> \(opened at line 12, column 7\)\.$/);
    expect(err(xlf.replace('<segment state="initial">', '<segment state="done">')).message).toMatch(/Segment state "done"/);
    const dup = xlf.replace('<unit id="setting"', '<unit id="title"');
    expect(err(dup).message).toBe('Unit "title" appears twice.');
  });
});

describe('the XML reader', () => {
  it('reads elements, attributes, references and CDATA', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a x="1 &amp; &#x41;&#66;" y=\'&quot;\'><b>t&lt;x&gt;</b><![CDATA[<raw>&amp;]]></a>\n');
    expect(root.attrs).toEqual({ x: '1 & AB', y: '"' });
    expect(textOf(root)).toBe('t<x><raw>&amp;');
  });

  it.each([
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DOCTYPE is not allowed/],
    ['<a>&x;</a>', /Unknown entity &x;/],
    ['<a>&#0;</a>', /does not allow/],
    ['<a>&#xD800;</a>', /does not allow/],
    ['<a b="1" b="2"/>', /appears twice/],
    ['<a><b></a>', /closes <b>/],
    ['<a>', /is never closed/],
    ['<a/><b/>', /Only comments may follow/],
    ['text', /Expected the root element/],
    ['<a b=1/>', /must be in quotes/],
    ['<a b="<"/>', /"<" is not allowed in an attribute value/],
    ['<a>]]></a>', /"]]>" is not allowed in text/],
    ['<a>\u0001</a>', /U\+0001 is not allowed/],
    ['<a><!-- a -- b --></a>', /"--" is not allowed inside a comment/],
    [`${'<a>'.repeat(70)}${'</a>'.repeat(70)}`, /nested more than 64 deep/],
  ])('refuses %j', (text, message) => {
    expect(() => parseXml(text)).toThrow(message);
  });

  it('gives the line and column of a problem', () => {
    try {
      parseXml('<a>\n  <b>\n  </c>\n</a>');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(XmlError);
      expect([(e as XmlError).line, (e as XmlError).col]).toEqual([3, 3]);
    }
  });

  it('round-trips any text through escapeXml (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (text, attr) => {
        const root = parseXml(`<a v="${escapeXml(attr)}">${escapeXml(text)}</a>`);
        expect(root.attrs.v).toBe(attr.replace(/\r\n?/g, (m) => m));
        expect(textOf(root)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but XmlError/XliffError on arbitrary or mutated input (fuzz)', () => {
    const base = exportXliff(tiny, { lang: 'fr' });
    const mutated = fc
      .tuple(fc.nat(base.length), fc.nat(40), fc.string({ maxLength: 12 }))
      .map(([at, cut, ins]) => base.slice(0, at) + ins + base.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), mutated), (text) => {
        try {
          parseXliff(text);
        } catch (e) {
          expect(e).toBeInstanceOf(XliffError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('xliff CLI', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'mandate-xliff-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('exports, imports into locales/<lang>.yaml, and check is then clean for that language', () => {
    cpSync(join(FIXTURES, 'tiny', 'scenario.yaml'), join(tmp, 'scenario.yaml'));
    writeFileSync(join(tmp, 'scenario.yaml'), readFileSync(join(tmp, 'scenario.yaml'), 'utf8').replace(/^durationMinutes: (\d+)$/m, 'durationMinutes: $1\nlanguages: [en, es]'));
    const xlfPath = join(tmp, 'tiny-es.xlf');
    const ex = runCli(['xliff', 'export', join(tmp, 'scenario.yaml'), '--lang', 'es', '--out', xlfPath]);
    expect(ex.code).toBe(0);
    expect(ex.stderr).toMatch(/units, en → es/);
    writeFileSync(xlfPath, translateAll(readFileSync(xlfPath, 'utf8'), (_k, s) => `«${s}»`));
    const im = runCli(['xliff', 'import', xlfPath, '--scenario', join(tmp, 'scenario.yaml')]);
    expect(im.stderr).toBe('');
    expect(im.stdout).toMatch(/^Wrote .*locales\/es\.yaml: 54 translation\(s\) added or changed, 0 kept, from 54 unit\(s\)\.$/m);
    expect(compileFile(join(tmp, 'scenario.yaml'), loadShared()).diagnostics).toEqual([]);
  });

  it('refuses a malformed file with file:line:col and a code, and writes nothing', () => {
    const bad = join(tmp, 'bad.xlf');
    writeFileSync(bad, '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">\n  <file id="tiny"><unit id="title"><segment><source>x</source></segment></unit>\n</xliff>\n');
    const r = runCli(['xliff', 'import', bad, '--scenario', join(tmp, 'scenario.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.xlf:4:1 error XLF001 Not well-formed XML: <\/xliff> closes <file>/);
    expect(existsSync(join(tmp, 'locales', 'ru.yaml'))).toBe(false);
    writeFileSync(bad, Buffer.from([0x3c, 0x61, 0xff, 0x3e]));
    expect(runCli(['xliff', 'import', bad]).stderr).toMatch(/XLF001 The file is not UTF-8 text/);
    expect(runCli(['xliff', 'export', 'tiny-nope', '--lang', 'es']).code).toBe(2);
    expect(runCli(['xliff', 'export', join(tmp, 'scenario.yaml')]).stderr).toMatch(/needs --lang/);
  });
});
