/**
 * The scenario format. The schema is the type: every content shape is declared once here, with
 * descriptions that double as editor hover help; the TypeScript types and the JSON Schema for
 * editors are derived from it. Authors write the lenient input form; `normalizeScenario` turns the
 * parsed output into the strict form the runtime works on (see ../types.ts).
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Ids are kebab-case: lower-case letters, digits and hyphens')
  .describe('A stable id: lower-case letters, digits and hyphens. Log entries and translation keys use it.');
const PolarityId = z
  .string()
  .regex(/^[a-z0-9_]+$/, 'Polarity ids are snake_case, as in the catalogue')
  .describe('A polarity id from scenarios/polarities.yaml (snake_case).');
const FlagId = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'Flags are UPPER_SNAKE_CASE')
  .describe('A flag name, UPPER_SNAKE_CASE. Flags record choices whose consequences come later.');
const Minutes = z.number().int().describe('In-game minutes.');
const Text = z.string().min(1).describe('Text shown to the player (plain text; never HTML).');
const Cite = z
  .string()
  .regex(
    /^(20(10|20) )?(§\d+(\.\d+)*|Box:[A-Za-z]+|Ch\.\d+( [A-Za-z ,'-]+)?|Introduction( [A-Za-z ,'-]+)?)$/,
    'A citation looks like "§4.2.6", "Box:MINUSCA", "Ch.4 use of force", "Introduction principles" or "2010 §3.6.5"',
  )
  .describe('A study section: "§4.2.6" (2020 edition), "2010 §3.6.5", "Box:MINUSCA", "Ch.4 use of force".');

export interface ConditionInput {
  all?: ConditionInput[];
  any?: ConditionInput[];
  not?: ConditionInput;
  flag?: string;
  is?: boolean;
  meter?: string;
  lt?: number;
  gte?: number;
  chose?: string;
  consulted?: string;
  seat?: string;
  time?: { gte?: number; lt?: number };
  polarity?: string;
  beyond?: 'a' | 'b';
}

// The union is built once and memoised: a lazy schema that built a new union on every call would
// recurse forever when the JSON Schema is generated.
let conditionUnion: z.ZodType<ConditionInput> | undefined;
export const ConditionSchema: z.ZodType<ConditionInput> = z.lazy(() => (conditionUnion ??= buildConditionUnion()));

function buildConditionUnion(): z.ZodType<ConditionInput> {
  return z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1).describe('True when every condition holds.') }),
    z.strictObject({ any: z.array(ConditionSchema).min(1).describe('True when at least one condition holds.') }),
    z.strictObject({ not: ConditionSchema.describe('True when the condition does not hold.') }),
    z.strictObject({
      flag: FlagId,
      is: z.boolean().optional().describe('The value to test for (default true).'),
    }),
    z
      .strictObject({
        meter: Id.describe('A meter id declared in `meters`.'),
        lt: z.number().int().optional().describe('True when the meter is below this value.'),
        gte: z.number().int().optional().describe('True when the meter is at least this value.'),
      })
      .refine((c) => c.lt !== undefined || c.gte !== undefined, 'A meter test needs `lt` or `gte`.'),
    z.strictObject({
      chose: z
        .string()
        .regex(/^[a-z0-9-]+\.([a-z0-9-]+|timeout)$/, 'Write `chose: <node>.<option>` (or `<node>.timeout`)')
        .describe('True when the player chose that option at that decision: "node-id.option-id" or "node-id.timeout".'),
    }),
    z.strictObject({
      consulted: z
        .string()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)?$/)
        .describe('True when the adviser was consulted: "adviser-id", or "node-id.adviser-id" for one decision.'),
    }),
    z.strictObject({
      seat: Id.describe(
        'True when the trainee plays this seat (a seat id from `seats`): for content only one seat sees, such as an option that is not that seat\'s to take.',
      ),
    }),
    z.strictObject({
      time: z
        .strictObject({ gte: Minutes.optional(), lt: Minutes.optional() })
        .describe('Tests the in-game clock (minutes since the scenario start).'),
    }),
    z.strictObject({
      polarity: PolarityId,
      beyond: z.enum(['a', 'b']).describe('True when the position lies beyond the healthy band toward that pole.'),
    }),
  ]).describe('A condition: all/any/not, or a test of a flag, meter, choice, consultation, the seat, the clock or a polarity.');
}

export const EffectSchema = z
  .union([
    z.strictObject({
      meter: Id.describe('A meter id declared in `meters`.'),
      add: z.number().int().describe('Integer change; the meter stays within 0..100.'),
    }),
    z.strictObject({
      flag: FlagId,
      set: z.boolean().default(true).describe('The value to set (default true).'),
    }),
  ])
  .describe('An effect: `{meter, add}` changes a meter; `{flag, set}` sets a flag.');

export const LeanSchema = z
  .strictObject({
    polarity: PolarityId,
    toward: z
      .enum(['a', 'b', 'both'])
      .describe('Which pole the option serves; `both` is a both/and move that eases the tension.'),
    weight: z.number().int().min(1).max(3).default(1).describe('How strongly: 1 (slight) to 3 (strong).'),
  })
  .describe('How an option leans on a polarity.');

const IncidentSchema = z
  .strictObject({
    at: Id.describe('A world place id (town, quarter, site, crossing).'),
    kind: z
      .enum(['violence', 'movement', 'protest', 'disinformation', 'displacement', 'strike', 'meeting'])
      .describe('What the map shows.'),
  })
  .describe('An incident marker shown on the situation map.');

export const ConsequenceSchema = z
  .strictObject({
    id: Id,
    delay: Minutes.min(0).default(0).describe('In-game minutes after the decision before it lands.'),
    when: ConditionSchema.optional().describe('Checked when it is due; it lands only if this holds then.'),
    chance: z.number().int().min(1).max(100).optional().describe('Percent chance (keyed random draw).'),
    title: Text.describe('A headline for the feed and the debrief timeline.'),
    text: Text,
    effects: z.array(EffectSchema).default([]),
    incident: IncidentSchema.optional(),
  })
  .describe('A consequence of a decision, immediate or delayed in in-game time.');

const BranchSchema = z.strictObject({
  when: ConditionSchema,
  next: Id.describe('The node to go to when the condition holds (checked after the option took effect).'),
});

export const OptionSchema = z
  .strictObject({
    id: Id,
    label: Text.describe('The option as the player sees it: a short imperative.'),
    text: Text.optional().describe('One or two sentences on what it means in practice.'),
    when: ConditionSchema.optional().describe('The option is offered only when this holds.'),
    minutes: Minutes.min(0).default(0).describe('In-game time the action takes before the next decision.'),
    leans: z.array(LeanSchema).default([]),
    effects: z.array(EffectSchema).default([]).describe('Immediate effects on meters and flags.'),
    consequences: z.array(ConsequenceSchema).default([]),
    next: Id.describe('The node that follows, unless a branch matches.'),
    branches: z.array(BranchSchema).default([]).describe('Ordered alternatives to `next`; the first that holds wins.'),
  })
  .describe('One option of a decision.');

const TimeoutSchema = z
  .strictObject({
    title: Text.describe('What happens when no decision is taken in time (never the safe default).'),
    text: Text,
    leans: z.array(LeanSchema).default([]),
    effects: z.array(EffectSchema).default([]),
    consequences: z.array(ConsequenceSchema).default([]),
    next: Id,
    branches: z.array(BranchSchema).default([]),
  })
  .describe('The outcome when the decision times out: in-game deadline passed or real-time countdown ran out.');

const PositionSchema = z
  .strictObject({
    adviser: Id.describe('An adviser id declared in `advisers`.'),
    recommends: Id.optional().describe('The option this adviser argues for, if any.'),
    text: Text.describe("The adviser's view, in their voice."),
  })
  .describe("An adviser's position at a decision.");

/**
 * Facilitated play. Everything below is FACILITATOR-ONLY (see FACILITATOR_ONLY in ../facilitation.ts):
 * the console shows it, the handouts and prep pack print it, and `presenterView` removes it before
 * anything reaches the presenter window.
 */
