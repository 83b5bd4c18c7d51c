/**
 * The format of the analyst's layer (see `corrections.ts`): what a correction, a measure the analyst made and
 * a merge of measures are, which fields a correction may change, and the empty layer. Pure.
 */
import { z } from '../dataset/zod';
import { Id, MeasureSchema, type Actor, type Event, type Figure, type Measure, type Place } from '../dataset/schema';

export const EDIT_KINDS = ['figure', 'actor', 'event', 'place', 'measure'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** The fields a correction may change. The quote, its source, the stated words and ids never change. */
export const EDITABLE_FIELDS = {
  figure: [
    'label',
    'value',
    'low',
    'high',
    'unit',
    'qualifier',
    'claimant',
    'date',
    'period',
    'countries',
    'topics',
    'measure',
  ],
  actor: ['name', 'kind', 'country', 'role', 'topics'],
  event: ['title', 'date', 'endDate', 'summary', 'topics'],
  place: ['name', 'country', 'lat', 'lon'],
  measure: ['label', 'dimension', 'countries', 'actorId', 'scope', 'definition'],
} as const satisfies Record<EditKind, readonly string[]>;

/** Who made a change: until there are several people, "you". */
export const YOU = 'you';

const Who = z.string().check(z.minLength(1), z.maxLength(120));
const When = z.iso.datetime({ offset: true });
/** A change's id: unique, so that applying it twice (an import, a sync) applies it once. */
const ChangeId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{6,80}$/, 'expected a change id (6–80 letters, digits, - or _)'));

/** A JSON value a field can hold (a number, words, a list of ids, null). */
const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const FieldChangeSchema = z.strictObject({
  field: z.string().check(z.minLength(1)),
  /** The value it replaced; absent when the field was not set. */
  from: z.optional(FieldValue),
  /** The new value; absent when the correction clears the field. */
  to: z.optional(FieldValue),
});

export const CorrectionSchema = z
  .strictObject({
    id: ChangeId,
    kind: z.enum(EDIT_KINDS),
    itemId: Id,
    at: When,
    by: Who,
    changes: z.array(FieldChangeSchema).check(z.minLength(1, 'a correction changes at least one field')),
    undoneAt: z.optional(When),
    undoneBy: z.optional(Who),
  })
  .check((ctx) => {
    const c = ctx.value;
    const allowed: readonly string[] = EDITABLE_FIELDS[c.kind];
    c.changes.forEach((change, i) => {
      if (!allowed.includes(change.field)) {
        ctx.issues.push({
          code: 'custom',
          input: c,
          path: ['changes', i, 'field'],
          message: `a ${c.kind}'s "${change.field}" cannot be corrected (only ${allowed.join(', ')})`,
        });
      }
    });
  });

/** A measure the analyst made, with who made it and when. */
export const CreatedMeasureSchema = z.strictObject({
  measure: MeasureSchema,
  at: When,
  by: Who,
});

/** Every figure of `from` counts as an estimate of `into` from `at` (until undone). */
export const MergeSchema = z.strictObject({
  id: ChangeId,
  from: Id,
  into: Id,
  at: When,
  by: Who,
  undoneAt: z.optional(When),
  undoneBy: z.optional(Who),
});

export const EditsSchema = z.strictObject({
  corrections: z._default(z.array(CorrectionSchema), []),
  measures: z._default(z.array(CreatedMeasureSchema), []),
  merges: z._default(z.array(MergeSchema), []),
});

export type FieldChange = z.infer<typeof FieldChangeSchema>;
export type Correction = z.infer<typeof CorrectionSchema>;
export type CreatedMeasure = z.infer<typeof CreatedMeasureSchema>;
export type Merge = z.infer<typeof MergeSchema>;
export type Edits = z.infer<typeof EditsSchema>;
export type FieldValue = z.infer<typeof FieldValue>;

export const NO_EDITS: Edits = Object.freeze({ corrections: [], measures: [], merges: [] }) as Edits;

export const isEmptyEdits = (e: Edits) =>
  e.corrections.length === 0 && e.measures.length === 0 && e.merges.length === 0;

/** An item a correction may change. */
export type EditableItem = Figure | Actor | Event | Place | Measure;
