import { Schema, type Connection, type Model } from 'mongoose'

/**
 * The deputies' daily digest: the mongo side of sqlite's 008_digests.sql. A deputy's
 * choices keep the deputy id as `_id`; a digest is one document per deputy per day.
 */

/** `_id` is the deputy id. */
export interface DigestPreferencesDoc {
  _id: string
  /** In the order the deputy prefers; empty = the default order. */
  channels: string[]
  /** HH:MM local time; null = the office's default time. */
  sendAt: string | null
  muteWeekends: boolean
  updatedAt: Date
}
/** Unique on (deputyId, day): never two digests a day, whoever runs the job. */
export interface DigestDoc {
  deputyId: string
  /** YYYY-MM-DD in the business time zone. */
  day: string
  createdAt: Date
  outboxId: string
}

export interface DigestModels {
  DigestPreferences: Model<DigestPreferencesDoc>
  Digest: Model<DigestDoc>
}

// The conventions of models.ts: no `required` validators, no version key, no `id` virtual.
const options = { versionKey: false, id: false } as const

function preferencesSchema() {
  return new Schema<DigestPreferencesDoc>(
    {
      _id: String,
      channels: { type: [String], default: () => [] as string[] },
      sendAt: { type: String, default: null },
      muteWeekends: { type: Boolean, default: false },
      updatedAt: Date,
    },
    options,
  )
}

function digestSchema() {
  const schema = new Schema<DigestDoc>({ deputyId: String, day: String, createdAt: Date, outboxId: String }, options)
  // The unique key is what makes record() skip a deputy who already has the day's digest.
  schema.index({ deputyId: 1, day: 1 }, { unique: true })
  // lastMade(): each deputy's newest digest, one index key per deputy.
  schema.index({ deputyId: 1, createdAt: -1 })
  schema.index({ day: 1 })
  return schema
}

export function defineDigestModels(conn: Connection): DigestModels {
  return {
    DigestPreferences: conn.model<DigestPreferencesDoc>('DigestPreferences', preferencesSchema(), 'digest_preferences'),
    Digest: conn.model<DigestDoc>('Digest', digestSchema(), 'digests'),
  }
}