const TradeoffSchema = z
  .strictObject({
    option: Id.describe('An option id of this decision.'),
    text: Text.describe('What the option gives and what it costs, in a sentence or two: both poles, never a verdict.'),
  })
  .describe('What one option trades off, for the facilitator to draw out in discussion.');

export const FacilitatorNoteSchema = z
  .strictObject({
    minutes: z
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .describe('Suggested real-time minutes for the room to discuss this decision before it decides.'),
    prompts: z
      .array(Text)
      .min(1)
      .describe('Questions the facilitator puts to the room, in the order to ask them.'),
    teaching: z
      .array(Text)
      .default([])
      .describe('Teaching points to draw out in discussion or the debrief (our own words; cite the sections below).'),
    tradeoffs: z
      .array(TradeoffSchema)
      .default([])
      .describe('For each option of the decision, what it trades off. A scenario that declares `roles` covers every option (SCN039).'),
    cites: z.array(Cite).default([]).describe('The study sections the facilitator can point the room to.'),
    roles: z
      .array(Id)
      .optional()
      .describe('Roles (ids from `roles`) whose brief bears on this decision: ask them first.'),
  })
  .describe('FACILITATOR-ONLY. Notes for the facilitator at this decision: prompts, teaching points, trade-offs, sources, time.');

