import { DEPUTY_LOAD_STATUSES, type ActorRole, type CaseEvent, type CaseRecord, type CaseStatus } from './case.js'
import { wordsHiddenWords, type TimelineStepFacts } from './resident-timeline-words.js'

/**
 * A message in a deputy's hands as the deputy reads it in the mini-program: where it stands and the
 * steps it went through, in his words — the resident is 群众, he is 您 — rather than the office's
 * (已分派, 分派代表: steps of its procedure, which the console keeps). The chat bot words his list
 * the same way (bots/flows/deputy.ts, standing()). Pure, no I/O.
 */

const STANDING: Record<CaseStatus, string> = {
  submitted: '等联络站安排代表',
  // 还没受理, not the office's 待受理: the state in the words he would use himself.
  assigned: '新留言，还没受理',
  acknowledged: '已受理，待答复',
  forwarded: '已交有关部门，待答复',
  replied: '已答复，等群众评价',
  closed: '已办结',
  reopened: '群众要求重新办理，还没受理',
  withdrawn: '已撤回',
  rejected: '不予受理',
}

/**
 * A colleague who handed him a message (转交), by name, and whether it had been his before (交回); or (`staff`) staff
 * who gave him back a message that had been his (he handed it back, or it was moved from him): the same number again,
 * not a new message. Who they are and their words are at the top of his page (presentDeputyCase's assignNote).
 */
export type HandedBy = { name: string; back: boolean; staff?: boolean }

/** Who handed it to him, as his notice said it: "张伟代表转给您", "王芳代表交回给您"; staff's "再次交给您". */
const handedWords = (h: HandedBy) => (h.staff ? '再次交给您' : `${h.name ? `${h.name}代表` : '其他代表'}${h.back ? '交回给您' : '转给您'}`)

/**
 * "当前状态：新留言，还没受理": where the message stands and what it waits for. `handedBy`: a new message a colleague
 * handed him (转交), said as his 我的待办 says it ("张伟代表转给您，还没受理"), or one staff gave back to him ("再次交给您，
 * 还没受理"), not "新留言" under a number he has handled already.
 */
export function deputyStatusWords(c: Pick<CaseRecord, 'status' | 'mergedInto'>, handedBy: HandedBy | null = null): string {
  if (c.status === 'closed' && c.mergedInto) return '已合并办理'
  if (c.status === 'assigned' && handedBy) return `${handedWords(handedBy)}，还没受理`
  return STANDING[c.status]
}

/**
 * The short form for a line of 我的待办, beside the words that say what to do (请受理, 请答复):
 * "请受理 新留言", not "请受理 新留言，还没受理", which says 受理 twice.
 */
const TASK_STANDING: Partial<Record<CaseStatus, string>> = {
  assigned: '新留言',
  acknowledged: '已受理',
  forwarded: '已交有关部门',
  reopened: '群众要求重新办理',
}

/**
 * `handedBy`: a new message a colleague handed him (转交), by name, `back` when it was his before, or one staff gave back
 * to him. Said as his notice said it ("张伟代表交回给您", "张伟代表转给您", "再次交给您"), not "新留言" under a number he
 * has handled already.
 */
export function deputyTaskStatusWords(c: Pick<CaseRecord, 'status' | 'mergedInto'>, handedBy: HandedBy | null = null): string {
  if (c.status === 'assigned' && handedBy) return handedWords(handedBy)
  return TASK_STANDING[c.status] ?? deputyStatusWords(c)
}

/** A step with who it concerns: whether its actor (a deputy), and whoever it moved the message to, is the deputy reading it. */
export interface DeputyStepFacts extends TimelineStepFacts {
  actorIsYou: boolean
  toIsYou: boolean
  /** The staff member who made the step (催办), by name, when staff did. */
  actorStaff?: string | null
  /** An organizer's office by its name ("湛河区人大常委会办公室"), when one made the step. */
  actorOffice?: string | null
  /** A step that put the message back in his hands: it had been his before (再次交给您). */
  again?: boolean
}

/**
 * Who pressed him (催办), as he knows them: "联络站李娜", "湛河区人大常委会办公室孙丽" (an organizer by her office's name,
 * `office`; unnamed only where it is not known); without a name on record, the place's 工作人员. A bare "催办" does
 * not say who is waiting on him.
 */
