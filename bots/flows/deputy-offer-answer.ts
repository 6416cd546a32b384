import { readsLikeAnswer } from './deputy-words.js'
import { offerCommand } from './deputy-yes.js'
import { lines, oneLine, type Turn } from './turn.js'

/**
 * "路灯已经修好了" from a deputy with messages open: probably his answer, without "回复 0001". It is only
 * offered, never sent: he may be a resident too, writing about his own street.
 */
export async function offerToAnswer(turn: Turn): Promise<boolean> {
  if (turn.command.kind !== 'text' || !readsLikeAnswer(turn.raw)) return false
  const items = await turn.client.deputyCases(turn.person.personId)
  if (items.length === 0) return false
  const words = oneLine(turn.raw)
  const yours = '如果这是您自己要反映的问题，请发送"留言"。'
  if (items.length === 1) {
    const c = items[0]
    // His "是" to it shows the answer back for a second "是", as the command would (deputy-yes.ts).
    offerCommand(turn, `回复 ${c.short} ${words}`)
    turn.say(lines(`是要答复留言 ${c.short}（${oneLine(c.excerpt)}）吗？请发送：回复 ${c.short} ${words}`, yours))
  } else {
    turn.say(
      lines(`是要答复留言吗？请把留言编号写在前面，例如：回复 ${items[0].short} ${words}`, `您有 ${items.length} 条待办留言，编号请发送"待办"查看。`, yours),
    )
  }
  return true
}
