/**
 * What a station clerk is told when she searches the number of a message her station handed up
 * (上报), or that was moved to another station since, and she can no longer open: where it went (and
 * a handed-up one's standing), in words, with nothing of its content or of who handles it (the
 * office's or the other station's business now). Pure, no I/O.
 */
import type { CaseRecord } from './case.js'
import { localDate } from './dates.js'
import { shortOfficeName } from './office-name.js'

/** Where the message stands, as the station that handed it up may know it. */
function standing(c: Pick<CaseRecord, 'status' | 'mergedInto'>, office: string): string {
  switch (c.status) {
    case 'submitted':
      return `还在等${office}分派代表`
    case 'assigned':
      return '已交给代表，在等代表受理'
    case 'acknowledged':
      return '代表已看到，正在办'
    case 'forwarded':
      return '已交有关部门办理'
    case 'replied':
      return '代表已答复，在等群众评价'
    case 'reopened':
      return '群众申请了重新办理，正在办理'
    case 'closed':
      return c.mergedInto ? '已和相同问题的留言合并办理' : '已办结'
    case 'withdrawn':
      return '群众已撤回'
    case 'rejected':
      return '已不予受理'
  }
}

/**
 * 「编号 20261205-0021 的留言已于12月5日由本站上报澜江区人大办，由澜江区人大办负责办理。现在：代表已看到，正在办。」
 * and what to tell the resident who asks.
 */
export function handedUpText(c: Pick<CaseRecord, 'ticket' | 'status' | 'mergedInto'>, referredAt: Date, office: string, timeZone: string): string {
  const [, month, day] = localDate(referredAt, timeZone).split('-').map(Number)
  const short = shortOfficeName(office)
  return (
    `编号 ${c.ticket} 的留言已于${month}月${day}日由本站上报${short}，由${short}负责办理。现在：${standing(c, short)}。` +
    `本站已不能查看它的内容；群众问起时，可以请群众在“我的留言”里查看进展，或联系${office}。`
  )
}

/**
 * 「编号 20261205-0021 的留言已于12月5日转给马庄街道代表联络站办理。」 and whom to ask: only the number,
 * where it went and the day. How it stands there is the other station's to say.
 */
export function movedAwayText(c: Pick<CaseRecord, 'ticket'>, movedAt: Date, station: string, timeZone: string): string {
  const [, month, day] = localDate(movedAt, timeZone).split('-').map(Number)
  return (
    `编号 ${c.ticket} 的留言已于${month}月${day}日转给${station}办理。` +
    `本站已不能查看它的内容；群众问起时，可以请群众在“我的留言”里查看进展，或联系${station}。`
  )
}