export function urgedByWords(role: ActorRole, name: string | null | undefined, office?: string | null): string {
  const place = role === 'station_staff' ? '联络站' : role === 'organizer' ? (office ?? '人大常委会办公室') : ''
  if (name) return `${place || '工作人员'}${name}`
  return `${place}工作人员`
}

/**
 * The 催办 that presses him now, near the top of the message: who, when (day and time), and their words
 * ("联络站李娜 11月24日（星期二）上午11:00 催办：群众又打电话来问了，请尽快受理").
 */
export function deputyUrgeNote(by: string, when: string, note: string | null): string {
  return note ? `${by} ${when} 催办：${note}` : `${by} ${when} 催办，请尽快办理。`
}

/**
 * 超期督办 as the deputy holding the message reads it in 办理经过: the deadline that went by and whom it was reported to
 * ("已过受理期限，已通知轻工街道代表联络站督办"), as his own notice of it said. Never the report's words to the station
 * ("督办：…，请督促办理"): addressed to staff, on his page they read as if he were to press someone.
 * `clock` and `level` as the step keeps them ('ack' | 'reply'; 1 the station, 2 the office); `whom` by name, when kept;
 * `reachable` whether the report had a way to reach them when it was written (false: it went to nobody, and he is not
 * told it was reported, as his notice was not). A step kept before that was known says it was reported, as it did.
 */
export function deputyEscalationWords(clock: unknown, level: unknown, whom: string | null, reachable?: unknown): string {
  const act = clock === 'reply' ? '答复' : '受理'
  // Long late in his chat's and digest's words: 已过受理期限, 答复已超期 (超期 the reply's alone), never 逾期.
  const longLate = clock === 'reply' ? '答复超期较久' : '过受理期限较久'
  const late = level === 2 ? longLate : `已过${act}期限`
  if (reachable === false) return late
  const told = reachable === true ? '已通知' : '已报告'
  return `${late}，${told}${whom ?? (level === 2 ? '人大常委会办公室' : '联络站')}督办`
}

const named = (name: string | null | undefined) => (name ? `${name}代表` : '代表')
/** A step staff made (a clerk's, an organizer's), not routing's nor a deputy's. */
const byStaff = (s: DeputyStepFacts) => s.actorRole !== 'deputy' && s.actorRole !== 'resident' && s.actorRole !== 'system'
/** Staff as he knows them: "联络站李娜", "湛河区人大常委会办公室孙丽" (urgedByWords). */
const staffWho = (s: DeputyStepFacts) => urgedByWords(s.actorRole, s.actorStaff, s.actorOffice)
/** He is "您"; a colleague goes by name. */
const who = (isYou: boolean, name: string | null | undefined) => (isYou ? '您' : named(name))
const placeOf = (s: DeputyStepFacts) => s.to?.station ?? s.to?.office ?? '联络站'

function handedOn(s: DeputyStepFacts): string {
  const from = s.actorDeputy ?? s.from?.deputy ?? null
  if (s.deputyLeftOffice) return `${named(s.from?.deputy)}已离任，${s.to?.station ?? '工作人员'}会另外安排代表办理`
  if (s.to?.deputy && s.toIsYou && byStaff(s)) return `${staffWho(s)}把留言${s.again ? '再次' : '改'}交给您办理`
  if (s.to?.deputy)
    return s.actorRole === 'deputy' ? `${who(s.actorIsYou, from)}把留言转给${who(s.toIsYou, s.to.deputy)}办理` : `改由${who(s.toIsYou, s.to.deputy)}办理`
  return `${who(s.actorIsYou, from)}把留言交回${placeOf(s)}重新安排`
}

/**
 * A step of the message's 办理经过 as the deputy reads it; null for the office's own steps
 * (提醒, 督办, 复核, 更正主题), which keep the office's label. 催办 names who pressed him.
 */
