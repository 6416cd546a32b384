import { compact } from '../typed-text.js'
import { lines, type Turn } from './turn.js'

/**
 * "我上午去开会了忘记签到了怎么办", "补签", "签到": a deputy asking about signing in at a meeting. He is told, for his
 * meetings begun lately, what is true and what to do, in the words of his meeting page (the backend's): "没有您的签到
 * 记录。如果您到了会，请联系孙丽（电话 …）为您补签" — never the help menu.
 */

/** Words of signing in at a meeting (签到, 补签, 扫码签到, 没签上), not of study check-ins (学习打卡 is 打卡). */
const CHECK_IN = /补签|签到|签个到|没签上|漏签|忘了签|忘签|扫码签|扫会场/

/** Whether his words ask about signing in at a meeting. */
export const asksAboutCheckIn = (text: string) => {
  const t = compact(text)
  return [...t].length <= 60 && CHECK_IN.test(t)
}

/** How signing in works, for one with no meeting begun lately. */
const HOW_TO_CHECK_IN = lines(
  '最近没有您要签到的会议。',
  '开会时到了会场，请在小程序首页点“会议”，点开这个会议，再点“到会后扫码签到”，扫会场张贴的签到二维码。',
  '会后发现忘了签到，请联系会议通知里写的联系人为您补签。',
)

/** His meetings begun lately, latest first (at most three), each with what is true and the one thing to do. */
export async function checkInHelp(turn: Turn) {
  const items = (await turn.client.meetingCheckIns(turn.person.personId)).slice(0, 3)
  if (!items.length) return turn.say(HOW_TO_CHECK_IN)
  turn.say(items.map((m) => lines(`会议：${m.title}，${m.time}。`, `${m.state}。`, m.todo && `${m.todo}。`)).join('\n\n'))
}
