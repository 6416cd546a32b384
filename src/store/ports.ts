/**
 * Storage ports: one repository per aggregate, in the domain's words. Two adapters
 * implement every port (sqlite/ and mongo/); test/store/ holds the contract both pass.
 * Adapters return plain objects and translate driver errors (unique violations become
 * ConflictError). Multi-step writes are single methods so each adapter can make them
 * one transaction.
 */
import type { DeputyLevel, Region, Staff, StaffRole, Station, StationKind, Deputy, Unit } from '../domain/directory.js'
import type { CaseEvent, CaseRecord, CaseStatus } from '../domain/case.js'
import type { DeputyAway } from '../domain/deputy-away.js'
import type { AuditName, AuditRef } from '../domain/audit-names.js'
import type { CampaignRecord, CheckInRecord, ReachRecord, ReadReceipt, Reader, ReadingItem } from '../domain/campaign.js'
import type { InviteeWithdrawal, MeetingInvitee, MeetingRecord, MeetingStatus, PersonRef, PublicRegistration, Rsvp } from '../domain/meeting.js'
import type { SurveyRepo } from './survey-ports.js'
export type * from './survey-ports.js'
import type { QuizRepo } from './quiz-ports.js'
import type { HolidayYear } from '../domain/holiday-cn.js'
export type * from './quiz-ports.js'
import type { PrivacyRepo } from './privacy-ports.js'
export type * from './privacy-ports.js'
import type { Page, PageQuery } from './page.js'
export type * from './page.js'
import type { OutboxMessage, OutboxStatus } from './outbox-message.js'
export type * from './outbox-message.js'
import type { IdempotencyRepo } from './idempotency-port.js'
export type * from './idempotency-port.js'
import type { LoginFailureRepo } from './login-failure-port.js'
export type * from './login-failure-port.js'
import type { UploadRepo } from './upload-ports.js'
export type * from './upload-ports.js'
import type { AnalysisRepo, PublicationRepo } from './analysis-ports.js'
export type * from './analysis-ports.js'
import type { AppraisalRepo, PointRuleRepo, RecordActivityRepo } from './record-ports.js'
export type * from './record-ports.js'
import type { LivelihoodRepo } from './livelihood-ports.js'
export type * from './livelihood-ports.js'
import type { SuggestionRepo } from './suggestion-ports.js'
export type * from './suggestion-ports.js'
import type { BarCounts, CaseMiddleTimes, CasePeriod, CaseTally, CaseTallyKey, CaseTallyOptions, HotIssueCase } from './case-tally.js'
export type * from './case-tally.js'

/** A deputy as stored: the phone only as an encrypted envelope and a blind index. */
export type DeputyRecord = Omit<Deputy, 'phone'> & { phoneEnc: string | null; phoneIndex: string | null }
/**
 * `activationHash`: a keyed hash of the one-time activation code a sync file gave a new staff
 * member instead of an initial password; cleared when they set their password. `activationIssuedAt`:
 * when that code first appeared (the same code in a later file keeps the time), so that it expires.
 * `mustChangePassword`: the password is one somebody else chose (an admin's new account or reset, an
 * import's initial password), so the person may do nothing but change it.
 */
export type StaffRecord = Staff & {
  passwordHash: string | null
  activationHash: string | null
  activationIssuedAt: Date | null
  mustChangePassword: boolean
}

export interface RegionRepo {
  list(): Promise<Region[]>
  get(id: string): Promise<Region | null>
}

export interface StationQuery extends PageQuery {
  /** Part of the name, or the start of the code. */
  q?: string
  kind?: StationKind
}
export type StationPatch = Partial<Pick<Station, 'name' | 'kind' | 'address' | 'regionIds' | 'receptionDays' | 'receptionHours'>>

export interface StationRepo {
  get(id: string): Promise<Station | null>
  getByCode(code: string): Promise<Station | null>
  /** Every station; the directory is small enough (hundreds) to hold in memory. */
  list(): Promise<Station[]>
  search(query: StationQuery): Promise<Page<Station>>
  update(id: string, patch: StationPatch): Promise<Station>
}

export interface DeputyQuery extends PageQuery {
  q?: string
  level?: DeputyLevel
  stationId?: string
  /** Serving at any of these stations (a clerk of several: hers); empty: none. */
  stationIds?: string[]
  topic?: string
  /** In office (true) or left (false); absent: both. */
  active?: boolean
}
/**
 * `dutyAt` replaces one station's duty days and keeps the other stations' as they are in the store
 * at the write (two stations' staff editing the same deputy at once both keep theirs); with `seen`, only
 * while his days at that station are still those (in any order): else nothing is written and it is
 * StoreConflict 'duty_day_changed', as setDutyDay, whose saves it is taken one after the other with; `dutyByStation`
 * replaces the whole roster. Days at stations not in the deputy's `stationIds` are not kept on his
 * roster: with `today` (the business date of the edit), those before it at a station he leaves stay in
 * his `formerDuty` (duty-days.ts dutyAfterMove), judged on the record as stored at the write.
 */
export type DeputyPatch = Partial<Pick<DeputyRecord, 'name' | 'level' | 'stationIds' | 'topics' | 'dutyByStation' | 'phoneEnc' | 'phoneIndex' | 'active'>> & {
  dutyAt?: { stationId: string; dates: string[]; seen?: readonly string[] }
  today?: string
}

export interface DeputyRepo {
  get(id: string): Promise<DeputyRecord | null>
  getByCode(code: string): Promise<DeputyRecord | null>
  search(query: DeputyQuery): Promise<Page<DeputyRecord>>
  listByStation(stationId: string): Promise<DeputyRecord[]>
  findByPhoneIndex(phoneIndex: string): Promise<DeputyRecord[]>
  /** Deputies who sat reception duty at a station they have since left (`formerDuty` there), by id. */
  formerAtStation(stationId: string): Promise<DeputyRecord[]>
  /**
   * One step as to every other write of him: a move (stationIds) computes his former duty from the record as it is at
   * the write, never from an older read, so a clerk's days saved at the same moment are neither lost nor undone. An
   * adapter that cannot hold the record while it computes (mongo: compare-and-set) may give up after others keep
   * writing his stations or duty: StoreConflict 'deputy_busy', nothing written. Sqlite never does.
   */
  update(id: string, patch: DeputyPatch): Promise<DeputyRecord>
  /**
   * Who sits reception duty at `stationId` on `date` (YYYY-MM-DD), saved as one write: each deputy of the station in
   * `onDuty` has the date among his days there, every other deputy of the station has it no longer; other days and
   * other stations' stay as stored. Compare-and-set: only while those of the station with the date there are still
   * `seen` (in any order); otherwise nothing is written and it is StoreConflict 'duty_day_changed', so a clerk's save
   * read before another's cannot undo it unseen. Two saves of the station's days at once are taken one after the other.
   * Ids in `onDuty` not of the station are the caller's to refuse first (none is written). Returns those whose days
   * changed, as stored after.
   */
  setDutyDay(stationId: string, date: string, change: { onDuty: readonly string[]; seen: readonly string[] }): Promise<DeputyRecord[]>
  /**
   * Sets (or, with null, ends) the deputy's 暂停接收留言 mark, nothing else, with the messages that tell him so in the
   * same transaction (none written when the id is unknown: NotFoundError). With `expected` (null: no mark), only if
   * the mark still stands as the caller read it (dates, kind, note, who set it): else nothing is written and it is
   * StoreConflict 'stale_away', so a change read before another's write cannot undo that write unseen.
   */
  setAway(id: string, away: DeputyAway | null, outbox?: readonly OutboxMessage[], expected?: DeputyAway | null): Promise<DeputyRecord>
}

export interface StaffQuery extends PageQuery {
  q?: string
  role?: StaffRole
  stationId?: string
  unitId?: string
}
export type StaffPatch = Partial<
  Pick<
    StaffRecord,
    'name' | 'role' | 'stationIds' | 'regionIds' | 'unitIds' | 'active' | 'passwordHash' | 'activationHash' | 'activationIssuedAt' | 'mustChangePassword'
  >
