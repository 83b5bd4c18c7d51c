/**
 * The team workspace's protocol: the changes a browser pushes, what the server answers, the change log it
 * serves, and which role may make which change. One home for both sides: the page checks what the server
 * sends with these schemas, and the server checks every request body with the same ones (server/).
 *
 * A change is what the analyst did (add an article, correct a field, approve a figure, save a briefing…),
 * with a unique id made by the browser: the server applies a change once, and a resend of the same id is
 * answered "duplicate". Who made it and when it was recorded come from the server, never from the browser.
 */
import { z } from '../dataset/zod';
import { Id } from '../dataset/schema';
import { PackSchema } from '../pack/pack-schema';
import { BriefingSchema } from '../briefing/briefing';
import { CorrectionSchema, CreatedMeasureSchema, MergeSchema } from '../corrections/edits-schema';

export const ROLES = ['owner', 'analyst', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** What each role is called in the app, and what it may do, in words. */
export const ROLE_WORDS: Record<Role, string> = {
  owner: 'Owner: everything, and manages members',
  analyst: 'Analyst: adds articles, corrects and saves briefings',
  reviewer: 'Reviewer: approves figures and resolves conflicts',
  viewer: 'Viewer: reads and presents',
};

export const CHANGE_TYPES = [
  'pack.put',
  'pack.remove',
  'correction',
  'correction.undo',
  'measure.create',
  'merge',
  'merge.undo',
  'briefing.save',
  'briefing.remove',
  'approve',
  'conflict.resolve',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

const EDITING: readonly ChangeType[] = [
  'pack.put',
  'pack.remove',
  'correction',
  'correction.undo',
  'measure.create',
  'merge',
  'merge.undo',
  'briefing.save',
  'briefing.remove',
];
const REVIEWING: readonly ChangeType[] = ['approve', 'conflict.resolve', 'briefing.save', 'briefing.remove'];

/** The one table of who may change what; the server checks it on every change it receives. */
export const CAN: Record<Role, readonly ChangeType[]> = {
  owner: CHANGE_TYPES,
  analyst: EDITING,
  reviewer: REVIEWING,
  viewer: [],
};

export const roleMay = (role: Role, type: ChangeType): boolean => CAN[role].includes(type);

/** A change's id, made by the browser: 6–80 letters, digits, - or _. */
export const ChangeId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{6,80}$/, 'expected a change id (6–80 letters, digits, - or _)'));
const When = z.iso.datetime({ offset: true });

