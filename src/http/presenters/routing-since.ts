import { moveSinceRouting, type Holder } from '../../domain/routing-since.js'
import type { RoutingReason } from '../../domain/routing-types.js'
import type { CaseDetail, StaffCaseDetail } from '../../services/cases/case-queries.js'

/**
 * 为什么分到这里 shows the reasons of the day the message came in; this sentence says what changed
 * since (the topic corrected, the message in other hands, refused, withdrawn or merged), so that they do not read as a
 * contradiction. Null when nothing did. `carrier`: the message a merged one was merged into (StaffCaseDetail's).
 */
export function routingSinceText({ case: c, events, names, timelineNames, carrier }: CaseDetail & Partial<Pick<StaffCaseDetail, 'carrier'>>): string | null {
  const changes: string[] = []
  if (events.some((e) => e.type === 'recategorized')) changes.push(`主题后来已更正为「${c.topic}」`)
  const now: Holder = { deputyId: c.deputyId, stationId: c.stationId, officeId: c.stationId ? null : (c.officeRegionId ?? 'city') }
  const move = moveSinceRouting(events, now, c.status)
  const placeName = names.station ?? names.office ?? '联络站'
  // The deputy holding it got it from a colleague (转交), not from staff (改派): said so, as the timeline says it.
  const lastMove = events.filter((e) => e.type === 'assigned' || e.type === 'transferred').at(-1)
  const fromColleague = move?.kind === 'reassigned' && lastMove?.actorRole === 'deputy' && lastMove.actorId ? timelineNames[`deputy:${lastMove.actorId}`] : null
  // Refused or withdrawn, where it went before is beside the point (and "交回…" reads as still waiting): what became of it.
  // Merged, its 办理代表 row names the deputy of the message that carries it: the reasons' deputy is said to be no longer.
  const ended = c.mergedInto ? mergedText(carrier ?? null) : ENDED[c.status]
  if (ended) {
    changes.push(ended)
  } else if (fromColleague) {
    changes.push(`后来由${fromColleague}代表转交给${names.deputy ?? '其他'}代表`)
  } else if (move?.kind === 'reassigned' || move?.kind === 'assigned') {
    changes.push(`后来已${move.kind === 'reassigned' ? '改派' : '分派'}给${names.deputy ?? '其他'}代表`)
  } else if (move?.kind === 'passed' || move?.kind === 'handedUp') {
    changes.push(`后来已${move.kind === 'passed' ? '转给' : '上报'}${placeName}`)
  } else if (move?.kind === 'returned') {
    changes.push(`后来已交回${placeName}${move.waiting ? '，等待重新分派代表' : ''}`)
  }
  return changes.length ? `以上是收到留言时的分派依据；${changes.join('；')}。` : null
}

/** The last word on a message nobody will handle, said in place of where it went since. */
const ENDED: Partial<Record<CaseDetail['case']['status'], string>> = { rejected: '后来决定不予受理', withdrawn: '后来群众撤回了留言' }

/** Where a merged message's work went: that message's deputy only when she may read it (as its 办理代表 row). */
function mergedText(carrier: StaffCaseDetail['carrier']): string {
  if (!carrier) return '后来已并入其他留言合并办理'
  const by = carrier.seen && carrier.deputy ? `，由${carrier.deputy}代表办理` : ''
  return `后来已并入留言 ${carrier.ticket} 合并办理${by}`
}

/** The reasons that count a deputy's open messages ("在办留言最少（3 条）"): older versions stored them in 件. */
const LOAD_COUNTS: ReadonlySet<string> = new Set(['fewest_open', 'at_capacity', 'explicit_at_capacity'])

/**
 * A deputy's load in older versions' words, as routing says it now (在办留言, beside 在办留言最少): a deputy's 待办
 * read as a to-do of his own. The staff's 待办 (进入联络站工作人员待办) is theirs and stays.
 */
const LOAD_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['代表待办最少', '代表在办留言最少'],
  ['代表待办已满', '代表在办留言已满'],
  ['代表待办均已满', '代表在办留言均已满'],
  ['（待办均已满）', '（在办留言均已满）'],
]

/**
 * 为什么分到这里's reasons as stored with the message. Chinese reads without spaces between words, and routing
 * now writes none ("所在区域光明社区由建设路街道代表联络站联系"); messages routed by older versions stored them
 * spaced ("所在区域 光明社区 由 …"), so those gaps are closed here. Spaces beside numbers and codes stay ("（3 条）").
 * A deputy's open messages are counted in 条, as the assign dialog counts them beside his name; older versions stored
 * "（3 件）", said here as routing says it now; and "待办最少/待办已满", said now as the timeline says it (在办留言).
 */
export function presentRoutingReasons(reasons: readonly RoutingReason[]): RoutingReason[] {
  return reasons.map((r) => {
    const spaced = r.message.replace(/(?<=[\p{Script=Han}）])\s+(?=[\p{Script=Han}（])/gu, '').replace(/(?<=\p{Script=Han})\s+(?=\d{1,2}月\d{1,2}日)/gu, '')
    const message = LOAD_WORDS.reduce((m, [was, now]) => m.replace(was, now), spaced)
    if (r.rule !== 'load' || !LOAD_COUNTS.has(r.code)) return { ...r, message }
    return { ...r, message: message.replace(/（(\d+) 件）/u, '（$1 条）') }
  })
}
