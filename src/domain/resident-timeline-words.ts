import type { ActorRole, CaseEventType } from './case.js'

/** Who a step moved the message from or to, by name; null where the step names nobody. */
export interface StepSide {
  deputy: string | null
  station: string | null
  office: string | null
}

/** One step of a message's timeline, with the names it involves already looked up. */
export interface TimelineStepFacts {
  type: CaseEventType
  actorRole: ActorRole
  /** The deputy who made the step, when a deputy did. */
  actorDeputy: string | null
  from: StepSide | null
  to: StepSide | null
  department: string | null
  rating: number | null
  /** The message this one is handled with (合并办理). */
  relatedTicket: string | null
  /** The deputy who held it left office, and the system handed it back. */
  deputyLeftOffice: boolean
  /** 隐去称呼: how many places the station hid (the words themselves are never in the step). */
  hiddenPlaces?: number | null
}

/**
 * 隐去称呼 as she reads it (done at her request: 按您的要求) and as everyone else does: that her words were changed and
 * where, so that nobody reads the changed text as what she wrote without knowing.
 */
export function wordsHiddenWords(places: unknown, toHer: boolean): string {
  const count = typeof places === 'number' ? ` ${places} ` : ''
  return `联络站${toHer ? '按您的要求' : ''}隐去了留言里的${count}处称呼`
}

const deputy = (name: string | null | undefined) => (name ? `${name}代表` : '代表')

/** Where a message handed back waits to be placed again: its station by name, or the office's staff. */
const placeOf = (to: StepSide | null) => to?.station ?? to?.office ?? '联络站'

/** A move from one holder to another (转交): to a colleague, to whom staff chose, or back to be placed again. */
function handedOn(s: TimelineStepFacts): string {
  const from = s.actorDeputy ?? s.from?.deputy ?? null
  if (s.deputyLeftOffice) return `${deputy(s.from?.deputy)}已离任，${s.to?.station ?? '工作人员'}会另外安排代表办理`
  if (s.to?.deputy) return s.actorRole === 'deputy' ? `${deputy(from)}把留言转给${deputy(s.to.deputy)}办理` : `改由${deputy(s.to.deputy)}办理`
  return `${deputy(from)}把留言交回${placeOf(s.to)}重新安排`
}

/**
 * A step of her message's timeline as the resident who wrote it reads it (办理经过): who did what,
 * by name, and she is "您". The office's labels (分派代表, 转交, 群众撤回, EVENT_LABELS) name steps of
 * its procedure and call her 群众; staff and deputies keep those. The words use only what her
 * timeline already shows her (names, department, score): a step's note, where she may read it, is
 * shown beside them, never folded in here. Null for the office's own steps (reminders, 督办, 复核),
 * which she is not shown.
 */
export function residentStepWords(s: TimelineStepFacts): string | null {
  switch (s.type) {
    case 'submitted':
      return '您送出了留言'
    case 'assigned':
      return `已交给${deputy(s.to?.deputy)}办理`
    case 'acknowledged':
      // As her message's state says it (已看到，正在办), not the office's 受理, which staff and deputies keep.
      return `${deputy(s.actorDeputy)}看到了留言，开始办理`
    case 'forwarded':
      return `${deputy(s.actorDeputy)}已把留言交给${s.department ?? '有关部门'}办理`
    case 'replied':
      return `${deputy(s.actorDeputy)}已答复`
    case 'rated':
      return s.rating ? `您的评价：${s.rating} 分` : '您评价了答复'
    case 'closed':
      return '已办结'
    case 'reopened':
      // The system reopens a message only to free it from one withdrawn or refused that it was merged with.
      return s.actorRole === 'resident' ? '您申请了重新办理' : '改为单独办理'
    case 'withdrawn':
      return '您撤回了留言'
    case 'rejected':
      // As her message's state says it (没有接办), not the office's 不予受理; the reason is the step's note.
      return '这条留言没有接办'
    case 'merged':
      return `和相同问题的留言${s.relatedTicket ? ` ${s.relatedTicket} ` : ''}一起办理`
    case 'transferred':
      return handedOn(s)
    case 'referred':
      return `${s.from?.station ?? '联络站'}把留言转给${s.to?.office ?? '人大常委会办公室'}安排代表`
    case 'words_hidden':
      return wordsHiddenWords(s.hiddenPlaces, true)
    default:
      return null
  }
}

/**
 * A step as one line of a chat: the words and the note she may read, as one sentence.
 * "您的评价：2 分，灯还是不亮"; "张伟代表已答复：路灯已修好".
 */
export function residentStepLine(words: string, note: string | null): string {
  if (!note) return words
  return `${words}${words.includes('：') ? '，' : '：'}${note}`
}
