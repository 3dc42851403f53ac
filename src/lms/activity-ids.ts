/**
 * Mandate's activity ids (xAPI / cmi5), stable across versions of the game and of a scenario, and
 * documented in docs/lms.md and the authoring guide ("Activity ids"):
 *
 *   <base>/scenario/<scenario id>                     the scenario (a cmi5 AU, an xAPI "simulation")
 *   <base>/scenario/<scenario id>/decision/<node id>  one decision (an xAPI "interaction", choice)
 *   <base>/scenario/<scenario id>/ending/<ending id>  an ending reached
 *   <base>/scenario/<scenario id>/debrief            the debrief
 *   <base>/course/<scenario id | library>            a cmi5 course
 *   <base>/library                                   the library (a package of every scenario)
 *
 * The base is a deployment's IRI (mandate.config.json "activityBase", or the package's
 * --activity-base); without one it is "urn:mandate", and the separator is then ":"
 * (urn:mandate:scenario:poc-red-lines:decision:n3). Ids are authors' ids, never positions, so
 * recording stays comparable when a scenario is revised.
 */
export const DEFAULT_ACTIVITY_BASE = 'urn:mandate';

export function activityId(base: string, ...parts: string[]): string {
  const clean = base.replace(/[/:]+$/, '');
  const sep = /^urn:/i.test(clean) ? ':' : '/';
  return [clean, ...parts.map((p) => encodeURIComponent(p))].join(sep);
}