export function deputyStepWords(s: DeputyStepFacts): string | null {
  switch (s.type) {
    case 'submitted':
      return '群众提交了留言'
    case 'assigned':
      // Staff who gave it to him are named: their words (the step's note) are theirs, and he may need to ask them.
      if (s.to?.deputy && s.toIsYou && byStaff(s)) return `${staffWho(s)}${s.again ? '再次' : ''}交给您办理`
      return s.to?.deputy ? `交给${who(s.toIsYou, s.to.deputy)}办理` : `交给${placeOf(s)}安排代表`
    case 'acknowledged':
      return `${who(s.actorIsYou, s.actorDeputy)}受理了留言`
    case 'forwarded':
      return `${who(s.actorIsYou, s.actorDeputy)}把留言交给${s.department ?? '有关部门'}办理`
    case 'replied':
      return `${who(s.actorIsYou, s.actorDeputy)}答复了群众`
    case 'rated':
      return s.rating ? `群众评价：${s.rating} 分` : '群众评价了答复'
    case 'closed':
      return '已办结'
    case 'reopened':
      // The system reopens a message only to free it from one withdrawn or refused that it was merged with.
      return s.actorRole === 'resident' ? '群众要求重新办理' : '改为单独办理'
    case 'withdrawn':
      return '群众撤回了留言'
    case 'rejected':
      return '不予受理'
    case 'merged':
      return `和相同问题的留言${s.relatedTicket ? ` ${s.relatedTicket} ` : ''}合并办理`
    case 'transferred':
      return handedOn(s)
    case 'referred':
      return `${s.from?.station ?? '联络站'}把留言转给${s.to?.office ?? '人大常委会办公室'}安排代表`
    case 'urged':
      return `${urgedByWords(s.actorRole, s.actorStaff, s.actorOffice)}催办`
    case 'phone_corrected':
      // He may have noted the old number: this tells him to look at the phone again.
      return '群众更正了联系电话'
    case 'words_hidden':
      return wordsHiddenWords(s.hiddenPlaces, false)
    default:
      return null
  }
}

/** What the top of his page says of a message she sent back (重新办理): her score and words, and the answer she was unhappy with. */
export interface DeputyReopenNote {
  /** "群众的意见（2 分）：疏通了两天又堵了" */
  opinion: string
  /** "您上次的答复：…" ("张伟代表上次的答复：…" when a colleague gave it); null when nobody answered before. */
  lastReply: string | null
}

/**
 * A message she sent back (重新办理) while it waits on its deputy: why, with her score, and the answer she
 * was unhappy with, for the top of his page, not only at the bottom of 办理经过. Her score is the one the
 * reopening recorded, else her last rating. Null otherwise, and for the system's reopening (a merge undone),
 * which is not hers. `names`: the timeline's names ("deputy:ID" → 张伟), for a colleague's answer.
 */
export function deputyReopenNote(
  c: Pick<CaseRecord, 'status' | 'deputyId' | 'ratings'>,
  events: readonly CaseEvent[],
  names: Readonly<Record<string, string>>,
): DeputyReopenNote | null {
  if (!DEPUTY_LOAD_STATUSES.includes(c.status)) return null
  const at = events.map((e) => e.type).lastIndexOf('reopened')
  const reopened = at < 0 ? null : events[at]
  if (!reopened || reopened.actorRole !== 'resident') return null
  const score = typeof reopened.data.previousRating === 'number' ? reopened.data.previousRating : (c.ratings.at(-1)?.rating ?? null)
  const reason = (reopened.note ?? '').trim()
  // Her words with the score, when they say more than her reason (the chat takes a comment after the score).
  const comment = (c.ratings.at(-1)?.comment ?? '').trim()
  const said = [reason, comment && comment !== reason ? `评价时说：${comment}` : ''].filter(Boolean).join('；')
  const replied = events
    .slice(0, at)
    .reverse()
    .find((e) => e.type === 'replied' && e.note)
  return {
    opinion: `群众的意见${score === null ? '' : `（${score} 分）`}：${said || '对答复不满意，要求重新办理'}`,
    lastReply: replied ? `${answeredBy(replied, c.deputyId, names)}上次的答复：${replied.note}` : null,
  }
}

/** Who gave an answer, as the deputy holding the message reads it: 您, a colleague by name, or nobody named (staff, a name gone). */
function answeredBy(e: Pick<CaseEvent, 'actorRole' | 'actorId'>, holder: string | null, names: Readonly<Record<string, string>>): string {
  if (e.actorRole !== 'deputy' || !e.actorId) return ''
  if (e.actorId === holder) return '您'
  const name = names[`deputy:${e.actorId}`]
  return name ? `${name}代表` : ''
}
