/**
 * The starting scenario `npm run scenario -- new <id>` writes: small but real — three decisions
 * (one with a deadline and a timeout, one with a conditional option and a branch), a delayed
 * consequence, an inject, two endings and a benchmark — set in the shared world (Kessrin, Velmora)
 * with catalogue polarities pushed both ways. It passes `check` with no error and no warning
 * (tests/engine/cli-authoring.test.ts proves it), so an author starts from green.
 */
export function scenarioTemplate(id: string): string {
  const title = id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return `# yaml-language-server: $schema=../scenario.schema.json
# A Mandate scenario, scaffolded by \`npm run scenario -- new ${id}\`. Replace the example content;
# keep \`npm run scenario -- check ${id}\` and \`npm run scenario -- quicktest ${id}\` green as you go.
# The format: src/engine/content/schema.ts (hover help in editors comes from the JSON Schema above).
# Places, units and factions: scenarios/world/world.yaml. Polarities: scenarios/polarities.yaml.
schemaVersion: 1
id: ${id}
version: 1
title: ${title}
world: velmora
setting: Kessrin, Republic of Velmora; the night before an armed column reaches the city.
summary: >-
  An armed column is moving on Kessrin. As Head of Mission you decide how to answer the warning and
  what to do when the column reaches the line.
durationMinutes: 10
clock: { start: 0, zero: 360, zeroLabel: H }
briefing:
  mandate: Protect civilians under threat of physical violence, within capabilities and areas of deployment.
  situation: A TPF column has left Darvost and is moving south towards Kessrin.
  role: You are the Head of Mission. You chair the Mission Leadership Team.

meters:
  - { id: civ-safety, label: Civilian safety, start: 50 }
  - { id: host-consent, label: Host-state consent, start: 55 }
  - { id: credibility, label: Credibility and deterrence, start: 50 }

polarities:
  - id: red_lines_use_of_force
  - id: poc_vs_host_consent

advisers:
  - { id: fc, role: fc, title: Force Commander, consultMinutes: 30 }
  - { id: dsrsg-pol, role: dsrsg-pol, title: DSRSG (Political), consultMinutes: 30 }

start: warning
nodes:
  - id: warning
    title: The warning
    at: 0
    deadline: 120
    text: JMAC reports a column of about 400 fighters on the Tavren road. It could reach Kessrin by dawn.
    positions:
      - { adviser: fc, recommends: deploy, text: Put a company on the Orvel bridge tonight. }
      - { adviser: dsrsg-pol, recommends: talk, text: Call the TPF political wing before anyone moves. }
    options:
      - id: deploy
        label: Deploy a company to the Orvel bridge
        minutes: 60
        leans:
          - { polarity: red_lines_use_of_force, toward: a }
          - { polarity: poc_vs_host_consent, toward: a }
        effects: [{ meter: credibility, add: 5 }, { flag: BRIDGE_HELD }]
        consequences:
          - id: patrols-seen
            delay: 240
            title: Patrols seen in the valley
            text: Villagers on the Tavren road see UN vehicles at the bridge and stay home.
            effects: [{ meter: civ-safety, add: 5 }]
        next: the-line
      - id: talk
        label: Open talks with the TPF political wing
        minutes: 30
        leans:
          - { polarity: red_lines_use_of_force, toward: b }
          - { polarity: poc_vs_host_consent, toward: b }
        effects: [{ meter: host-consent, add: -5 }, { flag: TALKS_OPEN }]
        next: the-line
    timeout:
      title: The warning sits unanswered
      text: Nobody decides; the column keeps moving.
      effects: [{ meter: civ-safety, add: -5 }]
      next: the-line
    cites: ["§2.4"]
    studyNote: Act early on a warning, through the crisis management team.

  - id: the-line
    title: At the line
    at: 300
    text: The column stops short of the Orvel bridge. Its commander asks to pass.
    positions:
      - { adviser: fc, recommends: hold, text: Hold the bridge; they must see we mean it. }
      - { adviser: dsrsg-pol, recommends: negotiate, text: Offer talks in exchange for a halt. }
    options:
      - id: hold
        label: Hold the bridge and warn the column
        when: { flag: BRIDGE_HELD }
        leans: [{ polarity: red_lines_use_of_force, toward: a }]
        effects: [{ meter: civ-safety, add: 5 }, { meter: host-consent, add: 5 }]
        next: aftermath
      - id: negotiate
        label: Offer talks in exchange for a halt
        leans: [{ polarity: red_lines_use_of_force, toward: b }]
        effects: [{ meter: civ-safety, add: -5 }]
        next: aftermath
        branches:
          - when: { flag: TALKS_OPEN }
            next: report
    cites: ["§4.2.6", "Box:MINUSCA"]
    studyNote: A warning deters only when it is specific and believed.

  - id: report
    title: Reporting to New York
    text: The Council wants to know why the mission negotiated with an armed group.
    options:
      - id: brief-openly
        label: Brief the Council openly on the talks
        leans: [{ polarity: poc_vs_host_consent, toward: a }]
        effects: [{ meter: credibility, add: 5 }]
        next: aftermath
      - id: brief-quietly
        label: Brief the host government first
        leans: [{ polarity: poc_vs_host_consent, toward: b }]
        effects: [{ meter: host-consent, add: 5 }]
        next: aftermath
    cites: ["§4.2.2"]
    studyNote: Keep the Council engaged and informed, including about what did not work.

  - id: aftermath
    kind: end
    title: Aftermath

injects:
  - id: flash
    at: 60
    channel: report
    from: Chief JMAC
    title: "Flash report: the column is moving"
    text: The column passed Amdrel an hour ago, moving faster than expected.
    incident: { at: amdrel, kind: movement }

endings:
  - id: line-held
    title: The line held
    tone: good
    when: { all: [{ meter: civ-safety, gte: 55 }, { meter: credibility, gte: 50 }] }
    text: The column turned back at the bridge and Kessrin slept.
  - id: uneasy-night
    title: An uneasy night
    tone: mixed
    text: The column halted, but nothing is settled and the city is afraid.

benchmarks:
  - id: civilians-protected
    text: Civilians in Kessrin were kept safe.
    when: { meter: civ-safety, gte: 50 }
    cites: ["§4.2.2"]

map:
  focus: kessrin
  units:
    - { unit: hol-bn-kessrin, at: orvel-bridge, when: { flag: BRIDGE_HELD } }
`;
}
