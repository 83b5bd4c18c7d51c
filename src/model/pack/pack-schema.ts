/**
 * A data pack: one article brought in by the analyst, with the figures, actors, events and places found
 * in it, each proposed, accepted or rejected. The same zod schemas as `data/*.json` validate its items;
 * `article.text` is kept whole so that every quote can be checked against it at any time.
 * Checks across items and against the dashboard's data live in `pack.ts`.
 */
import { z } from '../dataset/zod';
import {
  ActorSchema,
  CountrySchema,
  EventSchema,
  FigureSchema,
  Id,
  IsoDate,
  ItemStatus,
  PlaceSchema,
  Quote,
  SourceSchema,
  UnitSchema,
} from '../dataset/schema';
import { BriefingSchema } from '../briefing/briefing';
import { LeadPinsSchema } from '../measures/leads';
import { EditsSchema } from '../corrections/edits-schema';

export const PACK_FORMAT = 'geobrief-pack';
export const DATA_FORMAT = 'geobrief-data';
export const PACK_VERSION = 1;

export const PackArticleSchema = z.strictObject({
  /** The readable text of the article; every quote of the pack is a substring of it. */
  text: z.string().check(z.minLength(1)),
  /** What the analyst brought in: plain text, Markdown, or HTML reduced to its readable text. */
  from: z.enum(['text', 'markdown', 'html']),
  /** The file it came from, when it came from a file. */
  fileName: z.optional(z.string().check(z.minLength(1))),
});

/** A statement by an actor the dashboard already knows (new actors carry theirs in `statements`). */
export const PackStatementSchema = z.strictObject({
  actorId: Id,
  quote: Quote,
  sourceId: Id,
  context: z.optional(z.string().check(z.minLength(1))),
  status: z.optional(ItemStatus),
  addedAt: z.optional(z.iso.datetime({ offset: true })),
});

export const PackSchema = z.strictObject({
  format: z.literal(PACK_FORMAT, { error: `expected "format": "${PACK_FORMAT}"` }),
  version: z.literal(PACK_VERSION, { error: `expected "version": ${PACK_VERSION} (this dashboard reads version 1)` }),
  source: SourceSchema,
  article: PackArticleSchema,
  figures: z.array(FigureSchema),
  actors: z.array(ActorSchema),
  events: z.array(EventSchema),
  places: z.array(PlaceSchema),
  /** Statements by actors already known to the dashboard. */
  statements: z._default(z.array(PackStatementSchema), []),
  /**
   * Units the article counts in that the dashboard's vocabulary did not have ("funerals", "gigawatts"): each
   * comes in with the figures that use it, once the analyst accepts one of them.
   */
  units: z._default(z.array(UnitSchema), []),
  /** Countries the article names that the dashboard's country list did not have. */
  countries: z._default(z.array(CountrySchema), []),
  /** What the extraction noticed and the analyst should know (restated amounts, non-English text…). */
  notes: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** When the extraction ran, as the article's publication date (the engine is deterministic). */
  extractedFor: z.optional(IsoDate),
});

/** Everything the analyst keeps: every pack (accepted, drafts), any saved briefings, and the pinned lead figures. */
export const DataFileSchema = z.strictObject({
  format: z.literal(DATA_FORMAT),
  version: z.literal(PACK_VERSION, { error: `expected "version": ${PACK_VERSION} (this dashboard reads version 1)` }),
  exportedAt: z.iso.datetime({ offset: true }),
  packs: z.array(z.unknown()),
  /** Saved briefings (see the "Since the last briefing" view): a file with a bad one is refused whole. */
  briefings: z._default(z.array(BriefingSchema), []),
  /** The lead figures the analyst pinned (absent: the default leads). */
  leads: z.optional(LeadPinsSchema),
  /** The analyst's corrections (each with its history), measures and merges of measures. */
  edits: z.optional(EditsSchema),
  /**
   * Exported from a team workspace: its name and its whole change log (LogEntry of
   * src/model/workspace/protocol.ts: who changed what, when), kept for the record; an import reads the data above.
   */
  workspace: z.optional(
    z.strictObject({ name: z.string(), history: z.array(z.unknown()), provenance: z.optional(z.unknown()) }),
  ),
});

export type Pack = z.infer<typeof PackSchema>;
export type PackInput = z.input<typeof PackSchema>;
export type PackArticle = z.infer<typeof PackArticleSchema>;
export type PackStatement = z.infer<typeof PackStatementSchema>;
export type DataFile = z.infer<typeof DataFileSchema>;
