/**
 * The course-structure files of Mandate's LMS packages: SCORM 1.2 and SCORM 2004 4th edition
 * imsmanifest.xml (one SCO) and the cmi5 course structure (cmi5.xml, one AU). Pure functions of
 * the package description, so tests can check them without building the site.
 */
import { escapeXml } from '../../engine/content/xliff-xml';
import { activityId } from '../../lms/activity-ids';

export type PackageFormat = 'scorm12' | 'scorm2004' | 'cmi5';
export const PACKAGE_FORMATS: readonly PackageFormat[] = ['scorm12', 'scorm2004', 'cmi5'];

export interface PackageDescription {
  /** The package's identifier (letters, digits, dots, dashes). */
  identifier: string;
  title: string;
  description: string;
  /** The scenario a single-scenario package starts, or null for the whole library. */
  scenarioId: string | null;
  /** Every file of the site, relative to the package root, with "/" separators. */
  files: string[];
  /** The base of Mandate's activity ids (docs/lms.md, "Activity ids"); used for cmi5's course and AU ids. */
  activityBase: string;
  /** The mastery score (0..100) named in cmi5.xml. */
  masteryScore: number;
}

const LAUNCH = 'index.html';
const query = (d: PackageDescription): string => (d.scenarioId ? `?scenario=${encodeURIComponent(d.scenarioId)}` : '');
const files = (d: PackageDescription, indent: string): string => d.files.map((f) => `${indent}<file href="${escapeXml(f)}"/>`).join('\n');

/** SCORM 1.2 (IMS Content Packaging 1.1.2 + ADL CP 1.2). The launch carries ?scenario= in its href. */
export function scorm12Manifest(d: PackageDescription): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(d.identifier)}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="mandate-org">
    <organization identifier="mandate-org">
      <title>${escapeXml(d.title)}</title>
      <item identifier="mandate-item" identifierref="mandate-sco" isvisible="true">
        <title>${escapeXml(d.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="mandate-sco" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(LAUNCH + query(d))}">
${files(d, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** SCORM 2004 4th edition (IMS CP 1.1.4 + ADL CP/SEQ/NAV 1.3). The launch's ?scenario= is the item's parameters. */
export function scorm2004Manifest(d: PackageDescription): string {
  const params = query(d);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(d.identifier)}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="mandate-org">
    <organization identifier="mandate-org">
      <title>${escapeXml(d.title)}</title>
      <item identifier="mandate-item" identifierref="mandate-sco" isvisible="true"${params ? ` parameters="${escapeXml(params)}"` : ''}>
        <title>${escapeXml(d.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="mandate-sco" type="webcontent" adlcp:scormType="sco" href="${LAUNCH}">
${files(d, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** cmi5 course structure (one AU). The AU is launched by the LMS with the cmi5 launch parameters. */
export function cmi5CourseStructure(d: PackageDescription): string {
  const course = activityId(d.activityBase, 'course', d.scenarioId ?? 'library');
  const au = d.scenarioId ? activityId(d.activityBase, 'scenario', d.scenarioId) : activityId(d.activityBase, 'library');
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(course)}">
    <title><langstring lang="en-US">${escapeXml(d.title)}</langstring></title>
    <description><langstring lang="en-US">${escapeXml(d.description)}</langstring></description>
  </course>
  <au id="${escapeXml(au)}" moveOn="CompletedOrPassed" masteryScore="${(d.masteryScore / 100).toFixed(2)}" launchMethod="AnyWindow">
    <title><langstring lang="en-US">${escapeXml(d.title)}</langstring></title>
    <description><langstring lang="en-US">${escapeXml(d.description)}</langstring></description>
    <url>${escapeXml(LAUNCH + query(d))}</url>
  </au>
</courseStructure>
`;
}

export function courseStructure(format: PackageFormat, d: PackageDescription): { name: string; text: string } {
  if (format === 'cmi5') return { name: 'cmi5.xml', text: cmi5CourseStructure(d) };
  return { name: 'imsmanifest.xml', text: format === 'scorm12' ? scorm12Manifest(d) : scorm2004Manifest(d) };
}
