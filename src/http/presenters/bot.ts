import { OPEN_STATUSES, STATUS_LABELS, type CaseRecord } from '../../domain/case.js'
import { ackLate, waitingLate } from '../../domain/case-stats.js'
import { listTicketRefs, ticketRef } from '../../domain/ticket-refs.js'
import { deputyGist } from '../../domain/deputy-gist.js'
import { GIST_MAX, messageGist } from '../../domain/message-about.js'
import { deputyDueDates } from './deputy-case-state.js'
import { deputyStatusWords, type HandedBy } from '../../domain/deputy-case-words.js'
import { residentDueDateText } from '../../domain/due-date-text.js'
import { spokenDeadline, spokenMoment } from '../../domain/spoken-dates.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import { deputyCaseDue } from '../../domain/tasks.js'
import { residentStatusWords } from '../../domain/resident-status-words.js'
import { residentStepLine } from '../../domain/resident-timeline-words.js'
import { awaitsAnswer, MEETING_KIND_LABELS, RSVP_LABELS } from '../../domain/meeting.js'
import { spokenMeetingTime } from '../../domain/meeting-words.js'
import type { Region, Station } from '../../domain/directory.js'
import { receptionDaysText } from '../../domain/reception-days.js'
import type { CaseDetail } from '../../services/cases/case-queries.js'
import type { Invitation } from '../../services/meetings/meeting-invitations.js'
import type { MpUserRecord } from '../../services/records.js'
import type { ReadingTime } from './cases.js'
import { presentResidentCase } from './resident-cases.js'

// What the chat bot reads back: short, in the words a person types and reads in a chat.

/** A case in one line: its ticket and where it stands. */
export const presentBotCaseBrief = (c: CaseRecord) => ({ ticket: c.ticket, status: c.status, statusLabel: STATUS_LABELS[c.status] })

/** A message the deputy has just accepted (受理): with the day his answer is due, in the words of his 待办 (presentBotInboxItem). */
export const presentBotAcknowledged = (c: CaseRecord, at: ReadingTime) => ({
  ...presentBotCaseBrief(c),
  replyByText: spokenDeadline(c.replyDueAt, at.timeZone, at.now),
})

/** A resident's own message in one line: where it stands in her words ("已交给代表，代表还没有看"), as the mini-program says it. */
export const presentBotResidentBrief = (c: CaseRecord) => ({ ticket: c.ticket, status: c.status, statusLabel: residentStatusWords(c) })

/** The person behind a WeChat contact, and what they are bound as. */
export const presentBotPerson = (p: {
  user: MpUserRecord
  created: boolean
  consented: boolean
  deputy: { code: string; name: string } | null
  staff: { id: string; name: string; role: string } | null
}) => ({
  personId: p.user.id,
  alias: p.user.botAlias,
  consented: p.consented,
  // She agreed to an earlier notice: the chat says it changed, and how, before it asks again.
  consentedEarlier: !p.consented && p.user.consentVersion !== null,
  deputy: p.deputy,
  staff: p.staff,
  created: p.created,
  // Her chat joined to her mini-program account (chat-join.ts): the chat then says her messages are there too.
  joined: p.user.openid !== null && p.user.botContactId !== null,
})

/** A station she is told to ask, where staff must act for her: its name, where it is, when it receives people in words (days and hours). */
export const presentBotStationToAsk = (s: Station) => ({
  name: s.name,
  address: s.address,
  receptionText: receptionDaysText(s.receptionDays, s.receptionHours),
})

export const presentBotRegion = (r: Region) => ({ id: r.id, name: r.name, kind: r.kind })

/** A place of the whole tree the chat reads at once: with its parent, so the chat can walk up to the district. */
export const presentBotPlace = (r: Region) => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parentId })

/** A message just written: its ticket, where it went, and the day the answer is due. */
export const presentBotSubmitted = (record: CaseRecord, summary: string, at: ReadingTime) => ({
  id: record.id,
  ...presentBotResidentBrief(record),
  summary,
  acknowledgeBy: record.ackDueAt.toISOString(),
  replyBy: record.replyDueAt.toISOString(),
  /** As she reads a deadline: "12月22日前（含当日）". */
  replyByText: residentDueDateText(record.replyDueAt, at.timeZone, at.now),
})

/**
 * One of the resident's messages in their list; `reopen`: whether 重新办理 may be asked now, or why not (null: not
 * closed); `ref`: how she writes its number (the last four digits, the whole number when another of hers ends alike).
 */
export const presentBotCaseItem = (
  c: CaseRecord,
  reopen: 'allowed' | 'reopen_not_allowed' | 'reopen_window_passed' | null = null,
  ref: string = ticketRef(c.ticket, []),
) => ({
  ...presentBotResidentBrief(c),
  ref,
  // Masked and never cut inside a number, as every excerpt the chat shows (a chat is read over shoulders).
  excerpt: deputyGist(c.text, 30),
  createdAt: c.createdAt.toISOString(),
  reopen,
  // The place she chose (the chat offers it again for her next message); null when she wrote by a name or a code.
  regionId: c.regionId,
})

/**
 * A resident's message as the chat shows it: the reply, the rating, the timeline in her words. A
 * chat shows a step as one line, so the note she may read is in `label` ("您的评价：2 分，灯还是不亮")
 * and `note` is null.
 */