>

export type UnitPatch = Partial<Pick<Unit, 'name' | 'kind' | 'regionId' | 'contact' | 'active'>>

/** Handling units: tens to a few hundred per city, held in memory by their readers. */
export interface UnitRepo {
  list(): Promise<Unit[]>
  get(id: string): Promise<Unit | null>
  /** A taken code is a ConflictError. */
  create(unit: Unit): Promise<Unit>
  update(id: string, patch: UnitPatch): Promise<Unit>
}

export interface StaffRepo {
  get(id: string): Promise<StaffRecord | null>
  getByUsername(username: string): Promise<StaffRecord | null>
  search(query: StaffQuery): Promise<Page<StaffRecord>>
  create(record: StaffRecord): Promise<StaffRecord>
  /**
   * A patch that disables the account (`active: false`) also lets go of its WeChat binding (BotRepo's staff contact) in
   * the same write: a disabled account's WeChat is nobody's to reach, and its owner could not sign in to let go of it.
   * With `unbound`, that entry goes to the audit trail in the same write when a binding went.
   */
  update(id: string, patch: StaffPatch, unbound?: AuditEntry): Promise<StaffRecord>
  countByRole(role: StaffRole): Promise<number>
  /**
   * Dates every activation code still waiting without an issue date (written before codes expired) at `at`, so that
   * it expires like the others rather than never; how many. A one-off step at start (sqlite's 051 did it at upgrade).
   */
  dateUndatedActivations(at: Date): Promise<number>
}

export type SessionSubject = 'staff' | 'mp_user'
export interface SessionRecord {
  id: string
  /** SHA-256 of the token; the token itself is never stored. */
  tokenHash: string
  subjectKind: SessionSubject
  subjectId: string
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
}

export interface SessionRepo {
  create(session: SessionRecord): Promise<void>
  findByTokenHash(tokenHash: string): Promise<SessionRecord | null>
  /**
   * A mini-program session with what every request needs of its person, in one read: null for
   * an unknown token; `person` null when the session is not a person's or the person is gone.
   */
  findMpSession(tokenHash: string): Promise<{ session: SessionRecord; person: MpSessionPerson | null } | null>
  touch(id: string, at: Date): Promise<void>
  delete(id: string): Promise<void>
  deleteForSubject(kind: SessionSubject, subjectId: string): Promise<number>
  deleteExpired(now: Date): Promise<number>
}

/** What else a case's update takes out of the outbox or writes to the audit trail, in its transaction. */
export interface CaseUpdateAlso {
  withdraw?: string[]
  audit?: AuditEntry[]
  /**
   * 合并: the id of the case `record` is merged into by this update. Read again inside the write and held to
   * mergeTargetRefusal there (StoreConflict merge_target_closed / merge_target_answered, nothing written), and its
   * version moves on with the write: a change to it made from an earlier read (an answer copied to the duplicates it
   * had then) is refused as stale_case, never committed without this one.
   */
  mergeInto?: string
}

export interface AuditEntry {
  at: Date
  actorKind: 'staff' | 'mp_user' | 'system'
  actorId: string | null
  action: string
  targetKind: string | null
  targetId: string | null
  details: Record<string, unknown>
}
export type AuditRecord = AuditEntry & { id: string }
export interface AuditQuery extends PageQuery {
  action?: string
  targetId?: string
  actorId?: string
  /**
   * An office's reach (an organizer of districts or streets reads its own 操作记录): only the entries whose actor or
   * target is one of `ids` (its staff, stations and deputies), or whose target is a case of `districtIds` (handled or
   * written there) or of `stationIds`.
   */
  reach?: AuditReach
}
export interface AuditReach {
  ids: string[]
  districtIds: string[]
  stationIds: string[]
}

export interface AuditRepo {
  append(entry: AuditEntry): Promise<void>
  /** Newest first. */
  list(query: AuditQuery): Promise<Page<AuditRecord>>
  /**
   * What a page of entries names, as the 操作记录 page says it (a staff member's name and role, a
   * case's ticket, a meeting's title …): one read per kind asked, never one per entry; what no
   * longer exists is left out.
   */
  names(refs: AuditRef[]): Promise<AuditName[]>
}

