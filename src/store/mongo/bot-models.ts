import { Schema, type ClientSession, type Connection, type Model } from 'mongoose'

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

/**
 * `_id` is a chat contact: the one document every staff binding of that contact and every join of its chat to a
 * mini-program account writes in its transaction, before it reads what the other writes (bot-repo.ts
 * bindStaffContact, chat-join.ts confirm). Each of the two only reads what the other writes (the join reads
 * staff_contacts, the binding reads mp_users) and no index spans both, so two at once would both commit: a joined
 * account bound as staff. Both writing this document makes them a write conflict: the later is run again, reads the
 * earlier and refuses, as sqlite's one writer does (and as people-repos.ts bindDeputy's deputy_bindings). `claims`
 * only counts, so that every claim changes the document.
 *
 * It lives only inside the transaction that writes it: each lets go of it before it commits (releaseChatContact), and
 * one that refuses aborts. Writing it at all is what makes the conflict: an insert and a delete of its `_id` are both
 * writes that another transaction's write of the same `_id`, uncommitted or committed since that one began, meets. So
 * the contact id, which sqlite keeps nowhere but in the binding or the join themselves, is not kept past them (not
 * after 解除 or 删除我的信息).
 */
export interface ChatContactClaimDoc {
  _id: string
  claims: number
}

/** The contact's claim (ChatContactClaimDoc), written within `session`: in a staff binding's or a join's transaction. */
export const claimChatContact = (ChatContactClaim: Model<ChatContactClaimDoc>, contactId: string, session: ClientSession) =>
  ChatContactClaim.updateOne({ _id: contactId }, { $inc: { claims: 1 } }, { upsert: true, session })

/** The claim let go, in the same transaction, once what it guards is written: nothing of it outlives the transaction. */
export const releaseChatContact = (ChatContactClaim: Model<ChatContactClaimDoc>, contactId: string, session: ClientSession) =>
  ChatContactClaim.deleteOne({ _id: contactId }, { session })

export interface BotModels {
  BotSeenMessage: Model<BotSeenMessageDoc>
  BotDialogue: Model<BotDialogueDoc>
  StationRoom: Model<StationRoomDoc>
  StaffContact: Model<StaffContactDoc>
  ChatContactClaim: Model<ChatContactClaimDoc>
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
    ChatContactClaim: conn.model<ChatContactClaimDoc>(
      'ChatContactClaim',
      new Schema<ChatContactClaimDoc>({ _id: String, claims: Number }, options),
      'chat_contact_claims',
    ),
  }
}