export function presentBotCase(d: CaseDetail, at: ReadingTime) {
  const view = presentResidentCase(d, at)
  // The day the answer is due, while one is still awaited.
  const awaited = view.reply === null && OPEN_STATUSES.includes(d.case.status)
  return {
    ticket: view.ticket,
    /** While `submitted` no deputy has it yet: the chat then does not say "代表会在…答复您". */
    status: d.case.status,
    // As her message's page says it, naming the deputy who has it ("已交给张伟代表，代表还没有看").
    statusLabel: view.statusText,
    text: view.text,
    reply: view.reply,
    rating: view.rating,
    // Her words with the score, as the chat offers them for 重新办理 ("重新办理时会转给代表").
    ratingComment: d.case.rating === null ? null : d.case.ratingComment,
    replyByText: awaited ? view.replyByText : null,
    timeline: view.timeline.map((e) => ({ at: e.at, label: residentStepLine(e.label, e.note), note: null })),
    /**
     * While no deputy has it (待分派) her timeline's one step, "您提交了留言", says nothing of what happens next: when she
     * sent it, its first words (as her notices quote them) and whose staff are finding a deputy, as the mini-program's page says.
     */
    queued:
      d.case.status === 'submitted'
        ? {
            at: d.case.createdAt.toISOString(),
            gist: messageGist(d.case.text, GIST_MAX, { wholeWords: true }),
            with: d.names.station ?? d.names.office ?? null,
          }
        : null,
  }
}

/**
 * A case in a deputy's inbox: the number to quote (the last four digits, every number whole when any two
 * in the inbox end alike: his 待办 writes them one way, as his digest does), the deadlines in words,
 * whether the one he owes next is past. The excerpt is
 * cut as the digest cuts it: marked "…", never inside a number (a phone number cut in half reads as a whole one).
 * `handedBy`: the colleague who handed him this new message (转交), if one did.
 */
export const presentBotInboxItem = (c: CaseRecord, at: ReadingTime, inbox: string[] = [], urged = false, handedBy: HandedBy | null = null) => ({
  ...presentBotCaseBrief(c),
  /** Where it stands in his words, as his page says it ("新留言，还没受理", "张伟代表转给您，还没受理"), not the office's 已分派. */
  standing: deputyStatusWords(c, handedBy),
  short: listTicketRefs(inbox)(c.ticket),
  // As his notices quote her (deputyGist): phone and ID numbers masked; the number itself is for 电话, read and audited.
  excerpt: deputyGist(c.text, 30),
  replyBy: c.replyDueAt.toISOString(),
  // His deadlines as his page and digest say them ("12月7日（星期一）前（含当日）", "11月27日（星期五）上午10:00前"), never "24:00".
  replyByText: spokenDeadline(c.replyDueAt, at.timeZone, at.now),
  /** While it waits for 受理: that deadline, which comes first (as the mini-program's 待办 shows it); else null. */
  // The day itself even once both days went by (his page then shows the answer's alone): the chat's 待办 decides its words.
  acknowledgeByText: ((d) => d && spokenDeadline(d, at.timeZone, at.now))(deputyDueDates(c).acknowledgeBy),
  /** 超期: waiting past the reply deadline, as the office counts it (waitingLate). */
  overdue: waitingLate(c, at.now),
  /** Not acknowledged by its deadline, the reply not yet due (未按时受理, ackLate): never also `overdue`. */
  ackLate: ackLate(c, at.now),
  /** Once late (overdue or ackLate), the words his workbench's 待办 says it in, with the days ("答复已超期 2 天"); else null. */
  lateWords: waitingLate(c, at.now) || ackLate(c, at.now) ? (deputyCaseDue(c, at.now, at.timeZone)?.words ?? null) : null,
  /** The station pressed him on it (催办) since it last came back to him. */
  urged,
})

/**
 * One of his messages read whole in the chat ("查看 0001"): her words entire, phone and ID numbers masked as every chat line
 * to him masks them (the number itself is for 电话, read and audited), when she wrote, how many pictures came with it (seen
 * in the mini-program), and where it stands as his 待办 says it.
 */
export const presentBotCaseRead = (read: { case: CaseRecord; urged: boolean; handed: HandedBy | null }, at: ReadingTime) => ({
  ...presentBotInboxItem(read.case, at, [], read.urged, read.handed),
  topic: read.case.topic,
  text: maskPhoneAndIdNumbers(read.case.text),
  writtenText: spokenMoment(read.case.createdAt, at.timeZone, at.now),
  images: read.case.images.length,
})

/**
 * A meeting a deputy or staff member is invited to, with their answer and whether it may still be given or changed. Its
 * `time` as his notices say it ("11月26日（星期四）上午9:30至上午11:30", spokenMeetingTime): the chat's 已为您请假 must
 * not read "09:30–11:30" under a notice that said 上午9:30.
 */
export const presentBotInvitation = ({ meeting: m, invitation: i }: Invitation, { timeZone, now }: ReadingTime, rsvpOpen: boolean) => ({
  id: m.id,
  title: m.title,
  kindLabel: MEETING_KIND_LABELS[m.kind],
  status: m.status,
  time: spokenMeetingTime(m.startAt, m.endAt, timeZone, now),
  startAt: m.startAt.toISOString(),
  place: m.place,
  rsvp: i.rsvp,
  rsvpLabel: RSVP_LABELS[i.rsvp],
  reason: i.reason,
  rsvpOpen,
  /** Still owes an answer (awaitsAnswer): one who checked in answered by coming, and the bot does not ask him. */
  awaitsAnswer: awaitsAnswer(i),
})

/** A deputy asking for a pause (请假): his stations by name, and a pause already set (its dates and the words for it). */
export const presentDeputyAway = (d: { stations: readonly string[]; away: { from: string; until: string; text: string } | null }) => ({
  stations: [...d.stations],
  away: d.away ? { from: d.away.from, until: d.away.until, text: d.away.text } : null,
})