export const NodeSchema = z
  .strictObject({
    id: Id,
    kind: z.enum(['decision', 'end']).default('decision').describe('`decision` asks the player; `end` closes the scenario and picks an ending.'),
    title: Text,
    at: Minutes.optional().describe('In-game time at which the decision is posed; the clock moves forward to it.'),
    text: Text.optional().describe('The situation as the player reads it.'),
    deadline: Minutes.min(1).optional().describe('In-game minutes available after the decision is posed; consulting uses them up.'),
    realTimeSeconds: z.number().int().min(10).optional().describe('Length of the optional real-time countdown at normal speed.'),
    positions: z.array(PositionSchema).default([]),
    options: z.array(OptionSchema).default([]),
    timeout: TimeoutSchema.optional(),
    cites: z.array(Cite).default([]).describe('The study sections behind how this decision is scored.'),
    studyNote: Text.optional().describe('One line: what the study advises at this kind of decision (our own words).'),
    owners: z
      .array(Id)
      .optional()
      .describe("The seats whose own decision this is (default: every seat). For any other seat it is taken by the seat-holder who owns it, following `npc`, and the player sees it happen."),
    npc: z
      .array(
        z.strictObject({
          when: ConditionSchema.optional().describe('This rule applies when the condition holds; rules are tried in order.'),
          option: Id.describe('The option the owner of the decision takes.'),
        }),
      )
      .optional()
      .describe('How the decision is taken when the player does not own it: ordered rules, the last without `when`.'),
    facilitator: FacilitatorNoteSchema.optional(),
  })
  .describe('A node of the scenario graph.');

const MeterSchema = z.strictObject({
  id: Id,
  label: Text,
  description: Text.optional(),
  start: z.number().int().min(0).max(100).default(50),
});

const ScenarioPolaritySchema = z.strictObject({
  id: PolarityId,
  band: z.number().int().min(10).max(90).default(40).describe('Half-width of the healthy band around the centre (positions run -100..100).'),
  persistence: z.number().int().min(1).max(5).default(2).describe('Decisions in a row beyond the band before the downside lands.'),
  downsideA: z
    .strictObject({ title: Text, text: Text, effects: z.array(EffectSchema).default([]) })
    .optional()
    .describe('What persistent over-leaning toward pole A costs.'),
  downsideB: z
    .strictObject({ title: Text, text: Text, effects: z.array(EffectSchema).default([]) })
    .optional()
    .describe('What persistent over-leaning toward pole B costs.'),
});

const AdviserSchema = z.strictObject({
  id: Id,
  role: z
    .enum(['hom', 'dsrsg-pol', 'dsrsg-rchc', 'fc', 'pc', 'dms', 'cos', 'jmac', 'joc', 'hr', 'gender', 'stratcom', 'csa', 'hofo', 'legal'])
    .describe('The MLT role.'),
  title: Text.describe('The title as shown, e.g. "Force Commander".'),
  consultMinutes: Minutes.min(0).default(30).describe('In-game time a consultation costs.'),
});

const InjectSchema = z
  .strictObject({
    id: Id,
    at: Minutes.optional().describe('Arrives when the in-game clock reaches this time.'),
    when: ConditionSchema.optional().describe('Arrives (once) when this holds, at or after `at`.'),
    optional: z
      .boolean()
      .optional()
      .describe(
        'An optional inject: it never arrives by itself; a facilitator fires it when the room needs pressure (give it a `purpose`).',
      ),
    manual: z.boolean().default(false).describe('The earlier name of `optional` (still read the same way): only a facilitator can fire it.'),
    purpose: Text.optional().describe('FACILITATOR-ONLY. For an optional inject: when to fire it and what it tests.'),
    roles: z
      .array(Id)
      .optional()
      .describe(
        'FACILITATOR-ONLY delivery: a role-private inject (role ids from `roles`). In facilitated play it is revealed on the console only, for the facilitator to pass to those roles; the presenter never shows it.',
      ),
    channel: z.enum(['cable', 'phone', 'radio', 'news', 'social', 'report', 'meeting']),
    from: Text.describe('Who sends it.'),
    title: Text,
    text: Text,
    effects: z.array(EffectSchema).default([]),
    incident: IncidentSchema.optional(),
    seats: z
      .array(Id)
      .optional()
      .describe('Private information: only players in these seats receive it (default: every seat).'),
  })
  .describe('An inject: an outside voice arriving through a channel.');

