import { Schema, type Connection, type Model } from 'mongoose'

/**
 * The chat bot's documents: the mongo side of sqlite's 004_bot.sql (the mp users' bot
 * alias is in case-models.ts with the rest of the person).
 */

/** `_id` is the message id: inserting it a second time is the duplicate that says "seen". */
export interface BotSeenMessageDoc {
  _id: string
  seenAt: Date
  claim?: string | null
}
/**
 * `_id` is the contact id. The state is kept as JSON text, as sqlite keeps it: read and
 * written whole, never queried, and free of the key restrictions of stored objects.
 */
export interface BotDialogueDoc {
  _id: string
  state: string
  updatedAt: Date
  /** When it may be deleted unless saved again; null (or absent, saved before it was kept): once untouched long. */
  keepUntil?: Date | null
  /** 'held': it holds her unsent words; 'lapsed': they went at keepUntil, a mark left (state '{}'); null/absent: neither. */
  unsentWords?: 'held' | 'lapsed' | null
}
/** One room per station and one station per room: both keys unique. */
export interface StationRoomDoc {
  stationId: string
  roomId: string
  boundBy: string
  boundAt: Date
  /** The group's name when bound (null for bindings older than the field). */
  topic?: string | null
}
/** One contact per staff member and one staff member per contact: both keys unique. */
export interface StaffContactDoc {
  staffId: string
  contactId: string
  boundAt: Date
}

export interface BotModels {
  BotSeenMessage: Model<BotSeenMessageDoc>
  BotDialogue: Model<BotDialogueDoc>
  StationRoom: Model<StationRoomDoc>
  StaffContact: Model<StaffContactDoc>
}

// The conventions of models.ts: no `required` validators, no version key, no `id` virtual.
const options = { versionKey: false, id: false } as const

function seenMessageSchema() {
  const schema = new Schema<BotSeenMessageDoc>({ _id: String, seenAt: Date, claim: { type: String, default: null } }, options)
  // purgeSeenBefore() sweeps by this; a plain index, not TTL, for the caller's clock.
  schema.index({ seenAt: 1 })
  return schema
}

function dialogueSchema() {
  const schema = new Schema<BotDialogueDoc>(
    { _id: String, state: String, updatedAt: Date, keepUntil: { type: Date, default: null }, unsentWords: { type: String, default: null } },
    options,
  )
  // purgeDialogues() sweeps by these; plain indexes, not TTL, for the caller's clock.
  schema.index({ keepUntil: 1 })
  schema.index({ updatedAt: 1 })
  return schema
}

function stationRoomSchema() {
  const schema = new Schema<StationRoomDoc>(
    { stationId: String, roomId: String, boundBy: String, boundAt: Date, topic: { type: String, default: null } },
    options,
  )
  schema.index({ stationId: 1 }, { unique: true })
  schema.index({ roomId: 1 }, { unique: true })
  return schema
}

function staffContactSchema() {
  const schema = new Schema<StaffContactDoc>({ staffId: String, contactId: String, boundAt: Date }, options)
  schema.index({ staffId: 1 }, { unique: true })
  schema.index({ contactId: 1 }, { unique: true })
  return schema
}

export function defineBotModels(conn: Connection): BotModels {
  return {
    BotSeenMessage: conn.model<BotSeenMessageDoc>('BotSeenMessage', seenMessageSchema(), 'bot_seen_messages'),
    BotDialogue: conn.model<BotDialogueDoc>('BotDialogue', dialogueSchema(), 'bot_dialogues'),
    StationRoom: conn.model<StationRoomDoc>('StationRoom', stationRoomSchema(), 'station_rooms'),
    StaffContact: conn.model<StaffContactDoc>('StaffContact', staffContactSchema(), 'staff_contacts'),
  }
}
