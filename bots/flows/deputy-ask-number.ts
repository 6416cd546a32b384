import { awaitsAcknowledging } from './deputy-menu.js'
import { lines, oneLine, type Turn } from './turn.js'

/** The deputy's command lacked a case number: an example with a number of theirs, ready to copy. */
export async function askForNumber(turn: Turn, verb: string) {
  const items = await turn.client.deputyCases(turn.person.personId)
  if (items.length === 0) return turn.say('您目前没有待办留言。')
  const toAck = items.find(awaitsAcknowledging)
  if (verb === '受理' && !toAck) return turn.say(`您的待办留言都已受理。办好后请发送：回复 ${items[0].short} 答复内容`)
  const short = verb === '受理' ? toAck!.short : items[0].short
  const example =
    verb === '受理' || verb === '电话' ? `${verb} ${short}` : verb === '转交' || verb === '交回' ? `${verb} ${short} 原因` : `${verb} ${short} 答复内容`
  turn.say(
    lines(
      `请在"${verb}"后面写上留言编号，例如：`,
      example,
      items.length > 1 ? `您有 ${items.length} 条待办留言，编号请发送"待办"查看。` : `（${short} 是您待办里的留言：${oneLine(items[0].excerpt)}）`,
    ),
  )
}