export const RoleSchema = z
  .strictObject({
    id: Id,
    title: Text.describe('The post as the room knows it, e.g. "Force Commander".'),
    seat: Id.optional().describe('The seat (an id from `seats`) this role corresponds to, if any.'),
    brief: Text.optional().describe(
      'FACILITATOR-ONLY until handed out: what only this role knows (a cable only the Force Commander has seen, the Police Commissioner\'s reading of the contributing country\'s MOU). Printed as a one-page handout. Required (SCN035).',
    ),
  })
  .describe('A Mission Leadership Team role played by someone in the room in facilitated play.');

const EndingSchema = z.strictObject({
  id: Id,
  title: Text,
  text: Text,
  tone: z.enum(['good', 'mixed', 'bad']).default('mixed'),
  when: ConditionSchema.optional().describe('Endings are tried in order; the last one must have no `when` (the fallback).'),
});

const BenchmarkSchema = z.strictObject({
  id: Id,
  text: Text,
  when: ConditionSchema,
  cites: z.array(Cite).default([]),
});

const MapRuleSchema = z.strictObject({
  unit: Id.describe('A world unit id.'),
  at: Id.describe('A world place id.'),
  when: ConditionSchema.optional(),
});

const MapMarkerSchema = z.strictObject({
  id: Id,
  label: Text,
  faction: Id.optional().describe('A world faction id (its colour is used).'),
  at: Id,
  when: ConditionSchema.optional(),
});

const SeatSchema = z
  .strictObject({
    id: Id,
    role: AdviserSchema.shape.role,
    title: Text,
    advisers: z.array(Id).optional().describe('The advisers this seat can consult (default: every adviser).'),
    briefing: z
      .strictObject({
        situation: Text.optional().describe('What this seat sees first, instead of the common situation.'),
        role: Text.optional().describe("This seat's role and authority."),
      })
      .optional(),
  })
  .describe('A seat the player can take: it decides their own decisions, private information and advisers.');

export const ScenarioSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION).describe('The format version; this build reads version 1.'),
    id: Id,
    version: z.number().int().min(1).describe("The scenario's own version; bump it when content changes."),
    title: Text,
    subtitle: Text.optional(),
    world: Id.describe('The world file id (scenarios/world/world.yaml).'),
    setting: Text.describe('One line for the library: where and when.'),
    summary: Text,
    durationMinutes: z.number().int().min(5).max(240).describe('Typical real-time length of play.'),
    contentNote: Text.optional().describe('Shown before play when the scenario depicts violence against civilians.'),
    languages: z
      .array(
        z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'A language is a code such as "en", "fr" or "pt-BR"')
          .describe('A language code such as "en", "fr" or "pt-BR".'),
      )
      .min(1)
      .default(['en'])
      .describe(
        'The languages the scenario is offered in. The first is the language this file is written in; each other one needs a translation file locales/<lang>.yaml beside scenario.yaml (a flat map: text key → translated text).',
      ),
    seats: z.array(SeatSchema).min(1).default([{ id: 'hom', role: 'hom', title: 'Head of Mission' }]),
    clock: z
      .strictObject({
        start: Minutes.default(0).describe('In-game time at the start.'),
        zero: Minutes.default(0).describe('The reference hour shown as H (e.g. the expected arrival of a threat).'),
        zeroLabel: Text.default('H').describe('The label of the reference hour.'),
      })
      .default({ start: 0, zero: 0, zeroLabel: 'H' }),
    briefing: z.strictObject({
      mandate: Text.describe('The mandate extract shown in the briefing.'),
      situation: Text,
      role: Text.describe("The player's role and authority."),
    }),
    meters: z.array(MeterSchema).min(1),
    polarities: z.array(ScenarioPolaritySchema).min(1),
    advisers: z.array(AdviserSchema).default([]),
    roles: z
      .array(RoleSchema)
      .optional()
      .describe(
        'Facilitated play: the MLT roles handed to people in the room, each with a private brief. A scenario that declares roles is held to the facilitated bar by `check` (SCN035–SCN039).',
      ),
    start: Id.describe('The first node.'),
    nodes: z.array(NodeSchema).min(1),
    injects: z.array(InjectSchema).default([]),
    endings: z.array(EndingSchema).min(1),
    benchmarks: z.array(BenchmarkSchema).default([]),
    map: z
      .strictObject({
        focus: Id.optional().describe('A world place id to centre on.'),
        units: z.array(MapRuleSchema).default([]).describe('Where units stand; the last matching rule per unit wins.'),
        markers: z.array(MapMarkerSchema).default([]).describe('Other actors on the map, shown while `when` holds.'),
      })
      .default({ units: [], markers: [] }),
  })
  .describe('A Mandate scenario.');

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioOutput = z.output<typeof ScenarioSchema>;

