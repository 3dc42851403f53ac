import type { Condition } from '../types';

/**
 * A condition in one short line for graphs and reports: `DEPLOYED & credibility≥45`,
 * `!TALKS_HALT`, `chose a7.enforce | chose a7.graduated`, `consulted a5.dsrsg-hc`, `t≥600`.
 */
export function summariseCondition(cond: Condition): string {
  const group = (c: Condition): string => {
    const s = summariseCondition(c);
    return (c.all && c.all.length > 1) || (c.any && c.any.length > 1) ? `(${s})` : s;
  };
  if (cond.all) return cond.all.map(group).join(' & ');
  if (cond.any) return cond.any.map(group).join(' | ');
  if (cond.not) return `!${group(cond.not)}`;
  if (cond.flag !== undefined) return cond.is === false ? `!${cond.flag}` : cond.flag;
  if (cond.meter !== undefined) {
    const parts: string[] = [];
    if (cond.gte !== undefined) parts.push(`${cond.meter}≥${cond.gte}`);
    if (cond.lt !== undefined) parts.push(`${cond.meter}<${cond.lt}`);
    return parts.join(' & ');
  }
  if (cond.chose !== undefined) return `chose ${cond.chose}`;
  if (cond.consulted !== undefined) return `consulted ${cond.consulted}`;
  if (cond.seat !== undefined) return `seat ${cond.seat}`;
  if (cond.time !== undefined) {
    const parts: string[] = [];
    if (cond.time.gte !== undefined) parts.push(`t≥${cond.time.gte}`);
    if (cond.time.lt !== undefined) parts.push(`t<${cond.time.lt}`);
    return parts.join(' & ');
  }
  if (cond.polarity !== undefined) return `${cond.polarity} beyond ${cond.beyond?.toUpperCase()}`;
  return '?';
}
