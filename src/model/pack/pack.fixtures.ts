/**
 * A valid data pack for tests, made by hand from the Reuters story "Russia able to fight on in Ukraine for
 * another year, say military experts" (seed 000_333f9c1c0a3b7a60.txt, 12 Feb 2025), every quote copied
 * verbatim. It is valid against the shipped dataset: two new figures, one new actor, a statement by an actor the
 * dashboard knows (Ben Barry) and one event. Pass overrides for what a test is about.
 */
import { loadDataset } from '../dataset/load-dataset';
import type { Pack } from './pack-schema';
import type { Actor, Dataset, Event, Figure } from '../dataset/schema';
import sources from '../../../data/sources.json';
import topics from '../../../data/topics.json';
import countries from '../../../data/countries.json';
import units from '../../../data/units.json';
import figures from '../../../data/figures.json';
import actors from '../../../data/actors.json';
import events from '../../../data/events.json';
import places from '../../../data/places.json';
import measures from '../../../data/measures.json';

/** The shipped dataset, validated and frozen, as the app loads it. */
export function shippedDataset(): Dataset {
  return loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });
}

export const PACK_SOURCE_ID = 'reuters-2025-02-12-russia-able-to-fight-on-in-ukraine';

/** The story as printed in the seed, headline first. */
export const PACK_ARTICLE_TEXT = [
  'Russia able to fight on in Ukraine for another year, say military experts',
  'Russia had what it needed to fight on in Ukraine for at least another year and retained the battlefield initiative, but was struggling to replace its destroyed tanks, said experts at a leading security research organisation on Wednesday.',
  'In what has become a war of attrition now nearing its three-year mark, both sides are sustaining heavy casualties as Moscow’s forces slowly but steadily advance at a time when the scale and nature of any future US military aid to Kyiv remain unclear under Trump.',
  'For now at least, Russia is in a stronger position than Ukraine on the battlefield despite Kyiv seriously reducing the once formidable Russian Black Sea Fleet’s room for manoeuvre, said experts at the London-based International Institute for Strategic Studies (IISS).',
  '“[With] attrition being such an important factor on land, Russia has the initiative and Ukraine is fighting a defensive land battle,” said IISS senior land warfare analyst Ben Barry.',
  '“Without any ceasefire, the most likely contour of the war over the next few months is more of the same. More bloody attrition on land with very heavy casualties on both sides. If Russia wishes to prolong the war I judge it has the potential human, equipment and logistical resources to continue to do so through the rest of this year.”',
  'In its annual assessment of military capabilities, the IISS said that Moscow’s total defence spending was higher than total European defence spending in purchasing-power-parity terms.',
  'It said Russia also appeared better able to maintain the size of its military than Ukraine.',
  '“While Russia appears to be able to sustain the manning of its forces, evidence suggests that Ukraine, which generally kept its casualty figures secret, has suffered a serious drain on its personnel — with many ground units under-strength,” said the report.',
  'Ukraine’s Defence Ministry this week launched a recruitment drive to attract 18-to-24-year-olds to military service for a year in an attempt to address its manpower problem.',
  'Russia, the report said, had a serious tank and armoured vehicle problem which meant it was taking heavier personnel losses on the battlefield.',
  'Moscow lost 1,400 tanks in 2024 and is struggling to make new tanks at a fast enough rate to replace the old ones despite increasing production of advanced models like the T-90M tank.',
  '“Russia is increasingly trading quality for quantity to support its war effort,” said the report.',
].join('\n');

export function makePackFigure(overrides: Partial<Figure> = {}): Figure {
  return {
    id: `${PACK_SOURCE_ID}-war-length-1`,
    label: 'Length of the full-scale war',
    measure: 'war-length',
    value: 3,
    unit: 'years',
    qualifier: 'nearly',
    stated: 'three-year',
    period: 'as of February 2025',
    countries: ['RU', 'UA'],
    topics: ['military-balance'],
    actorIds: ['russian-armed-forces'],
    claimant: 'Reuters',
    sourceId: PACK_SOURCE_ID,
    quote: 'a war of attrition now nearing its three-year mark',
    status: 'accepted',
    ...overrides,
  };
}

export function makePackActor(overrides: Partial<Actor> = {}): Actor {
  return {
    id: 'russian-armed-forces',
    name: 'Russian armed forces',
    kind: 'government',
    country: 'RU',
    role: 'Russia’s military, fighting the war in Ukraine',
    topics: ['military-balance'],
    statements: [],
    status: 'accepted',
    ...overrides,
  };
}

export function makePackEvent(overrides: Partial<Event> = {}): Event {
  return {
    id: `${PACK_SOURCE_ID}-recruitment-drive`,
    date: '2025-02',
    dateNote: '"this week" in a story of 12 Feb 2025: the week of 10 February 2025.',
    title: 'Ukraine opens a recruitment drive for 18-to-24-year-olds',
    placeIds: ['kyiv'],
    actorIds: ['ukraine-defence-ministry'],
    topics: ['military-balance'],
    sourceIds: [PACK_SOURCE_ID],
    status: 'accepted',
    ...overrides,
  };
}

/** A fresh, valid pack; every item accepted. */
export function makePack(overrides: Partial<Pack> = {}): Pack {
  return {
    format: 'geobrief-pack',
    version: 1,
    source: {
      id: PACK_SOURCE_ID,
      publisher: 'Reuters',
      outlet: 'Daily Maverick',
      title: 'Russia able to fight on in Ukraine for another year, say military experts',
      published: '2025-02-12',
    },
    article: { text: PACK_ARTICLE_TEXT, from: 'text', fileName: 'russia-able-to-fight-on.txt' },
    figures: [
      makePackFigure(),
      {
        id: `${PACK_SOURCE_ID}-recruitment-ages-2`,
        label: 'Ages targeted by Ukraine’s recruitment drive',
        measure: 'recruitment-age-range',
        low: 18,
        high: 24,
        unit: 'years',
        qualifier: 'exact',
        stated: '18-to-24-year-olds',
        date: '2025-02-12',
        countries: ['UA'],
        topics: ['military-balance'],
        actorIds: ['ukraine-defence-ministry'],
        claimant: 'Reuters',
        sourceId: PACK_SOURCE_ID,
        quote: 'Ukraine’s Defence Ministry this week launched a recruitment drive to attract 18-to-24-year-olds',
        status: 'accepted',
      },
    ],
    actors: [makePackActor()],
    events: [makePackEvent()],
    places: [],
    statements: [
      {
        actorId: 'ben-barry',
        quote: 'More bloody attrition on land with very heavy casualties on both sides.',
        sourceId: PACK_SOURCE_ID,
        status: 'accepted',
      },
    ],
    units: [],
    countries: [],
    notes: [],
    extractedFor: '2025-02-12',
    ...overrides,
  };
}
