/**
 * Finding an LMS's SCORM API object. Tiny and dependency-free: the app checks for an LMS with it
 * and loads the adapter (./scorm.ts) only when one is found.
 */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string | number;
}

export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string | number;
}

export type ScormApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

type ApiWindow = { API?: Scorm12Api; API_1484_11?: Scorm2004Api; parent?: ApiWindow | null; opener?: ApiWindow | null };

/**
 * The LMS's API, searched as the SCORM run-time environment books describe: this window and its
 * parents (at most 10 levels), then the opener's chain. SCORM 2004's API_1484_11 is preferred when a
 * frame offers both. Cross-origin frames are skipped (reading them throws).
 */
export function findScormApi(start: ApiWindow): ScormApi | null {
  const search = (from: ApiWindow | null | undefined): ScormApi | null => {
    let win = from;
    for (let depth = 0; win && depth <= 10; depth++) {
      try {
        if (win.API_1484_11 && typeof win.API_1484_11.Initialize === 'function') return { version: '2004', api: win.API_1484_11 };
        if (win.API && typeof win.API.LMSInitialize === 'function') return { version: '1.2', api: win.API };
      } catch {
        return null; // a cross-origin frame: the LMS is not up this chain
      }
      let parent: ApiWindow | null | undefined;
      try {
        parent = win.parent;
      } catch {
        return null;
      }
      if (!parent || parent === win) break;
      win = parent;
    }
    return null;
  };
  const openerOf = (win: ApiWindow): ApiWindow | null => {
    try {
      return win.opener ?? null;
    } catch {
      return null;
    }
  };
  return search(start) ?? search(openerOf(start));
}

