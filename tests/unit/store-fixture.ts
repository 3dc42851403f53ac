/**
 * A tiny hand-made scenario bundle for the store tests: two towns, two decisions with deadlines,
 * real-time countdowns and timeouts, one timed inject, one delayed consequence and two endings.
 */
import type { LibraryEntry, ScenarioBundle } from '../../src/engine';

export function fixtureBundle(overrides: { hash?: string } = {}): ScenarioBundle {
  return {
    hash: overrides.hash ?? 'fixture-hash-1',
    polarities: [
      {
        id: 'force_consent',
        kind: 'polarity',
        title: 'Protection by force or host consent',
        section: '§4.2.6',
        pole_a: 'Protect by force',
        pole_b: 'Keep host consent',
        summary: 'Using force to protect can cost consent.',
      },
    ],
    world: {
      schemaVersion: 1,
      id: 'test-world',
      name: 'Testland',
      summary: 'A test world.',
      map: { width: 100, height: 100, border: [[0, 0], [100, 0], [100, 100], [0, 100]] },
      regions: [{ id: 'north', name: 'North', polygon: [[0, 0], [100, 0], [100, 50], [0, 50]] }],
      lakes: [],
      rivers: [],
      towns: [
        { id: 'alden', name: 'Alden', at: [20, 20], region: 'north', kind: 'capital' },
        { id: 'brisk', name: 'Brisk', at: [70, 30], region: 'north', kind: 'town' },
      ],
      quarters: [],
      sites: [],
      crossings: [],
      roads: [{ id: 'r1', kind: 'road', via: ['alden', 'brisk'] }],
      neighbours: [],
      factions: [],
      government: { summary: 'A government.', offices: [] },
      mission: {
        id: 'unmt',
        name: 'UN Mission in Testland',
        short: 'UNMT',
        mandate: 'Protect civilians.',
        headquarters: 'alden',
        strength: { troops: 100, police: 10, civilians: 5 },
      },
      contributors: [{ id: 'c1', name: 'Contributor', kind: 'tcc', provides: 'infantry' }],
      units: [{ id: 'bat1', name: 'Battalion 1', short: 'BAT1', kind: 'infantry', contributor: 'c1', home: 'alden' }],
      organizations: [],
    },
    scenario: {
      schemaVersion: 1,
      id: 'test-crisis',
      version: 1,
      title: 'Test crisis',
      world: 'test-world',
      setting: 'Testland, now',
      summary: 'A small crisis for tests.',
      languages: ['en'],
      durationMinutes: 10,
      seats: [
        { id: 'hom', role: 'hom', title: 'Head of Mission' },
        { id: 'fc', role: 'fc', title: 'Force Commander' },
      ],
      clock: { start: 480, zero: 600, zeroLabel: 'H' },
      briefing: { mandate: 'Protect civilians.', situation: 'An armed group advances on Brisk.', role: 'You lead the mission.' },
      meters: [
        { id: 'safety', label: 'Civilian safety', start: 50 },
        { id: 'consent', label: 'Host-state consent', start: 60 },
      ],
      polarities: [{ id: 'force_consent', band: 40, persistence: 2 }],
      advisers: [
        { id: 'fc', role: 'fc', title: 'Force Commander', consultMinutes: 30 },
        { id: 'pol', role: 'dsrsg-pol', title: 'DSRSG Political', consultMinutes: 30 },
      ],
      start: 'warn',
      nodes: [
        {
          id: 'warn',
          kind: 'decision',
          title: 'The group advances',
          text: 'Fighters are two hours from Brisk.',
          deadline: 120,
          realTimeSeconds: 60,
          positions: [
            { adviser: 'fc', recommends: 'deploy', text: 'Deploy now.' },
            { adviser: 'pol', recommends: 'talk', text: 'Talk to the government first.' },
          ],
          options: [
            {
              id: 'deploy',
              label: 'Deploy the battalion',
              minutes: 60,
              leans: [{ polarity: 'force_consent', toward: 'a', weight: 2 }],
              effects: [{ meter: 'safety', add: 10 }],
              consequences: [
                {
                  id: 'backlash',
                  delay: 90,
                  title: 'The government protests',
                  text: 'The minister calls the deployment a violation.',
                  effects: [{ meter: 'consent', add: -10 }],
                  incident: { at: 'brisk', kind: 'protest' },
                },
              ],
              next: 'second',
              branches: [],
            },
            {
              id: 'talk',
              label: 'Talk to the government',
              minutes: 60,
              leans: [{ polarity: 'force_consent', toward: 'b', weight: 1 }],
              effects: [{ meter: 'consent', add: 5 }],
              consequences: [],
              next: 'second',
              branches: [],
            },
          ],
          timeout: {
            title: 'No decision in time',
            text: 'The fighters reach Brisk unopposed.',
            leans: [],
            effects: [{ meter: 'safety', add: -20 }],
            consequences: [],
            next: 'second',
            branches: [],
          },
          cites: ['§4.2.6'],
          studyNote: 'Act early on protection threats.',
        },
        {
          id: 'second',
          kind: 'decision',
          title: 'Brisk at dawn',
          deadline: 60,
          realTimeSeconds: 30,
          positions: [],
          options: [
            { id: 'protect', label: 'Protect the site', minutes: 120, leans: [], effects: [{ meter: 'safety', add: 5 }], consequences: [], next: 'end', branches: [] },
            { id: 'withdraw', label: 'Withdraw', minutes: 0, leans: [], effects: [{ meter: 'safety', add: -30 }], consequences: [], next: 'end', branches: [] },
          ],
          timeout: { title: 'Paralysis', text: 'Nothing happens.', leans: [], effects: [], consequences: [], next: 'end', branches: [] },
          cites: [],
        },
        { id: 'end', kind: 'end', title: 'The end', positions: [], options: [], cites: [] },
      ],
      injects: [
        {
          id: 'cable',
          at: 500,
          manual: false,
          channel: 'cable',
          from: 'UNHQ',
          title: 'Headquarters asks for a plan',
          text: 'Send us your plan by noon.',
          effects: [],
        },
      ],
      endings: [
        { id: 'held', title: 'Brisk held', text: 'The town is safe.', tone: 'good', when: { meter: 'safety', gte: 55 } },
        { id: 'fell', title: 'Brisk fell', text: 'The town fell.', tone: 'bad' },
      ],
      benchmarks: [{ id: 'safe', text: 'Civilians are safe', when: { meter: 'safety', gte: 55 }, cites: ['§4.2.6'] }],
      map: { units: [], markers: [] },
    },
  };
}

export function fixtureLibrary(bundle: ScenarioBundle = fixtureBundle()): LibraryEntry[] {
  const s = bundle.scenario;
  return [
    {
      id: s.id,
      version: s.version,
      title: s.title,
      setting: s.setting,
      summary: s.summary,
      durationMinutes: s.durationMinutes,
      decisions: 2,
      polarities: [{ id: 'force_consent', title: 'Protection by force or host consent' }],
      seats: s.seats.map((x) => ({ id: x.id, title: x.title })),
      hash: bundle.hash,
    },
  ];
}
