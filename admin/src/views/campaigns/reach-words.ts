/** A campaign's figures of reach, as 学习进度 and 逐级汇总 present them for a group or a level. */
export interface ReachFigures {
  /** Everyone the campaign is for. */
  audience: number
  /** Those a reading item was put before (publishing sends nobody a message of their own). */
  reached: number
  /** Of those, the ones who bound no WeChat a message reaches: only a phone call tells them. */
  unreachable: number
}

/**
 * One table cell in the words of 学习进度's top line: "6 人（2 人能收到微信消息，4 人没绑微信）", with
 * "已发给 5 人" when an item was put before fewer than the audience. Nothing is said of delivery
 * per item (it is not recorded): only who a WeChat message can reach at all.
 */
export function reachCell(g: ReachFigures): string {
  const sent = g.audience === g.reached ? `${g.audience} 人` : `${g.audience} 人，已发给 ${g.reached} 人`
  if (!g.reached) return g.audience ? `${g.audience} 人（材料还没有发到）` : '0 人'
  const told =
    g.unreachable === 0
      ? '都能收到微信消息'
      : g.unreachable === g.reached
        ? '都没绑微信'
        : `${g.reached - g.unreachable} 人能收到微信消息，${g.unreachable} 人没绑微信`
  return `${sent}（${told}）`
}