/** The kinds of item a reviewer approves (as the dataset names its lists). */
export const REVIEW_KINDS = ['figure', 'actor', 'event', 'place'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

const base = { id: ChangeId, at: When };

export const ChangeSchema = z.discriminatedUnion('type', [
  /** An article's pack added to the dashboard (its accepted items), or added again after a change. */
  z.strictObject({ ...base, type: z.literal('pack.put'), pack: PackSchema }),
  z.strictObject({ ...base, type: z.literal('pack.remove'), packId: Id }),
  z.strictObject({ ...base, type: z.literal('correction'), correction: CorrectionSchema }),
  z.strictObject({ ...base, type: z.literal('correction.undo'), correctionId: ChangeId }),
  z.strictObject({ ...base, type: z.literal('measure.create'), measure: CreatedMeasureSchema }),
  z.strictObject({ ...base, type: z.literal('merge'), merge: MergeSchema }),
  z.strictObject({ ...base, type: z.literal('merge.undo'), mergeId: ChangeId }),
  z.strictObject({ ...base, type: z.literal('briefing.save'), briefing: BriefingSchema }),
  z.strictObject({ ...base, type: z.literal('briefing.remove'), briefingId: z.string().check(z.minLength(1)) }),
  z.strictObject({
    ...base,
    type: z.literal('approve'),
    item: z.strictObject({ kind: z.enum(REVIEW_KINDS), id: Id }),
  }),
  /** A reviewer keeps one of a conflict's values (its index in the conflict's `values`). */
  z.strictObject({
    ...base,
    type: z.literal('conflict.resolve'),
    conflictId: ChangeId,
    keep: z.int().check(z.minimum(0), z.maximum(20)),
  }),
]);
export type Change = z.infer<typeof ChangeSchema>;

/** The most changes one push carries; a browser with more sends them in turns. */
export const PUSH_LIMIT = 100;

export const PushRequestSchema = z.strictObject({
  changes: z.array(ChangeSchema).check(z.minLength(1), z.maxLength(PUSH_LIMIT)),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushResultSchema = z.strictObject({
  id: z.string(),
  /** applied: now in the log at `version`; duplicate: already applied before (a resend); refused: see `reason`. */
  status: z.enum(['applied', 'duplicate', 'refused']),
  version: z.optional(z.int()),
  reason: z.optional(z.string()),
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushResponseSchema = z.strictObject({
  results: z.array(PushResultSchema),
  /** The workspace's version after the push. */
  version: z.int(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

const Person = z.strictObject({ id: z.string(), name: z.string() });
export type Person = z.infer<typeof Person>;

const ConflictValue = z.strictObject({
  value: z.unknown(),
  by: Person,
  changeId: z.string(),
});

/** Two people changed one field from the same value to different ones: both values kept for a reviewer. */
export const ConflictSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  itemId: z.string(),
  field: z.string(),
  values: z.array(ConflictValue),
});
export type Conflict = z.infer<typeof ConflictSchema>;

/** One applied change in the workspace's append-only log. */
export const LogEntrySchema = z.strictObject({
  version: z.int(),
  change: ChangeSchema,
  by: Person,
  /** When the server recorded it. */
  at: When,
  /** A correction that made conflicts (one per field): the correction is applied; a reviewer picks a value. */
  conflicts: z.optional(z.array(ConflictSchema)),
  /** A resolved conflict: the correction the reviewer's choice made (applied like any correction). */
  resolution: z.optional(CorrectionSchema),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/** The log entries one pull returns when the request names no `limit`; `more` says to pull again. */
export const PULL_LIMIT = 500;
/** The most log entries one pull returns (`?limit=` up to this): a fresh browser pulls a big log in few requests. */
export const PULL_MAX_LIMIT = 10_000;
/**
 * A pull answer with `more` also names, in this header, the version the next page starts after (its last
 * entry's), so a browser can ask for the next page while it still reads this one; it checks the answer's last
 * entry against it and asks again if they differ.
 */
export const PULL_NEXT_HEADER = 'x-pull-next';

export const PullResponseSchema = z.strictObject({
  entries: z.array(LogEntrySchema),
  /** The workspace's version now. */
  version: z.int(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const WorkspaceSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** Viewers see approved items only. */
  viewersApprovedOnly: z.boolean(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const MeSchema = z.strictObject({
  user: z.nullable(z.strictObject({ id: z.string(), name: z.string(), email: z.string() })),
  workspace: z.nullable(WorkspaceSchema),
});
export type Me = z.infer<typeof MeSchema>;

export const MemberSchema = z.strictObject({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
});
export type Member = z.infer<typeof MemberSchema>;

export const MembersResponseSchema = z.strictObject({ members: z.array(MemberSchema) });

export const InviteRequestSchema = z.strictObject({ role: RoleSchema });
export const InviteSchema = z.strictObject({ token: z.string(), role: RoleSchema, expiresAt: When });
export type Invite = z.infer<typeof InviteSchema>;

export const WorkspaceNameSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'a workspace needs a name'), z.maxLength(80)),
});

export const RoleChangeSchema = z.strictObject({ role: RoleSchema });
export const SettingsSchema = z.strictObject({ viewersApprovedOnly: z.boolean() });

/** An error body: what was wrong, and for a bad request the field. */
export const ErrorSchema = z.strictObject({ error: z.string(), field: z.optional(z.string()) });
