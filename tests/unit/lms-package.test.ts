// The packages' course structures: generated for each format and checked — well-formed, the
// specification's root, namespaces and required elements, references that resolve, hrefs in the zip.
import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../src/cli/package/check-package';
import { courseStructure, PACKAGE_FORMATS, type PackageDescription } from '../../src/cli/package/manifests';
import { activityId } from '../../src/lms/activity-ids';

const FILES = ['index.html', 'assets/index-abc12345.js', 'assets/audio/inject.ogg', 'assets/a & b.png'];
const desc = (over: Partial<PackageDescription> = {}): PackageDescription => ({
  identifier: 'mandate-poc-red-lines-0.1.0',
  title: 'Mandate — The Line at "Kessrin" & <more>',
  description: 'A test package.',
  scenarioId: 'poc-red-lines',
  files: FILES,
  activityBase: 'https://lms.example.org/xapi/mandate',
  masteryScore: 60,
  ...over,
});

describe.each(PACKAGE_FORMATS)('%s course structure', (format) => {
  it('passes its check for a scenario package and for the library package', () => {
    for (const d of [desc(), desc({ scenarioId: null })]) {
      const { text } = courseStructure(format, d);
      expect(checkPackage(format, text, new Set(FILES))).toEqual([]);
    }
  });

  it('reports a launch file missing from the zip, with file:line:col', () => {
    const { name, text } = courseStructure(format, desc());
    const problems = checkPackage(format, text, new Set(FILES.filter((f) => f !== 'index.html')));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+ .*index\\.html`));
  });

  it('reports XML that is not well-formed', () => {
    const { text } = courseStructure(format, desc());
    expect(checkPackage(format, text.replace('</title>', ''), new Set(FILES))[0]).toMatch(/not well-formed/);
  });
});

describe('scorm manifests', () => {
  it('name the specification version and launch the package scenario', () => {
    const m12 = courseStructure('scorm12', desc()).text;
    expect(m12).toContain('<schemaversion>1.2</schemaversion>');
    expect(m12).toContain('adlcp:scormtype="sco" href="index.html?scenario=poc-red-lines"');
    const m04 = courseStructure('scorm2004', desc()).text;
    expect(m04).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(m04).toContain('parameters="?scenario=poc-red-lines"');
    expect(m04).toContain('adlcp:scormType="sco" href="index.html"');
  });

  it('catch a wrong namespace and a dangling identifierref', () => {
    const text = courseStructure('scorm2004', desc()).text;
    expect(checkPackage('scorm2004', text.replace('imscp_v1p1"', 'imscp_v1p2"'), new Set(FILES)).join()).toMatch(/default namespace/);
    expect(checkPackage('scorm12', courseStructure('scorm12', desc()).text.replace('identifierref="mandate-sco"', 'identifierref="nope"'), new Set(FILES)).join()).toMatch(/names no <resource>/);
  });
});

describe('activityId()', () => {
  it('joins with "/" under an http base and ":" under a urn, escaping each part', () => {
    expect(activityId('https://lms.example.org/mandate/', 'scenario', 'poc-red-lines', 'decision', 'n3')).toBe('https://lms.example.org/mandate/scenario/poc-red-lines/decision/n3');
    expect(activityId('urn:mandate', 'scenario', 'a b')).toBe('urn:mandate:scenario:a%20b');
  });
});
