/**
 * Checks a package's course structure against what can be checked without the XSDs: well-formed XML
 * (a strict reader), the right root element and namespace, the elements each specification requires,
 * identifier references that resolve, and every href naming a file that is in the zip.
 * Returns the problems found (empty: the package passed).
 */
import { elements, parseXml, textOf, XmlError, type XmlElement } from '../../engine/content/xliff-xml';
import type { PackageFormat } from './manifests';

const NS: Record<PackageFormat, string> = {
  scorm12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  scorm2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  cmi5: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
};
const ADLCP: Partial<Record<PackageFormat, string>> = {
  scorm12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  scorm2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
};
const SCHEMA_VERSION: Partial<Record<PackageFormat, string>> = { scorm12: '1.2', scorm2004: '2004 4th Edition' };
const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'];

const one = (el: XmlElement, name: string): XmlElement | undefined => elements(el, name)[0];
/** The path part of an href (no query, no fragment), percent-decoded. */
const fileOf = (href: string): string => decodeURIComponent(href.split(/[?#]/)[0] ?? '');

export function checkPackage(format: PackageFormat, xml: string, filesInZip: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const file = format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml';
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) return [`${file}:${e.line}:${e.col} not well-formed: ${e.message}`];
    throw e;
  }
  const at = (el: XmlElement) => `${file}:${el.line}:${el.col}`;
  const need = (cond: unknown, el: XmlElement, message: string) => {
    if (!cond) problems.push(`${at(el)} ${message}`);
  };

  if (format === 'cmi5') {
    need(root.name === 'courseStructure', root, `the root element must be <courseStructure>, not <${root.name}>`);
    need(root.attrs.xmlns === NS.cmi5, root, `the default namespace must be ${NS.cmi5}`);
    const course = one(root, 'course');
    need(course?.attrs.id, root, '<course id="…"> is required');
    if (course) need(one(course, 'title') && elements(one(course, 'title')!, 'langstring').length, course, '<course> needs a <title> with a <langstring>');
    const aus = elements(root, 'au');
    need(aus.length > 0, root, 'at least one <au> is required');
    for (const au of aus) {
      need(au.attrs.id, au, '<au id="…"> is required');
      need(!au.attrs.moveOn || MOVE_ON.includes(au.attrs.moveOn), au, `moveOn must be one of ${MOVE_ON.join(', ')}`);
      const mastery = au.attrs.masteryScore;
      need(mastery === undefined || (Number(mastery) >= 0 && Number(mastery) <= 1), au, 'masteryScore must be a decimal from 0 to 1');
      need(one(au, 'title'), au, '<au> needs a <title>');
      const url = one(au, 'url');
      need(url, au, '<au> needs a <url>');
      if (url) need(filesInZip.has(fileOf(textOf(url).trim())), url, `the AU's url "${textOf(url).trim()}" is not a file in the package`);
    }
    return problems;
  }

  need(root.name === 'manifest', root, `the root element must be <manifest>, not <${root.name}>`);
  need(root.attrs.identifier, root, '<manifest identifier="…"> is required');
  need(root.attrs.xmlns === NS[format], root, `the default namespace must be ${NS[format]}`);
  need(root.attrs['xmlns:adlcp'] === ADLCP[format], root, `xmlns:adlcp must be ${ADLCP[format]}`);
  const metadata = one(root, 'metadata');
  need(metadata && textOf(one(metadata, 'schema') ?? { name: '', attrs: {}, children: [], line: 0, col: 0 }).trim() === 'ADL SCORM', root, '<metadata><schema>ADL SCORM</schema> is required');
  need(metadata && textOf(one(metadata, 'schemaversion') ?? { name: '', attrs: {}, children: [], line: 0, col: 0 }).trim() === SCHEMA_VERSION[format], root, `<schemaversion>${SCHEMA_VERSION[format]}</schemaversion> is required`);
  const organizations = one(root, 'organizations');
  const resources = one(root, 'resources');
  need(organizations, root, '<organizations> is required');
  need(resources, root, '<resources> is required');
  if (!organizations || !resources) return problems;
  const orgs = elements(organizations, 'organization');
  need(orgs.length > 0, organizations, 'at least one <organization> is required');
  need(orgs.some((o) => o.attrs.identifier === organizations.attrs.default), organizations, `default="${organizations.attrs.default ?? ''}" names no <organization>`);
  const resourceById = new Map(elements(resources, 'resource').map((r) => [r.attrs.identifier ?? '', r]));
  const scormType = format === 'scorm12' ? 'adlcp:scormtype' : 'adlcp:scormType';
  let scos = 0;
  const items = (el: XmlElement): XmlElement[] => elements(el, 'item').flatMap((i) => [i, ...items(i)]);
  for (const org of orgs) {
    need(one(org, 'title'), org, '<organization> needs a <title>');
    for (const item of items(org)) {
      need(item.attrs.identifier, item, '<item identifier="…"> is required');
      need(one(item, 'title'), item, '<item> needs a <title>');
      const ref = item.attrs.identifierref;
      if (ref === undefined) continue;
      const res = resourceById.get(ref);
      need(res, item, `identifierref="${ref}" names no <resource>`);
      if (res?.attrs[scormType] === 'sco') scos++;
    }
  }
  need(scos === 1, organizations, `a single-SCO package has exactly one item launching a SCO (found ${scos})`);
  for (const res of resourceById.values()) {
    need(res.attrs.identifier, res, '<resource identifier="…"> is required');
    need(res.attrs.type === 'webcontent', res, 'type must be "webcontent"');
    need(res.attrs[scormType] === 'sco' || res.attrs[scormType] === 'asset', res, `${scormType} must be "sco" or "asset"`);
    if (res.attrs.href !== undefined) need(filesInZip.has(fileOf(res.attrs.href)), res, `href "${res.attrs.href}" is not a file in the package`);
    const listed = elements(res, 'file');
    need(listed.length > 0, res, 'a <resource> lists its <file>s');
    const missing = listed.map((f) => f.attrs.href ?? '').filter((h) => !filesInZip.has(fileOf(h)));
    need(missing.length === 0, res, `${missing.length} <file> href(s) not in the package, e.g. ${missing.slice(0, 3).join(', ')}`);
  }
  return problems;
}