// ---- the shared world -------------------------------------------------------------------------

const Point = z.tuple([z.number(), z.number()]);
const Polygon = z.array(Point).min(3);

const PlaceBase = { id: Id, name: Text, at: Point, summary: Text.optional() };

export const WorldSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: Id,
    name: Text,
    summary: Text,
    map: z.strictObject({ width: z.number().positive(), height: z.number().positive(), border: Polygon }),
    regions: z.array(z.strictObject({ id: Id, name: Text, polygon: Polygon, summary: Text.optional() })).min(1),
    lakes: z.array(z.strictObject({ id: Id, name: Text, polygon: Polygon })).default([]),
    rivers: z.array(z.strictObject({ id: Id, name: Text, points: z.array(Point).min(2) })).default([]),
    towns: z.array(
      z.strictObject({
        ...PlaceBase,
        region: Id,
        kind: z.enum(['capital', 'city', 'town', 'village']),
        population: z.number().int().positive().optional(),
      }),
    ),
    quarters: z.array(z.strictObject({ ...PlaceBase, town: Id })).default([]),
    sites: z
      .array(
        z.strictObject({
          ...PlaceBase,
          kind: z.enum(['idp-site', 'un-base', 'team-site', 'poc-site', 'airfield']),
          region: Id,
        }),
      )
      .default([]),
    crossings: z.array(z.strictObject({ ...PlaceBase, kind: z.enum(['bridge', 'border-crossing']) })).default([]),
    roads: z
      .array(z.strictObject({ id: Id, name: Text.optional(), kind: z.enum(['highway', 'road', 'track']), via: z.array(Id).min(2) }))
      .default([]),
    neighbours: z
      .array(z.strictObject({ id: Id, name: Text, side: z.enum(['north', 'east', 'south', 'west']), summary: Text.optional() }))
      .default([]),
    factions: z.array(
      z.strictObject({
        id: Id,
        name: Text,
        short: Text,
        kind: z.enum(['armed-group', 'militia', 'state-force', 'police', 'political']),
        stance: z.enum(['signatory', 'non-signatory', 'government', 'government-aligned']),
        base: Id.optional(),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
        summary: Text.optional(),
      }),
    ),
    government: z.strictObject({ summary: Text, offices: z.array(Text) }),
    mission: z.strictObject({
      id: Id,
      name: Text,
      short: Text,
      mandate: Text,
      headquarters: Id,
      strength: z.strictObject({ troops: z.number().int(), police: z.number().int(), civilians: z.number().int() }),
    }),
    contributors: z.array(z.strictObject({ id: Id, name: Text, kind: z.enum(['tcc', 'pcc']), provides: Text })),
    units: z.array(
      z.strictObject({
        id: Id,
        name: Text,
        short: Text,
        kind: z.enum(['infantry', 'fpu', 'helicopter', 'quick-reaction', 'engineer', 'police']),
        contributor: Id,
        home: Id,
      }),
    ),
    organizations: z.array(z.strictObject({ id: Id, name: Text, short: Text, role: Text })).default([]),
  })
  .describe('The shared fictional world every scenario is set in.');

export type WorldOutput = z.output<typeof WorldSchema>;

// ---- the polarity catalogue -------------------------------------------------------------------

export const PolarityEntrySchema = z.object({
  id: PolarityId,
  kind: z.enum(['polarity', 'principle', 'capstone_principle']),
  title: Text,
  section: Text,
  pole_a: Text,
  pole_b: Text.nullable(),
  summary: Text,
  risks_if_a: Text.nullable().optional(),
  risks_if_b: Text.nullable().optional(),
  family: z.string().nullable().optional(),
  line: z.number().int().optional(),
  source: z.string().optional(),
  checked: z.string().optional().describe('How the entry was checked against the study text.'),
});

export const PolarityCatalogueSchema = z.array(PolarityEntrySchema);
export type PolarityEntryOutput = z.output<typeof PolarityEntrySchema>;
