/**
 * What the backend's bot API (/api/bot) answers, as the bot reads it: people, places, cases, outbox
 * items and meetings. Shapes only; LiaisonClient (client.ts) makes the calls and re-exports these.
 * A field an older backend does not send is optional, and its absence is said at the field.
 */

export interface Person {
  personId: string
  alias: string | null
  consented: boolean
  /** She agreed to an earlier privacy notice, not to this one: asked again, she is told it changed (absent from an older backend). */
  consentedEarlier?: boolean
  deputy: { code: string; name: string } | null
  staff: { id: string; name: string; role: string } | null
  created: boolean
  /** Her chat is joined to her mini-program account (one account: what she wrote here is there too). */
  joined?: boolean
}
/** A station handling her messages, named to her where its staff must act for her. */
export interface StationToAsk {
  name: string
  address: string
  /** When it receives people, in words: "每星期三、星期六 8:30–11:30接待" (days alone without hours); null when it names no day. */
  receptionText: string | null
}
export interface Region {
  id: string
  name: string
  kind: string
}
/** A region of the whole place tree, with the one above it (null for a district). */
export interface Place extends Region {
  parentId: string | null
}
export interface DeputyMatch {
  code: string
  name: string
  levelLabel: string
  station: string | null
}
export interface CaseDraft {
  text: string
  regionId?: string
  deputyCode?: string
  stationCode?: string
  /** She was told the same words are on a message of hers being handled, and sends them again. */
  sendAgain?: boolean
}
export interface SubmittedCase {
  id: string
  ticket: string
  status: string
  statusLabel: string
  summary: string
  acknowledgeBy: string
  replyBy: string
  /** "12月22日前（含当日）" */ replyByText: string
}
export interface CaseListItem {
  ticket: string
  status: string
  statusLabel: string
  /** How she writes its number: its last four digits, or the whole number when another of hers ends alike (absent from an older backend). */
  ref?: string
  excerpt: string
  createdAt: string
  /** Whether 重新办理 may be asked for it now, or why not; null while not closed (absent from an older backend). */
  reopen?: 'allowed' | 'reopen_not_allowed' | 'reopen_window_passed' | null
  /** The place she chose for it (null: sent to a deputy or station by name or code; absent from an older backend). */
  regionId?: string | null
}
export interface CaseDetail {
  ticket: string
  /** Absent from an older backend. */
  status?: string
  statusLabel: string
  text: string
  reply: string | null
  rating: number | null
  /** What she said with her score ("根本没修好"), while that rating stands (absent from an older backend). */
  ratingComment?: string | null
  /** "12月22日前（含当日）" while an answer is awaited, else null. */
  replyByText: string | null
  timeline: Array<{ at: string; label: string; note: string | null }>
  /** While no deputy has it yet (待分派): when she sent it, its first words, who is finding a deputy (absent from an older backend). */
  queued?: QueuedCase | null
}
/** A message waiting for station (or office) staff to find a deputy for it. */
export interface QueuedCase {
  /** When she sent it (ISO). */
  at: string
  /** Its first words, as her notices quote them ("公交站台太窄…"). */
  gist: string
  /** The station or office whose staff are finding a deputy; null when none is named. */
  with: string | null
}
export interface CaseBrief {
  ticket: string
  status: string
  statusLabel: string
}
export interface DeputyCase extends CaseBrief {
  short: string
  excerpt: string
  /** 超期: waiting past the reply deadline. */
  overdue: boolean
  /** Not acknowledged by its deadline, the reply not yet due (已过受理期限): never also `overdue` (absent from an older backend). */
  ackLate?: boolean
  /** Once late, as his workbench's 待办 says it, with the days ("答复已超期 2 天", "已过受理期限 3 天"); absent from an older backend. */
  lateWords?: string | null
  replyBy: string
  replyByText: string
  /** While it waits for 受理: that deadline in words, which he owes first (absent from an older backend). */
  acknowledgeByText?: string | null
  /** The station pressed him on it (催办) in this round (absent from an older backend). */
  urged?: boolean
  /** Where it stands in his words, as his page says it ("张伟代表转给您，还没受理"); absent from an older backend. */
  standing?: string
}
/** One of his messages read whole ("查看 0001"): her words with phone and ID numbers masked, when she wrote, her pictures' count. */
export interface DeputyCaseRead extends DeputyCase {
  topic: string
  text: string
  writtenText: string
  images: number
}
/** A message the deputy answered lately, from the chat or his page (absent from an older backend). */
export interface AnsweredLatelyCase {
  ticket: string
  excerpt: string
  /** When he answered it. */
  repliedAt: string | null
}
export interface OutboxItem {
  id: string
  channel: 'bot_private' | 'bot_room'
  address: string | null
  /** A person: the remark on their contact, to find them when the id changed at a re-login. */
  alias?: string | null
  /** A station's room: its topic, for the same. */
  topic?: string | null
  kind: string
  title: string
  text: string
  ticket: string | null
  /** A case reply: the deputy's words in full (\`text\` is the short notice line). */
  reply?: string | null
  /** A case reply: her message as the notice names it, by its day and first words (absent from an older backend). */
  about?: string | null
  /** A case reply that answers her request to handle it again (重新办理): said to be the new answer (absent from an older backend). */
  again?: boolean
  /** A case notice: how the person writes its number (its last four digits, or the whole number when two of theirs end alike). */
  ref?: string | null
  /** A case reply: how many of the person's answers wait for a score, this one included (absent from an older backend). */
  waiting?: number | null
  /** A deputy's case notice: whether the message waits for 受理 now (absent from an older backend: judged by the kind). */
  awaitingAck?: boolean | null
  /** A deputy's notice naming one message by its number: its first words, phone and ID numbers masked (absent from an older backend). */
  gist?: string | null
  /** A digest: the messages its numbered lines name, in their numbers' order (absent from an older backend). */
  listed?: Array<{ ticket: string; excerpt: string }> | null
  attempts: number
  leaseUntil: string
  /** A person's message: ask the backend right before saying it whether the chat is still theirs (absent from an older backend: said as leased). */
  checkBeforeSending?: boolean
}
/** 转给谁: back to the station first (deputyCode null), then the colleagues who may take the message over. */
export interface TransferChoice {
  kind: 'station' | 'office' | 'deputy'
  deputyCode: string | null
  name: string
  levelLabel: string | null
  stationName: string | null
}
/** The rating rules the chat tells people, from the backend's config. */
export interface CaseRules {
  /** A score at most this may ask for 重新办理. */
  reopenMaxRating: number
  reopenWindowDays: number
}
export type AlertKind = 'rate_limited' | 'logged_out' | 'logged_in'
export interface MeetingAnswer {
  id: string
  title: string
  kindLabel: string
  /** published, or cancelled (still listed until it would have ended). */
  status?: string
  time: string
  place: string
  rsvp: string
  rsvpLabel: string
  reason: string | null
  /** Whether an answer (or a change of it) is still taken (absent from an older backend). */
  rsvpOpen?: boolean
  /** Still owes an answer: not replied and not checked in (absent from an older backend). */
  awaitsAnswer?: boolean
}
/** A meeting of his begun lately, as his meeting page says where he stands: "…没有您的签到记录", "如果您到了会，请联系…为您补签". */
export interface MeetingCheckIn {
  id: string
  title: string
  time: string
  state: string
  todo: string | null
}