export interface LockRepo {
  /**
   * Takes the named lease for `holder` until now + ttlMs if it is free, expired, or
   * already held by the same holder (a renewal). Atomic across instances.
   */
  acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>
  /**
   * Extends a lease `holder` still holds to now + ttlMs, for a job that runs long. False
   * when it no longer holds it (released, or expired and taken by another): never takes one.
   */
  renew(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>
  release(name: string, holder: string): Promise<void>
}

/**
 * One-off steps done on this store, by name (a fix of data an older version wrote), so that
 * later starts skip them without reading that data again.
 */
export interface MarkerRepo {
  /** When the step was recorded as done, or null when it never was. */
  doneAt(name: string): Promise<Date | null>
  /** Records the step as done; when it already was (another instance), the first time stays. */
  markDone(name: string, at: Date): Promise<void>
  /** Forgets the step (a store that no longer is what the marker said, e.g. the demo's once a real directory is imported). */
  clear(name: string): Promise<void>
}

/** Everything in the directory, as the import validator needs it. */
export interface DirectorySnapshot {
  regions: Region[]
  stations: Station[]
  units: Unit[]
  deputies: DeputyRecord[]
  staff: StaffRecord[]
}

export interface DirectoryCounts {
  regions: number
  stations: number
  units: number
  deputies: number
  staff: number
}

export interface DirectoryRepo {
  snapshot(): Promise<DirectorySnapshot>
  counts(): Promise<DirectoryCounts>
  /**
   * Inserts or replaces every record by id, all in one transaction: all or nothing. A console account written
   * inactive lets go of its WeChat binding in it, as StaffRepo.update does; `unbound(staffId)`, when given, is the
   * audit entry written with each binding that went.
   */
  upsertAll(records: DirectorySnapshot, unbound?: (staffId: string) => AuditEntry): Promise<void>
  /**
   * A mark that changes when another process (a CLI import, another instance) may have changed
   * the store since the last call; null where the store cannot tell (then only time tells).
   */
  changedElsewhereMark(): Promise<number | null>
}

export interface Store {
  readonly kind: 'sqlite' | 'mongo'
  regions: RegionRepo
  stations: StationRepo
  deputies: DeputyRepo
  staff: StaffRepo
  units: UnitRepo
  sessions: SessionRepo
  audit: AuditRepo
  locks: LockRepo
  directory: DirectoryRepo
  mpUsers: MpUserRepo
  cases: CaseRepo
  outbox: OutboxRepo
  idempotency: IdempotencyRepo
  subscriptions: SubscriptionRepo
  bindingCodes: BindingCodeRepo
  chatJoins: ChatJoinRepo
  bot: BotRepo
  digests: DigestRepo
  meetings: MeetingRepo
  campaigns: CampaignRepo
  surveys: SurveyRepo
  quizzes: QuizRepo
  calendar: CalendarRepo
  privacy: PrivacyRepo
  analysis: AnalysisRepo
  publications: PublicationRepo
  topicCorrections: TopicCorrectionRepo
  recordActivities: RecordActivityRepo
  pointRules: PointRuleRepo
  appraisals: AppraisalRepo
  livelihood: LivelihoodRepo
  suggestions: SuggestionRepo
  markers: MarkerRepo
  loginFailures: LoginFailureRepo
  uploads: UploadRepo
  /** Throws when the store cannot answer (used by /readyz). */
  ping(): Promise<void>
  close(): Promise<void>
}

// ——— People who use the mini-program or the bot ———

/** What a request of the mini-program needs of the person signed in (SessionRepo.findMpSession). */
export type MpSessionPerson = Pick<MpUserRecord, 'id' | 'deputyId' | 'consentVersion'>

export interface MpUserRecord {
  id: string
  openid: string | null
  unionid: string | null
  /** A deputy's account once bound with a one-time code. */
  deputyId: string | null
  phoneEnc: string | null
  phoneIndex: string | null
  /** The privacy notice the person agreed to, and when. */
  consentVersion: string | null
  consentAt: Date | null
  createdAt: Date
  /** The person's WeChat contact as the bot knows it, once bound. */
  botContactId?: string | null
  /** The remark the bot set on the contact, to know them again when contact ids change. */
  botAlias?: string | null
}
export type MpUserPatch = Partial<
  Pick<MpUserRecord, 'deputyId' | 'phoneEnc' | 'phoneIndex' | 'consentVersion' | 'consentAt' | 'unionid' | 'botContactId' | 'botAlias'>
>

export interface MpUserRepo {
  get(id: string): Promise<MpUserRecord | null>
  getByOpenid(openid: string): Promise<MpUserRecord | null>
  /** Everyone bound to the deputy: at most one mini-program account and one bot contact, oldest first. */
  listByDeputyId(deputyId: string): Promise<MpUserRecord[]>
  /**
   * Everyone bound to any of these deputies, each deputy's oldest first (as listByDeputyId), in one
   * read: who of a city's 9,000 deputies a message reaches is one query, not 9,000.
   */
  listByDeputyIds(deputyIds: readonly string[]): Promise<MpUserRecord[]>
  /** The people of these ids that exist, in one read (in no set order). */
  getMany(ids: readonly string[]): Promise<MpUserRecord[]>
  getByBotContact(contactId: string): Promise<MpUserRecord | null>
  getByBotAlias(alias: string): Promise<MpUserRecord | null>
  create(user: MpUserRecord): Promise<MpUserRecord>
  update(id: string, patch: MpUserPatch): Promise<MpUserRecord>
  /**
   * Binds the deputy to this person, in one transaction with what it undoes: the deputy's other
   * accounts that `replaces` picks (as bound at the write) are let go, and `notices(replaced)` are
   * enqueued. A crash never leaves a deputy bound nowhere, nor a WeChat let go without its notice.
   * Returns the accounts let go; NotFoundError when the person is not there; StoreConflict 'deputy_channel_taken',
   * changing nothing, when the deputy would have a second account in the mini-program or the chat (a person whose
   * chat is joined is in both, and an account `replaces` keeps is in the other: deputy-channels.ts).
   */
  bindDeputy(
    personId: string,
    deputyId: string,
    replaces: (bound: MpUserRecord) => boolean,
    notices: (replaced: MpUserRecord[]) => OutboxMessage[],
  ): Promise<MpUserRecord[]>
}

/** What joining a chat to a mini-program account moved (ChatJoinRepo.confirm). */
export interface ChatJoined {
  /** Her messages written in the chat, now the account's. */
  cases: number
}

// ——— A resident's chat joined to her mini-program account (services/accounts/chat-join.ts) ———

/** The chat that sent her code, waiting for her answer in the mini-program (是我的 / 不是我的). */
export interface ChatJoinRequest {
  id: string
  /** Her mini-program account, whose code the chat sent. */
  accountId: string
  /** The chat person that sent it. */
  chatPersonId: string
  /** The chat's WeChat name as the bot saw it when the code came (null: the bot did not say). */
  chatName: string | null
  requestedAt: Date
  /** Her code's: the request lapses with it. */
  expiresAt: Date
}

/** Her chat as joined: which WeChat, and when she said it was hers. */
export interface ChatJoinedRecord {
  accountId: string
  chatName: string | null
  joinedAt: Date
}

/**
 * Joining a chat to a mini-program account takes two sides: the chat sends her code (`request`), and only her answer
 * in the mini-program (`confirm`) moves anything. One row per account: a request waiting, or the chat joined.
 */
export interface ChatJoinRepo {
  /**
   * The chat sent her code: kept until her answer or the code's end, replacing a request of hers still waiting (one per
   * account). False, keeping nothing, once her account has a chat joined.
   */
  request(r: ChatJoinRequest): Promise<boolean>
  /** Her request still waiting at `now` (not lapsed), or null. */
  pending(accountId: string, now: Date): Promise<ChatJoinRequest | null>
  /** Her chat as joined, or null. */
  joined(accountId: string): Promise<ChatJoinedRecord | null>
  /**
   * She said 是我的 to request `requestId` (still waiting at `audit.at`): in one transaction with `audit` (its details
   * given `cases`, how many of her messages moved), the request is taken and everything the chat person holds becomes
   * her account's — her messages (their resident link, at their next version; her own steps in their timelines; their
   * publication), the messages to her (outbox), her subscription credits (added to those there), her survey answers and
   * opinions (an answer to a survey she also answered in the mini-program stays as it was, linked to her) — and the
   * chat's bot contact and remark move to the account, so the chat goes on as it; the later of the two consents is
   * kept. A message's idempotency key the account used already gets ":chat" added, so neither is lost. The chat person's
   * record is then deleted (the chat takes no phone of its own, and quizzes, study and proposals are the
   * mini-program's alone, so nothing else names it), and the row records the chat joined (its name, `audit.at`).
   * Null, changing nothing, unless the request is hers and waiting, the chat person has a contact and no openid, the
   * account an openid and no contact, neither is bound to a deputy or erased, and the chat's contact is no staff
   * member's (all read inside the write). What moved is recorded with the join (ChatJoinMoved: each item, the chat
   * person as it was, both agreements), so that the chat can take it back (either side's 解除); `notices` (the chat told
   * it was joined, addressed to the chat's own person: chat-join-moved.ts TO_THE_CHAT_KINDS, never moved to the
   * account) are written in the same write, only when it joins.
   */
  confirm(accountId: string, requestId: string, audit: AuditEntry, notices?: readonly OutboxMessage[]): Promise<ChatJoined | null>
  /** She said 不是我的: her waiting request `requestId` goes, with `audit`, in one write. False when there was none. */
  refuse(accountId: string, requestId: string, now: Date, audit: AuditEntry): Promise<boolean>
  /**
   * 解除 in the mini-program: as `undoFromChat` (whichever side says it, what came from the chat goes back to the chat's
   * own person, recreated under the id it had, and each side keeps its own agreement), and the chat's dialogue goes (what
   * it was in the middle of may name the account's messages); `notices(chatPersonId)` (the chat told) are written in the
   * same write, with `audit` (its details given `to` and `cases`). A join the chat cannot take back (the account holds no
   * contact) is only let go. Null, changing nothing, when no chat is joined.
   */
  unjoin(accountId: string, audit: AuditEntry, notices?: (chatPersonId: string) => OutboxMessage[]): Promise<{ chatPersonId: string; cases: number } | null>
  /**
   * 解除 said in the chat (the one that wrote what was moved): in one write with `audit` (its details given `to`, the
   * chat person, and `cases`, how many messages went back), the chat is its own person again — recreated under the id
   * it had, with the chat's contact and remark (taken from the account) — and everything the join moved goes back to
   * it: her messages (their resident link, at their next version, with the keys they had; her steps in their
   * timelines, whoever of the two took them; their publication), the messages to her and every message about those
   * messages, her credits (taken off the account's), her survey answers (with the keys they had) and opinions; so do
   * messages written in the chat after the join (their first step says `via: 'chat'`). The account keeps the rest.
   * Each side's agreement is its own (chat-join-moved.ts consentsApart): the chat's latest choice made from the chat
   * (a withdrawal there stays withdrawn), else the one it had; the account's latest own, else the one it had. Its chat
   * dialogue stays: the chat is the same person. Null, changing nothing, when no chat is joined to the account.
   */
  undoFromChat(accountId: string, audit: AuditEntry): Promise<{ chatPersonId: string; cases: number } | null>
  /**
   * A joined account's agreement given or withdrawn (`consent`) from one side (`chat`: in the chat; `account`: in the
   * mini-program): in one write, the account's agreement changes and the join records whose choice it was, so that 解除
   * gives each side its own. False, changing nothing, when no chat is joined to the account (the caller writes it then).
   */
  consentWhileJoined(accountId: string, side: 'chat' | 'account', consent: { consentVersion: string | null; consentAt: Date | null }): Promise<boolean>
  /** The account a joined chat goes on as, by the chat's own person id (deleted while joined); null when not joined. */
  heldBy(chatPersonId: string): Promise<string | null>
  /**
   * What was written under a chat person after it joined (a message whose write began before the join and ended after
   * it, which MongoDB does not serialise with the join) is moved to the account, for every chat joined at or after
   * `since`; how many messages moved. Run after each join and by the maintenance job.
   */
  gatherLeftBehind(since: Date): Promise<number>
  /** Forgets requests that lapsed before `before` (the WeChat name in them goes too); how many. */
  purgeLapsed(before: Date): Promise<number>
}

// ——— Outbox: every message to a person, written with the change that causes it ———

export interface OutboxQuery extends PageQuery {
  status?: OutboxStatus
  channel?: string
  recipientId?: string
  kind?: string
  /**
   * Dead messages only, split by why: true, those dropped on purpose because later news made them untrue
   * (lastError starts with "已被后来的变化取代", SUPERSEDED_REASON); false, those that failed. Unset: no such filter.
   */
  dropped?: boolean
}

/** How one leased attempt ended. Only the holder of the lease may record it. */
export type OutboxOutcome =
  | { status: 'sent'; at: Date; channel: string; address: string | null }
  /** `code`: the chat bot's reason code for `error` (src/domain/send-failure.ts), when it gave one. */
  | { status: 'failed'; error: string; retryAt: Date; code?: string | null }
  | { status: 'dead'; error: string; code?: string | null }
  /**
   * Not an attempt: re-routed to another channel, or waiting (a rate limit, no channel yet). Unless `missed`: the way
   * it was routed found nobody when it was to go (the bot cannot find the person any more); then it counts as an
   * attempt, with `missed` as its error, so that one routed there again and again ends 未能送达 instead of going round.
   */
  | { status: 'pending'; channel: string; address: string | null; until: Date; reason: string | null; missed?: string }

export interface OutboxRepo {
  search(query: OutboxQuery): Promise<Page<OutboxMessage>>
  countsByStatus(): Promise<Record<OutboxStatus, number>>
  /** How many dead messages were dropped on purpose (OutboxQuery.dropped): not failures, nothing to send again. */
  countDropped(): Promise<number>
  countsByChannel(): Promise<Record<string, Record<OutboxStatus, number>>>
  get(id: string): Promise<OutboxMessage | null>
  /** The messages with these dedupe keys (each key names an event and a person): whether a notice reached each person. */
  byDedupeKeys(keys: string[]): Promise<OutboxMessage[]>
  /** Messages not tied to another write (jobs); a dedupe key already there is skipped. */
  enqueue(messages: OutboxMessage[]): Promise<void>
  /**
   * Leases up to `limit` due messages of these channels to `holder` until now + leaseMs:
   * pending or failed ones whose time has come, and sending ones whose lease ran out (a
   * crashed sender). Atomic: two dispatchers never lease the same message.
   */
  claimDue(now: Date, options: { limit: number; leaseMs: number; holder: string; channels: string[] }): Promise<OutboxMessage[]>
  /** Records the outcome if `holder` still holds the lease; false when it does not (it expired and moved on). */
  complete(id: string, holder: string, outcome: OutboxOutcome): Promise<boolean>
  /** A dead message back to pending, for another round of attempts (console). */
  retryDead(id: string, now: Date): Promise<boolean>
  /**
   * Whether a message written after `m` to the same recipient about the same subject
   * (`about`: the payload's id key and value, e.g. caseId) has been sent: then `m` is old news.
   */
  newerSent(m: Pick<OutboxMessage, 'recipientKind' | 'recipientId' | 'createdAt'>, about: OutboxSubject): Promise<boolean>
}
/** The payload id that names what a message is about. */
export interface OutboxSubject {
  key: 'caseId' | 'meetingId' | 'surveyId' | 'quizId' | 'itemId'
  id: string
}

// ——— The chat bot ———

/** A station's bound WeChat group. */
export interface StationRoom {
  roomId: string
  /** The group's name when it was bound: how the bot finds it again after a re-login. */
  topic: string | null
}

export interface BotRepo {
  /**
   * True the first time a message id is reported (puppets replay messages after a
   * restart), and again for the same `claim`: the handler that first reported it, retrying
   * after a lost answer.
   */
  firstSighting(messageId: string, at: Date, claim?: string | null): Promise<boolean>
  /**
   * The dialogue saved for a contact. With `now`, one kept past its `keepUntil` is none: it only waits for the hourly
   * purge, and what it holds (her words at the privacy notice, kept "for a day" as she was told) is not handed back.
   * One saved as holding her unsent words is, past that time (and once purged, for LAPSED_WORDS_MARK_MS), an empty
   * state with `wordsLapsed`: her words are gone, and the bot tells her so at her next message.
   */
  dialogue(contactId: string, now?: Date): Promise<{ state: Record<string, unknown>; updatedAt: Date; wordsLapsed: boolean } | null>
  /**
   * `keepUntil`: when it may be deleted if not saved again (purgeDialogues); null or absent: when untouched long.
   * `holdsWords`: it holds words of hers not sent yet (past `keepUntil` they go, leaving the mark `wordsLapsed`).
   * Saving again, or clearing, ends a mark.
   */
  saveDialogue(contactId: string, state: Record<string, unknown>, at: Date, keepUntil?: Date | null, holdsWords?: boolean): Promise<void>
  clearDialogue(contactId: string): Promise<void>
  /**
   * Deletes the dialogues kept past their `keepUntil` (before `now`), and those saved without one and untouched
   * since before `untouchedBefore`; one that held her unsent words is emptied instead, kept as the mark `wordsLapsed`
   * for LAPSED_WORDS_MARK_MS. How many went (emptied ones too).
   */
  purgeDialogues(now: Date, untouchedBefore: Date): Promise<number>
  /** A station's WeChat group, with its topic (null when unknown); binding another room replaces the old one. */
  bindRoom(stationId: string, roomId: string, boundBy: string, at: Date, topic?: string | null): Promise<void>
  roomOf(stationId: string): Promise<StationRoom | null>
  /** The station a group is bound to, if any. */
  stationOfRoom(roomId: string): Promise<string | null>
  /** Whether another station's group has this topic too: then a topic cannot tell the groups apart. */
  topicShared(topic: string, stationId: string): Promise<boolean>
  /**
   * The bound room was found again under a new id (a re-login): its binding follows it. False when
   * no station has `fromRoomId`, or when `toRoomId` is another station's group (never taken from it).
   */
  moveRoom(fromRoomId: string, toRoomId: string): Promise<boolean>
  /**
   * Binds a staff account to a WeChat contact, replacing the account's and the contact's bindings. Refuses (StoreConflict
   * 'account_disabled', nothing written) an account stored as disabled, read in the write itself: a disable landing as it
   * binds either sees the binding and lets go of it, or is seen. (An id the store does not hold is the caller's to refuse:
   * accounts are never deleted, so one the caller read stays there.)
   */
  bindStaffContact(staffId: string, contactId: string, at: Date): Promise<void>
  /** Her 解除微信绑定: the staff member's WeChat binding goes; false when she had none. */
  unbindStaffContact(staffId: string): Promise<boolean>
  staffByContact(contactId: string): Promise<string | null>
  /** The WeChat contact a staff member bound with their 工作人员绑定码, where the bot reaches them; null when none. */
  contactOfStaff(staffId: string): Promise<string | null>
  /** contactOfStaff for many in one read: staff id → contact, for those who bound one. */
  contactsOfStaff(staffIds: readonly string[]): Promise<Map<string, string>>
  /**
   * A person's WeChat contact has a new id (a re-login): what was kept under the old id —
   * a staff binding, a dialogue under way — moves to the new one, in one transaction. The
   * old id's staff binding replaces any of the new id's; of two dialogues the newer is kept.
   */
  moveContact(fromContactId: string, toContactId: string): Promise<void>
  purgeSeenBefore(before: Date): Promise<number>
}

// ——— The deputies' daily digest ———

export interface DigestPreferences {
  /** Channels in the order the deputy prefers (mp_subscribe, bot_private; never a group); empty = the default order. */
  channels: string[]
  /** HH:MM local time; null = the office's default time. */
  sendAt: string | null
  /** 休息日不发送: none on the business calendar's days off (holidays, weekends not worked as 调休). */
  muteWeekends: boolean
}

export interface DigestRepo {
  /** Every deputy's choices that differ from the defaults. */
  allPreferences(): Promise<Record<string, DigestPreferences>>
  preferences(deputyId: string): Promise<DigestPreferences | null>
  savePreferences(deputyId: string, preferences: DigestPreferences, at: Date): Promise<void>
  /** Deputies who already have the day's digest. */
  sentOn(day: string): Promise<string[]>
  /** When each deputy's last digest was made (for "new since the last digest"). */
  lastMade(): Promise<Record<string, Date>>
  /**
   * Records digests with their outbox messages in one transaction; a deputy who already has
   * that day's digest is skipped (never two a day, whoever runs the job). Returns how many were new.
   */
  record(day: string, digests: Array<{ deputyId: string; message: OutboxMessage }>, at: Date): Promise<number>
}

// ——— Subscribe-message credits and deputies' binding codes ———

export interface SubscriptionCredit {
  oneTime: number
  longTerm: boolean
}
export interface SubscriptionRepo {
  /** accept_once adds one send; long_term_on / off switch a long-term subscription. */
  record(userId: string, templateId: string, change: 'accept_once' | 'long_term_on' | 'off', at: Date): Promise<void>
  get(userId: string, templateId: string): Promise<SubscriptionCredit | null>
  /** Takes one send if there is one (a long-term subscription is not used up). */
  consume(userId: string, templateId: string, at: Date): Promise<boolean>
  /**
   * consume, but never the last one-time send: taken only while another is left after it (or under a long-term
   * subscription), for news that asks nothing of him, so that the last is kept for work (a new, reopened or urged
   * message). One atomic step: two dispatchers both finding two left take one each, never the last.
   */
  consumeUnlessLast(userId: string, templateId: string, at: Date): Promise<boolean>
  /** Gives back a send taken for an attempt that did not reach WeChat. */
  restore(userId: string, templateId: string, at: Date): Promise<void>
  /** WeChat says nothing is left (43101): believe it. */
  clear(userId: string, templateId: string, at: Date): Promise<void>
}

/**
 * What a one-time code binds: a deputy record, a staff account, or (`resident`) a resident's mini-program account that
 * her chat asks to join (services/accounts/chat-join.ts).
 */
export type BindingCodePurpose = 'deputy' | 'staff' | 'resident'
/**
 * Whose codes a wrong try counts against: residents' (their own, longer shape, services/accounts/mp-account.ts), or
 * deputies' and staff's (`official`: six digits, and codes stored without a purpose, from before purposes were kept).
 */
export type BindingCodePool = 'resident' | 'official'

/** One code redeemed (BindingCodeRepo.redeemAny). */
export interface RedeemedCode {
  codeHash: string
  /** What it binds: the deputy, the staff member, or the resident's account. */
  subjectId: string
  expiresAt: Date
}

export interface BindingCodeRepo {
  /**
   * `codeKey`: the code's own hash whatever its purpose, unique among stored codes (a ConflictError otherwise, as for
   * `codeHash`), so that one code can never be two purposes' at once. `replacing`: the subject's earlier codes of this
   * purpose not used yet go in the same write (one live code per resident's account).
   */
  create(code: {
    codeHash: string
    deputyId: string
    createdBy: string
    createdAt: Date
    expiresAt: Date
    purpose?: BindingCodePurpose
    codeKey?: string
    replacing?: boolean
  }): Promise<void>
  /** The deputy the code binds, marking it used, if it exists, is unused, unlocked and unexpired; else null. Atomic. */
  redeem(codeHash: string, userId: string, now: Date): Promise<string | null>
  /**
   * Every one of these codes that is unused, unlocked and unexpired, each marked used by `userId` (atomically: of two
   * redemptions of one code, one has it). More than one back means one code was two purposes' (only rows from before
   * `codeKey`): the caller refuses them all.
   */
  redeemAny(codeHashes: string[], userId: string, now: Date): Promise<RedeemedCode[]>
  /**
   * A wrong code was entered somewhere. A guess names no code, so it counts against every
   * live (unused, unlocked, unexpired) code of its `pool` (default `official`); those that have now met `lockAfter`
   * wrong tries are locked for good. Returns how many this locked.
   */
  recordWrongTry(now: Date, lockAfter: number, pool?: BindingCodePool): Promise<number>
  /** Deletes the codes that expired before `before`, used or not (they bind nothing any more); how many. */
  purgeExpired(before: Date): Promise<number>
}

// ——— Cases ———

export interface CaseFilter {
  residentId?: string
  deputyId?: string
  /** Any of these deputies (a directory import reads its movers' open cases at once). */
  deputyIds?: string[]
  /**
   * Only messages not merged into another (CaseRecord.mergedInto): with `deputyId`, the messages counted
   * for that deputy (a merged one counts for nobody, migration 060), as the console's 代表 filter lists them.
   */
  unmerged?: boolean
  /**
   * Only messages merged into another (合并办理): the dashboard says how many, as the per-deputy rows count them for
   * nobody (each is counted once, as the message it joined) while the weekly bars count every message received.
   */
  merged?: boolean
  /** Any of these stations. */
  stationIds?: string[]
  /** Any of these districts (organizers' scope). */
  districtIds?: string[]
  /**
   * Either of these, the scope of an organizer of districts and of streets: any of the districts
   * (as `districtIds` selects them) or any of the stations (those in the streets). One list
   * alone is given as `districtIds` or `stationIds` instead.
   */
  districtsOrStations?: { districtIds: string[]; stationIds: string[] }
  /**
   * Any of these districts as the one handling the case: its handling district (where a transfer
   * took it), else its place's when it has none, as the dashboard's 按区 rows group (CaseTallyKey
   * `handlingDistrict`). A district office's own messages: its weekly report, and its dashboard's
   * new messages (one transferred in counts, its resident's sent on to another district does not).
   */
  handlingDistrictIds?: string[]
  /** Cases with no station, waiting at an office: this district's, or the city's when null. */
  officeRegionIds?: Array<string | null>
  statuses?: CaseStatus[]
  topic?: string
  /** The place or anything under it: the caller passes the subtree. */
  regionIds?: string[]
  /**
   * 超期 (只看已超期): cases waiting for an answer whose reply deadline is before this instant (domain/case-stats.ts
   * waitingLate). One only late in being acknowledged is not: that is `ackLateAt`.
   */
  overdueAt?: Date
  /**
   * 未按时受理 (只看未按时受理): cases waiting whose next deadline (the acknowledgement's, until it is given) is before this
   * instant and whose reply deadline is not (domain/case-stats.ts ackLate): the badge's 未按时受理, never one 已超期.
   */
  ackLateAt?: Date
  createdFrom?: Date
  createdTo?: Date
  /** The resident's latest rating (1–5), for the console's satisfaction chart and its click-through. */
  rating?: number
  /**
   * 群众不满意: rated UNHAPPY_AT_MOST or less this round, or reopened (重新办理) and not rated again
   * (domain/case-unhappy's unhappyRating). Read in the list's own order: such cases are a few in a hundred.
   */
  unhappy?: boolean
  /**
   * One place as hot issues group messages by it (groupHotIssues: the community, else the district):
   * the cases of this community; when it is null, those with no community in this district, or
   * with neither when that is null too. Read through the community's index (the 合并 dialog's one issue).
   */
  hotIssuePlace?: HotIssuePlace
}
/** A message's place as hot issues see it: its community, or (with none) its district; see CaseFilter.hotIssuePlace. */
export interface HotIssuePlace {
  communityId: string | null
  districtId: string | null
}
export interface CaseQuery extends CaseFilter, PageQuery {
  /** newest first (default), or nearest deadline first. */
  order?: 'newest' | 'due'
  /** The one case with this ticket (YYYYMMDD-NNNN), if the other filters also hold. */
  ticket?: string
  /** Cases with any of these tickets (a short number's recent days: at most a few hundred), if the other filters also hold; none when empty. */
  tickets?: string[]
  /** Words the message text contains, every one, as substrings, ignoring ASCII case (the console's search box). */
  textWords?: string[]
  /** Only these cases (the ones behind a hot issue), if the other filters also hold; none when empty. */
  ids?: string[]
}

/** What countUpTo counts: a search's filters, without its page or order. */
export type CaseCount = Omit<CaseQuery, 'cursor' | 'limit' | 'order'>

export interface CaseSubmission {
  /** Everything but the ticket, which the store numbers per local date. */
  record: Omit<CaseRecord, 'ticket'>
  ticketDate: string
  events: CaseEvent[]
  /** Messages, or a function making them once the ticket is known (inside the same transaction). */
  outbox: OutboxMessage[] | ((stored: CaseRecord) => OutboxMessage[])
  /**
   * Written in a WeChat chat (the bot): the chat's contact. The message is the chat's at commit, not at the read before
   * it: read again inside the write, whoever holds that contact then (the account it is joined to, or the chat's own
   * person after a 解除 landed meanwhile) is its resident, its steps and messages to the resident re-addressed
   * (chat-holder.ts). StoreConflict 'chat_moved', writing nothing, when nobody holds the chat any more, or its holder
   * has not agreed to `consentVersion`.
   */
  writtenInChat?: { contactId: string; consentVersion: string }
}

export interface CaseRepo {
  /** One transaction: the case with its ticket, its first events and its messages. */
  submit(submission: CaseSubmission): Promise<CaseRecord>
  get(id: string): Promise<CaseRecord | null>
  getByTicket(ticket: string): Promise<CaseRecord | null>
  /**
   * The resident's cases whose ticket has one of these numbers after its date ("0042" of 20261122-0042),
   * newest first, at most `limit`: numbers start again at 0001 each day, so one may name several of
   * hers. Read through an index of her numbers, never by reading every case of hers.
   */
  residentNumbered(residentId: string, numbers: string[], limit: number): Promise<CaseRecord[]>
  /**
   * Of the cases with these tickets, those once placed with this deputy: an event of their timeline names
   * him (`data.deputyId`), as every placing does (heldOnce), whether or not they are his now; in no
   * particular order. Read through the tickets' unique index and each one's timeline, with no index of its own.
   */
  heldOnceBy(deputyId: string, tickets: string[]): Promise<CaseRecord[]>
  findByIdempotencyKey(residentId: string, key: string): Promise<CaseRecord | null>
  /**
   * Writes the new state if nobody changed the case since `record.version` was read,
   * with its events and messages, in one transaction; ConflictError otherwise. Each
   * event goes to the timeline of its own `caseId` (a reply is also written on the
   * cases merged into this one). `withdraw` names kinds of this case's messages that,
   * still waiting to be sent (pending or failed), are taken back out of the outbox. `audit`
   * entries (a staff member's move, for 操作记录) are written in the same transaction: a move
   * that is made is on record, and one that fails leaves no entry claiming it.
   */
  update(record: CaseRecord, events: CaseEvent[], outbox: OutboxMessage[], also?: CaseUpdateAlso): Promise<CaseRecord>
  /** Events and messages that change no field (reminders). */
  appendEvents(caseId: string, events: CaseEvent[], outbox: OutboxMessage[]): Promise<void>
  events(caseId: string): Promise<CaseEvent[]>
  /**
   * Of these cases, the last 催办 (`urged`) of each made since it last came into a deputy's hands or began a
   * new round (URGE_ENDING_STEPS: 分派, 转交, 上报, 重新办理), at most one a case, in no particular order:
   * 我的待办 marks 已催办 on all of a deputy's open cases in one read, not one a case, by currentUrge's rule.
   */
  latestUrges(caseIds: string[]): Promise<CaseEvent[]>
  /**
   * Of these cases, the steps that put each in someone's hands (PLACING_STEPS: 分派, 转交, 上报), each case's in
   * timeline order, the cases in no particular order: 我的待办 says which of his new messages a colleague handed
   * him (转来, 交回) in one read for all his open cases, not one a case.
   */
  placings(caseIds: string[]): Promise<CaseEvent[]>
  /**
   * The cases this deputy handed on himself (his own 转交 step: to a colleague, or back to the station or office) that
   * are not in his hands now, each with his latest such step, by that step's time, newest first (then by case id): his
   * 已转出 list. Read through his hand-on steps' own index (sqlite migration 079), never every event.
   */
  handedOnBy(deputyId: string, page: PageQuery): Promise<Page<{ case: CaseRecord; step: CaseEvent }>>
  /**
   * handedOnBy's first page for each of these deputies at once, cut at `since`: each one's latest `limit` cases he
   * handed on himself since then and holds no longer, each with his latest such step, newest first within his (then by
   * case id), the deputies in no particular order. The assign dialog's 交回了留言 line beside a few dozen names in one read,
   * not one a deputy; on the same index as handedOnBy.
   */
  handedOnByEach(deputyIds: string[], since: Date, limit: number): Promise<Array<{ deputyId: string; case: CaseRecord; step: CaseEvent }>>
  search(query: CaseQuery): Promise<Page<CaseRecord>>
  /**
   * How many cases `search` would list for this query (its cursor, limit and order aside), counting no
   * further than `bound` + 1: past the bound the list says 「1000 条以上」, so a province's million cases
   * cost a read of the bound's index entries, never a count of them all.
   */
  countUpTo(query: CaseCount, bound: number): Promise<number>
  /** Open cases in deputies' hands, per deputy. */
  deputyLoads(deputyIds: string[]): Promise<Record<string, number>>
  /** Every case the SLA job may have to act on. */
  listOpen(): Promise<CaseRecord[]>
  /** Open cases of one community since a time, for similar-text links. */
  recentInCommunity(communityId: string, since: Date): Promise<CaseRecord[]>
  /** Every case matching, unpaged, for statistics (hundreds to thousands a year). */
  listForStats(filter: CaseFilter): Promise<CaseRecord[]>
  /**
   * The matching cases replied or closed in [from, to), whenever written, each once, oldest first (then by id): a week's
   * answers, read through their times (the weekly report's 本周答复), never every case of the scope.
   */
  listAnsweredIn(filter: CaseFilter, from: Date, to: Date): Promise<CaseRecord[]>
  /**
   * The matching cases answered in [from, to) whose answer the resident then sent back (重新办理): an answer step in the
   * span, and the case's own answer (repliedAt, cleared by the reopen) not in it. Each once, with its latest answer in
   * the span, oldest case first (then by id): the weekly report's 本周答复 counts that answer in the week it was given,
   * which listAnsweredIn no longer finds by repliedAt. Read through the answer steps' times, never every case of the scope.
   */
  listAnswersSentBackIn(filter: CaseFilter, from: Date, to: Date): Promise<Array<{ case: CaseRecord; answeredAt: Date }>>
  /**
   * The matching cases with a rating given in [from, to) (one of `ratings`, whose times are the rating events'),
   * whenever written, each once, oldest first (then by id): the weekly report's 满意度 counts the ratings given in its
   * week, a low one since cleared by a reopen too. Read through the ratings' times, never every case of the scope.
   */
  listRatedIn(filter: CaseFilter, from: Date, to: Date): Promise<CaseRecord[]>
  /** The counts of the matching cases, overall (one tally, key null) or one per key (cases without one left out), key order. */
  tally(filter: CaseFilter, options: CaseTallyOptions): Promise<CaseTally[]>
  /** The middle times to acknowledge and to reply of the matching live cases, overall or per key, for medians. */
  middleTimes(filter: CaseFilter, groupBy?: CaseTallyKey): Promise<CaseMiddleTimes[]>
  /**
   * A mark of what `tally` and `middleTimes` answer at `now`, for any filter: two calls get the same mark only when
   * every such answer would be the same (no case written and no deadline passed in between), so a report may be
   * kept while its mark stays. Null when the store cannot tell: reports are then counted afresh.
   */
  figuresMark(now: Date): Promise<string | null>
  /** The matching cases that count as messages (neither merged nor rejected), oldest first, as hot issues read them (overdue as of `now`). */
  listForHotIssues(filter: CaseFilter, now: Date): Promise<HotIssueCase[]>
  /** Live cases waiting past their reply deadline now (超期: waitingLate), the longest overdue first (then by id), at most `limit`. */
  mostOverdue(filter: CaseFilter, now: Date, limit: number): Promise<CaseRecord[]>
  /** The cases merged into this one (duplicates it answers for), oldest first. */
  mergedInto(caseId: string): Promise<CaseRecord[]>
  /**
   * Withdrawn or rejected cases that a closed case is still merged into: the freeing of their duplicates was
   * interrupted (it is a write of its own after the carrier's), for the SLA job to finish. Few, oldest first.
   */
  endedCarriers(): Promise<CaseRecord[]>
  /**
   * Cases still waiting (WAITING_STATUSES) with a deputy who has left office, for the SLA job to hand back to
   * their stations: read from the open cases, which stay few, not from every departed deputy's history. Oldest first.
   */
  waitingOnDeparted(): Promise<CaseRecord[]>
  /** How many matching cases were created in each period (they may overlap), in the periods' order. */
  countByPeriod(filter: CaseFilter, periods: CasePeriod[]): Promise<number[]>
  /**
   * The statistics' ranking of deputies: the bar of every deputy with a matching case (a merged case counts for nobody), in
   * no particular order. The list and its bars may be the store's own, kept for the next call (100,000 of them at a
   * province): read them before asking again, and never change them.
   */
  deputyBars(filter: CaseFilter, now: Date): Promise<BarCounts[]>
}

// ——— Study campaigns and reading ———

export interface CampaignQuery extends PageQuery {
  /** An organizer's view: campaigns whose scope shares a district with these (absent: all). */
  scopeDistrictIds?: string[]
  /** With scopeDistrictIds: city-level campaigns (no district scope) too. */
  cityWide?: boolean
  /** Only the campaigns this staff member created (the console's 只看我创建的). */
  createdBy?: string
}

export interface CampaignRepo {
  create(campaign: CampaignRecord): Promise<CampaignRecord>
  get(id: string): Promise<CampaignRecord | null>
  getMany(ids: string[]): Promise<CampaignRecord[]>
  /** Newest first. */
  search(query: CampaignQuery): Promise<Page<CampaignRecord>>
  /** Campaigns residents may follow: open to followers and not ended at `now`, ending soonest first; a monthly series never (its issues are). */
  followable(now: Date): Promise<CampaignRecord[]>
  /** Writes a correction of the title, description and dates; NotFoundError when it does not exist. */
  update(campaign: CampaignRecord): Promise<CampaignRecord>
  addItem(item: ReadingItem): Promise<ReadingItem>
  /**
   * Writes a correction of the item's content, publish time and withdrawal (never its publishing), with
   * the messages it causes (a withdrawal's replacement notices), in one transaction; NotFoundError,
   * writing nothing, when it does not exist.
   */
  updateItem(item: ReadingItem, outbox?: readonly OutboxMessage[]): Promise<ReadingItem>
  getItem(id: string): Promise<ReadingItem | null>
  getItems(ids: string[]): Promise<ReadingItem[]>
  /** A campaign's items by publish time. */
  items(campaignId: string): Promise<ReadingItem[]>
  /** Unpublished, not withdrawn items whose time has come, earliest first. */
  dueItems(now: Date, limit: number): Promise<ReadingItem[]>
  /**
   * Publishes the item unless someone already did, in one transaction: its time, whom it
   * reached (`reach`, plus everyone following the campaign then) and its messages. False,
   * writing nothing, when it was already published (another instance, a re-run).
   */
  publishItem(itemId: string, at: Date, reach: ReachRecord[], outbox: OutboxMessage[]): Promise<boolean>
  /**
   * publishItem for several items published together (one message per station names them all), all
   * or none: false, writing nothing, when any of them was already published, withdrawn or is a draft.
   */
  publishItems(itemIds: readonly string[], at: Date, reach: ReachRecord[], outbox: OutboxMessage[]): Promise<boolean>
  /**
   * Follows the campaign and is reached by every item already published, in one
   * transaction; false when already following.
   */
  follow(campaignId: string, reader: Reader, place: { stationId: string | null; districtId: string | null }, at: Date): Promise<boolean>
  /**
   * Stops following: items published from now on no longer reach this person; those that reached them, their reads
   * and check-ins stay (what they were given and did). True when a follow was removed; false, writing nothing, when
   * they did not follow.
   */
  unfollow(campaignId: string, reader: Reader): Promise<boolean>
  isFollowing(campaignId: string, reader: Reader): Promise<boolean>
  followedBy(reader: Reader): Promise<string[]>
  /** True the first time this person opens the item; later openings change nothing. */
  recordRead(receipt: ReadReceipt): Promise<boolean>
  /** ConflictError when the person already checked in for this slot. */
  addCheckIn(checkIn: CheckInRecord): Promise<CheckInRecord>
  /** Everything progress needs of one campaign. */
  reachOf(campaignId: string): Promise<ReachRecord[]>
  readsOf(campaignId: string): Promise<ReadReceipt[]>
  checkInsOf(campaignId: string): Promise<CheckInRecord[]>
  /** What reached one person: of one campaign, and/or after a time (`since` itself excluded); newest first. */
  reachFor(reader: Reader, filter: { campaignId?: string; since?: Date }): Promise<ReachRecord[]>
  readsFor(reader: Reader, itemIds: string[]): Promise<ReadReceipt[]>
  checkInsFor(reader: Reader, campaignIds: string[]): Promise<CheckInRecord[]>
  /**
   * Everything that reached many people of one kind, what they read and their check-ins, in
   * three reads for all of them (the daily digest asks for every deputy: one query each was
   * most of its time). Grouped by person id; within a person in the orders of reachFor,
   * readsFor and checkInsFor.
   */
  readingOfMany(kind: Reader['kind'], personIds: string[]): Promise<{ reach: ReachRecord[]; reads: ReadReceipt[]; checkIns: CheckInRecord[] }>
  /**
   * Opens a series' issue for a month (每月一次) with its notices, in one transaction;
   * false, writing nothing, when the series has that month's issue already (a re-run, another instance).
   */
  openPeriod(period: CampaignRecord, outbox: OutboxMessage[]): Promise<boolean>
  /** Monthly series not ended at `now`: the city's first (their issues are what local ones link to), then by id. */
  repeating(now: Date): Promise<CampaignRecord[]>
  /** A series' issues, newest month first. */
  periodsOf(seriesId: string): Promise<CampaignRecord[]>
  /** Every issue of one month (YYYY-MM), by id. */
  periodsIn(month: string): Promise<CampaignRecord[]>
  /** The local campaigns adopted from a city-level one (上下同题), by id. One per area: `create` refuses a second. */
  adoptionsOf(campaignId: string): Promise<CampaignRecord[]>
}

// Idempotency keys (POSTs that create) are in idempotency-port.ts: the one port the http layer imports.

// ——— Meetings: notices, answers (RSVP), check-in ———

export interface MeetingFilter {
  /** A district organizer's view: meetings of any of these districts, or that they created. */
  visibleTo?: { districtIds: string[] }
  statuses?: MeetingStatus[]
  startFrom?: Date
  startTo?: Date
  /** Answers due from this time on (a meeting without a reply deadline never matches). */
  rsvpDeadlineFrom?: Date
  /** Answers due before this time (a meeting without a reply deadline never matches). */
  rsvpDeadlineTo?: Date
}
export interface MeetingQuery extends MeetingFilter, PageQuery {}

/** An invitee's withdrawal mark to write: no longer expected (moved away, left office), or null: expected again. */
export interface InviteeMark {
  meetingId: string
  person: PersonRef
  withdrawn: InviteeWithdrawal | null
  /**
   * The mark as the writer read it (null: none), when given: written only if it still stands so (by its time),
   * so a judgement made on an older read never undoes a newer one. Absent: written whatever it is.
   */
  was?: InviteeWithdrawal | null
  /**
   * With a mark cleared (`withdrawn` null) when he must be told of the meeting anew: his invitation counts from `at`
   * (he may answer until the start once the deadline has passed, as one invited late) and `messages` (his 会议通知)
   * are written in the same transaction; neither unless the mark itself is written.
   */
  tell?: { at: Date; messages: OutboxMessage[] }
}

export interface MeetingRepo {
  /** ConflictError when the id or short code is taken. */
  create(record: MeetingRecord): Promise<MeetingRecord>
  get(id: string): Promise<MeetingRecord | null>
  getByShortCode(shortCode: string): Promise<MeetingRecord | null>
  /**
   * Writes the new state if nobody changed the meeting since `record.version` was read,
   * with its messages and, when given, its invitees (publishing), in one transaction;
   * ConflictError otherwise.
   */
  update(record: MeetingRecord, outbox: OutboxMessage[], invitees?: MeetingInvitee[]): Promise<MeetingRecord>
  /**
   * Invites more people to a published meeting, like update (same version check) but
   * adding only those not yet invited, after the others, and leaving everyone's answers as
   * they are; the messages in the same transaction. Returns the record and who was new.
   * One given who is on the list but marked no longer expected (`withdrawn`: moved away, left
   * office) is expected again: the mark cleared, `invitedAt` as given, his answer kept; he is in
   * `restored`. Only the messages to those added or restored are written.
   */
  addInvitees(
    record: MeetingRecord,
    invitees: MeetingInvitee[],
    outbox: OutboxMessage[],
  ): Promise<{ meeting: MeetingRecord; added: MeetingInvitee[]; restored: MeetingInvitee[] }>
  /** Latest start first. */
  search(query: MeetingQuery): Promise<Page<MeetingRecord>>
  /** Every meeting matching, earliest start first, unpaged (reminders, statistics: hundreds a year). */
  list(filter: MeetingFilter): Promise<MeetingRecord[]>
  /** The invitees of these meetings, in the order they were invited. */
  invitees(meetingIds: string[]): Promise<MeetingInvitee[]>
  invitation(meetingId: string, person: PersonRef): Promise<MeetingInvitee | null>
  /** A person's invitations to meetings in these states ending at or after `endFrom`, earliest start first. */
  invitationsOf(
    person: PersonRef,
    filter: { statuses: MeetingStatus[]; endFrom?: Date },
  ): Promise<Array<{ meeting: MeetingRecord; invitation: MeetingInvitee }>>
  /**
   * invitationsOf for several people in one read (a directory import moving thousands): every invitation of
   * any of them, earliest start first, then by meeting id and the order they were invited.
   */
  invitationsOfMany(
    people: PersonRef[],
    filter: { statuses: MeetingStatus[]; endFrom?: Date },
  ): Promise<Array<{ meeting: MeetingRecord; invitation: MeetingInvitee }>>
  /** Records an invitee's answer, which replaces a leave staff recorded for them; null when they are not invited. */
  respond(meetingId: string, person: PersonRef, answer: { rsvp: Exclude<Rsvp, 'pending'>; reason: string | null; at: Date }): Promise<MeetingInvitee | null>
  /**
   * Records attendance once: false when already checked in (or not invited). Atomic, with the mark checked in the
   * same write: one marked 已调离/已离任 (withdrawn) is refused with StoreConflict 'no_longer_invited', nothing written.
   */
  checkIn(meetingId: string, person: PersonRef, at: Date): Promise<boolean>
  /**
   * Writes an invitee's answer, check-in and staff entry as `after` if they are still as in
   * `before` (nobody answered, checked in or recorded anything since it was read): false
   * otherwise. Atomic. Staff record attendance and leave with it (补签, 代请假). A new staff entry (`after` carries
   * one `before` did not) for one marked 已离任/已调到… (withdrawn) is refused in the same write with StoreConflict
   * 'no_longer_invited', nothing written; undoing an entry is not. `outbox` (his notice of the entry) is written in the
   * same transaction, and only if the invitee is.
   */
  rewriteInvitee(before: MeetingInvitee, after: MeetingInvitee, outbox?: OutboxMessage[]): Promise<boolean>
  /**
   * Marks an invitee as no longer expected (he left office or moved away before the meeting), or, with null,
   * as invited again; his answer and check-in stay as they are. All of them in one transaction; returns those
   * that were written (a mark for someone not invited, or whose mark is no longer as `was` says, is left out), and
   * with them what their `tell` asks (a mark left out writes none of it).
   */
  withdrawInvitees(marks: InviteeMark[]): Promise<InviteeMark[]>
  /**
   * A place for public attendance, if one of `seats` is left: ConflictError "public_seats_full"
   * when none is, ConflictError when this person already has one. Atomic.
   */
  registerPublic(registration: PublicRegistration, seats: number): Promise<PublicRegistration>
  /**
   * Gives back this person's public place at the meeting, for the next one to take: true when there was one, false
   * when there was none (already given back). Atomic with the count the cap is checked on.
   */
  cancelPublic(meetingId: string, mpUserId: string): Promise<boolean>
  publicRegistrations(meetingId: string): Promise<PublicRegistration[]>
  /** A resident's public places, with their meetings in whatever state, ending at or after `endFrom`; earliest start first. */
  registrationsOf(mpUserId: string, filter: { endFrom?: Date }): Promise<Array<{ meeting: MeetingRecord; registration: PublicRegistration }>>
}

// ——— The business calendar: the official holiday schedule, one year at a time ———

export interface CalendarYearRecord extends HolidayYear {
  importedAt: Date
  /** Who put it there: a staff id, "cli" for `npm run calendar`, "bundled" for the seed. */
  importedBy: string
}

export interface CalendarRepo {
  /** Every year held, oldest first, days in date order. */
  listYears(): Promise<CalendarYearRecord[]>
  /** Inserts the year, or replaces all of its days at once (never a mix of old and new). */
  replaceYear(year: CalendarYearRecord): Promise<void>
  /** Writes the years only when the store holds no year at all (its first open); true if it did. */
  seedIfEmpty(years: CalendarYearRecord[]): Promise<boolean>
}

// ——— Topics learned from data: staff corrections and each office's retraining ———

/**
 * A case's topic as staff corrected it; one per case (the latest correction stands). The
 * text is not copied: retraining reads it from the case, so erasure and anonymisation
 * of the case reach the training data too.
 */
export interface TopicCorrection {
  caseId: string
  /** The office whose model learns from it: the case's district id, or "city". */
  office: string
  fromTopic: string
  toTopic: string
  correctedBy: string
  at: Date
}

/** An office's model was retrained from the corrections made up to `upTo`. */
export interface TopicTraining {
  office: string
  trainedAt: Date
  upTo: Date
  corrections: number
  /** A staff id, or null for the nightly job. */
  trainedBy: string | null
}

export interface TopicCorrectionRepo {
  /** Stores the correction, replacing an earlier one of the same case. */
  record(correction: TopicCorrection): Promise<void>
  /** One office's corrections made at or before `upTo` (all when absent), oldest first. */
  list(office: string, upTo?: Date): Promise<TopicCorrection[]>
  /** The offices with any correction, in id order. */
  offices(): Promise<string[]>
  recordTraining(training: TopicTraining): Promise<void>
  /** The latest training of each office, in office order. */
  latestTrainings(): Promise<TopicTraining[]>
}
