import { STATUS_LABELS } from '../../domain/case.js'
import { deputyExcerpt } from '../../domain/deputy-gist.js'
import { urgeTallyText, type UrgeSkip, type UrgeTally } from '../../domain/urge-together.js'
import type { GroupMerge, GroupMergeItem } from '../../services/cases/merge-choices.js'
import type { AssignedTogether } from '../../services/cases/assign-together.js'
import { monthDayText } from '../../domain/dates.js'

/** A deputy 一起催办 presses: his name, how many of his messages, and whether any notice reaches him. */
export interface UrgedDeputy {
  name: string
  count: number
  unreached: boolean
}

/**
 * 一起催办 before she confirms (`done` false) and after: the numbers, and every sentence the console shows, in words —
 * what will be (was) urged, each deputy with how many of his, what each deputy is told, those left out and why, and
 * the deputies no notice reaches (to phone them). `holders`: the plan's messages with their deputies (fromDeputyIds).
 */
export function presentUrgeTogether(
  tally: UrgeTally,
  deputies: UrgedDeputy[],
  done: boolean,
  failed: Array<{ name: string; count: number }> = [],
  holders: Record<string, string> = {},
) {
  const { text, skipped } = urgeTallyText(tally, done)
  const unreached = deputies.filter((d) => d.unreached).map((d) => `${d.name}代表`)
  return {
    urged: tally.urged,
    deputyCount: tally.deputies,
    overdue: tally.overdue,
    skippedCounts: tally.skipped as Partial<Record<UrgeSkip, number>>,
    text,
    /** 「张伟代表 3 条、王芳代表 2 条」 */
    deputiesText: deputies.length ? deputies.map((d) => `${d.name}代表 ${d.count} 条`).join('、') : null,
    /** What each deputy reads and each message keeps: said before she confirms. */
    howText: !done && tally.urged ? '给每位代表只发一条催办通知，写明这位代表有几条留言要尽快办理；每条留言的办理经过里都会记下这次催办。' : null,
    skipped,
    /** Before she confirms: each message to be urged with the deputy shown holding it, sent back with her confirmation. */
    fromDeputyIds: done ? null : holders,
    reachNote: unreached.length ? `${unreached.join('、')}收不到提醒，${done ? '催办只记在了办理经过里' : '催办只会记在办理经过里'}，请电话联系。` : null,
    /** Once urged: the deputies some of whose messages a failure left unurged, each with how many (what was urged stands). */
    failed: failed.map((f) => ({ name: f.name, count: f.count })),
    failedText: failed.length
      ? `没有催办成功的：${failed.map((f) => `${f.name}代表 ${f.count} 条`).join('、')}。其他的已经催办，请稍后对没成功的再催办一次。`
      : null,
  }
}

/** One message of a group as 合并办理 lists it: its number, words, state and holder, and why it may not be kept or go in. */
const presentGroupMergeItem = (m: GroupMergeItem) => ({
  id: m.case.id,
  ticket: m.case.ticket,
  // A line of a list: numbers she wrote masked, as on the inbox's lines and the 合并 dialog's.
  excerpt: deputyExcerpt(m.case.text, 60),
  statusLabel: STATUS_LABELS[m.case.status],
  deputyName: m.deputyName,
  state: [STATUS_LABELS[m.case.status], m.deputyName ? `${m.deputyName}代表` : '未分派代表'].join(' · '),
  keepRefusal: m.keepRefusal,
  joinRefusal: m.joinRefusal,
  apart: m.apart,
})

/**
 * 合并办理 of a group's messages: each station's (or office's) open messages, what a merge does, why messages of
 * different stations are not merged together here, and those left out (其中 1 条不归您管，不在这里).
 */
export function presentGroupMerge(found: { groups: GroupMerge[]; notYours: number; finished: number }) {
  const { groups } = found
  const skipped = [
    found.notYours ? `${found.notYours} 条不归您管，不在这里` : null,
    found.finished ? `${found.finished} 条已经办结、撤回或合并过，不用再合并` : null,
  ]
    .filter((s) => s !== null)
    .map((s, i) => `${i === 0 ? '其中 ' : ''}${s}。`)
  return {
    groups: groups.map((g) => ({ name: g.name, items: g.items.map(presentGroupMergeItem) })),
    text: '选一条留言保留，同一个联络站的其他留言并入它：并入的留言不再单独办理，由保留那条留言的代表一起答复；写这些留言的群众会收到“已合并办理”的通知，答复会一并告知他们。',
    /** Why messages of different stations are not offered to be merged together: said whenever the group spans more than one. */
    stationsNote:
      groups.length > 1
        ? `这些留言由 ${groups.length} 个联络站办理（${groups.map((g) => g.name).join('、')}）。这里只合并同一个联络站的留言：` +
          '并入的留言会交给保留那条留言的联络站和代表答复，原来的联络站就不再办理它。确实需要跨联络站合并的，请打开那条留言，用“与相似留言合并”单独合并。'
        : null,
    skipped,
  }
}

/**
 * 批量分派's answer: how many went, and, with a 要求答复日期, how many are held to it and which kept their own reply
 * deadline because the date is later than their rules allow ("其中 2 条规定的答复期限早于12月10日…仍按原来的答复期限：
 * 20261123-0002、20261123-0005"), said as the single 分派 says the date (要求在12月10日前（含当日）答复). Those that did
 * not go come by id with why: the list names each by its number.
 */
export function presentAssignTogether(done: AssignedTogether) {
  const kept = done.keptOwnDeadline
  const held = done.assigned - kept.length
  const day = done.replyBy && monthDayText(done.replyBy)
  const asked = `要求在${day}前（含当日）答复`
  const keptWords = `规定的答复期限早于${day}，要求的日期不能晚于规定的期限，仍按原来的答复期限`
  const text = !done.assigned
    ? '没有分派成功。'
    : !day
      ? `已分派 ${done.assigned} 条。`
      : !kept.length
        ? `已分派 ${done.assigned} 条，${asked}。`
        : held
          ? `已分派 ${done.assigned} 条：${held} 条${asked}；${kept.length} 条${keptWords}（${kept.join('、')}）。`
          : `已分派 ${done.assigned} 条：这 ${kept.length} 条${keptWords}（${kept.join('、')}）。`
  return {
    assigned: done.assigned,
    replyBy: done.replyBy,
    /** Assigned and held to the date asked. */
    heldToReplyBy: day ? held : 0,
    /** Assigned, keeping their own reply deadline (the date is later than their rules allow), by number. */
    keptOwnDeadline: kept,
    failed: done.failed,
    text,
  }
}
