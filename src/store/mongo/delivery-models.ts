import { Schema, type Connection, type Model } from 'mongoose'

/**
 * Subscribe-message credits and deputies' binding codes: the mongo side of sqlite's
 * 003_delivery.sql (the outbox's lease fields and mp users' bot contact are in case-models.ts; the
 * chat bot's documents in bot-models.ts).
 */

/** One document per person and template: sends left from one-time acceptances, and a long-term switch. */
export interface SubscriptionCreditDoc {
  userId: string
  templateId: string
  oneTime: number
  longTerm: boolean
  updatedAt: Date
}
/** `_id` is the code's hash: the code itself is never stored. */
export interface BindingCodeDoc {
  _id: string
  deputyId: string
  createdBy: string
  createdAt: Date
  expiresAt: Date
  usedAt: Date | null
  usedBy: string | null
  /** Wrong codes entered anywhere while this one was live; lockedAt once too many. */
  wrongTries: number
  lockedAt: Date | null
  /** deputy, staff or resident; absent on codes from before (counted with deputies' and staff's). */
  purpose?: string | null
  /** The code's own hash whatever its purpose: unique, so that one code is never two purposes' at once. */
  codeKey?: string | null
}

export interface DeliveryModels {
  SubscriptionCredit: Model<SubscriptionCreditDoc>
  BindingCode: Model<BindingCodeDoc>
}

// The conventions of models.ts: no `required` validators, no version key, no `id` virtual.
const options = { versionKey: false, id: false } as const

function subscriptionCreditSchema() {
  // No defaults: every write names the fields it sets, with $setOnInsert for the others,
  // so an upserting $inc is the only writer of `oneTime` when it creates the document.
  const schema = new Schema<SubscriptionCreditDoc>({ userId: String, templateId: String, oneTime: Number, longTerm: Boolean, updatedAt: Date }, options)
  // The key the upserts match on: two racing upserts cannot make two documents.
  schema.index({ userId: 1, templateId: 1 }, { unique: true })
  return schema
}

function bindingCodeSchema() {
  const schema = new Schema<BindingCodeDoc>(
    {
      _id: String,
      deputyId: String,
      createdBy: String,
      createdAt: Date,
      expiresAt: Date,
      usedAt: { type: Date, default: null },
      usedBy: { type: String, default: null },
      wrongTries: { type: Number, default: 0 },
      lockedAt: { type: Date, default: null },
      purpose: { type: String, default: null },
      codeKey: { type: String, default: null },
    },
    options,
  )
  schema.index({ deputyId: 1 })
  // Codes from before have none: only keys that are strings are held unique.
  schema.index({ codeKey: 1 }, { unique: true, partialFilterExpression: { codeKey: { $type: 'string' } } })
  // The maintenance job deletes codes some days after they expire.
  schema.index({ expiresAt: 1 })
  return schema
}

export function defineDeliveryModels(conn: Connection): DeliveryModels {
  return {
    SubscriptionCredit: conn.model<SubscriptionCreditDoc>('SubscriptionCredit', subscriptionCreditSchema(), 'subscription_credits'),
    BindingCode: conn.model<BindingCodeDoc>('BindingCode', bindingCodeSchema(), 'binding_codes'),
  }
}
