/** A campaign's figures of reach, as 学习进度 and 逐级汇总 present them for a group or a level. */
export interface ReachFigures {
  /** Everyone the campaign is for. */
  audience: number
  /** Those a reading item was put before (publishing sends nobody a message of their own). */
  reached: number
  /** Of those, the ones who bound no WeChat a message reaches: only a phone call tells them. */
  unreachable: number
  /**
   * Whom a message reaches and why not the others, in the server's words (services/campaigns/reach-words.ts:
   * 系统的小程序提醒还没开通 is the system's switch, not 没有绑定微信); null when nothing went out.
   */
  reachWords: string | null
}

/**
 * One table cell: "6 人（2 人能收到微信消息，4 人用小程序但系统的小程序提醒还没开通，请电话告知）", with
 * "已发给 5 人" when an item was put before fewer than the audience. Nothing is said of delivery
 * per item (it is not recorded): only who a WeChat message can reach at all, and why not.
 */
export function reachCell(g: ReachFigures): string {
  const sent = g.audience === g.reached ? `${g.audience} 人` : `${g.audience} 人，已发给 ${g.reached} 人`
  if (!g.reached) return g.audience ? `${g.audience} 人（材料还没有发到）` : '0 人'
  return `${sent}（${g.reachWords ?? ''}）`
}

/**
 * One person's reading in 学习进度 按人: "已读完", "读了 1/3 篇", or "还没读" when nothing is ("已读 0/1" read as 已读).
 */
export function readWords(p: { read: boolean; itemsRead: number; itemsReached: number }): string {
  if (p.read) return '已读完'
  return p.itemsRead ? `读了 ${p.itemsRead}/${p.itemsReached} 篇` : '还没读'
}
