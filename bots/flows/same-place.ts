import { isThanks } from '../short-answers.js'
import { bare } from '../typed-text.js'
import { showPlaces } from './choose-place.js'
import { addPart, CANCEL_HINT, chooseTarget, isLongText, placeTarget } from './message-draft.js'
import { pathTo, placeOnly, placeTree } from './places.js'
import { lines, saysYes, type Turn } from './turn.js'
import type { Choice, MessageFlow } from './dialogue-state.js'

/**
 * The place question of a new message, as the mini-program fills in the place for 再写一条: when her last message
 * went to a place she chose, whether this one goes there too ("您上次是光明社区，这次还发这里吗？").
 */

/**
 * The place question of a new message: from a place she named before she was asked ("光明社区" under the privacy
 * notice); else, when her last message went to a place she chose, whether this one goes there too; else the districts.
 */
export async function askPlace(turn: Turn, flow: MessageFlow) {
  if (flow.path.length) return showPlaces(turn, flow, null)
  const last = await lastPlace(turn)
  if (!last) return showPlaces(turn, flow, null)
  flow.stage = 'samePlace'
  flow.lastPlace = last
  flow.options = []
  turn.state.flow = flow
  turn.say(lines(samePlaceQuestion(last), CANCEL_HINT))
}

/** Where her newest message with a chosen place went, district first; null when none did (or the place is gone). */
async function lastPlace(turn: Turn): Promise<Choice[] | null> {
  const { items } = await turn.client.caseList(turn.person.personId)
  const regionId = items.find((c) => c.regionId)?.regionId
  if (!regionId) return null
  const path = pathTo(await placeTree(turn.client, turn.now), regionId)
  return path.length ? path : null
}

export const samePlaceQuestion = (last: Choice[]) =>
  lines(`您上次是${last.at(-1)!.name}（${last.map((p) => p.name).join(' ')}），这次还发这里吗？`, `1. 是，还发${last.at(-1)!.name}`, '2. 换地方')

/** "不是", "换个地方", "发别的地方": the 2 of samePlaceQuestion in words. */
const ELSEWHERE = /^(?:不是|不|不对|换|换个|换一个|别的|其他|另外)(?:地方|的|个)?(?:吧|了)?$|^(?:不发这里|换地方了?|发别的地方)$/

/** "上次说的那个事", "那个事呢", "进展": short words about a message already sent, not an answer to where this one goes. */
const EARLIER = /上次|上回|之前|以前|前几天|前些天|那个事|那件事|那事|那个留言|那条留言|进展|进度|怎么样|到哪/
/** "还是上次那个地方": the place, not the message. */
const PLACE_WORDS = /地方|这里|那里|这儿|那儿|社区|街道|乡|镇|村|区|发/

/**
 * Her answer to samePlaceQuestion: yes goes there; "换地方" (2) shows the districts; a place named goes there. Thanks
 * (the message before it has just gone) end the new one politely; words about an earlier message point her to 查询.
 */
export async function samePlaceAnswer(turn: Turn, flow: MessageFlow): Promise<boolean> {
  const cmd = turn.command
  const last = flow.lastPlace ?? []
  const yes = (saysYes(turn) || cmd.kind === 'done') && last.length > 0
  const elsewhere = (cmd.kind === 'number' && cmd.value === 2) || ELSEWHERE.test(bare(turn.raw))
  const named = !yes && !elsewhere && cmd.kind === 'text' ? placeOnly(await placeTree(turn.client, turn.now), turn.raw) : null
  if (yes || elsewhere || named) {
    // The question is answered: the message goes on from the place chosen (none: the districts).
    flow.path = yes ? [...last] : (named ?? [])
    flow.lastPlace = undefined
    await (yes ? chooseTarget(turn, flow, placeTarget(flow.path)) : showPlaces(turn, flow, null))
    return true
  }
  const thanks = (cmd.kind === 'pleasantry' && /谢|感|辛苦|麻烦/.test(turn.raw)) || (cmd.kind === 'text' && isThanks(cmd.text))
  const earlier = cmd.kind === 'text' && !isLongText(turn.raw) && EARLIER.test(bare(turn.raw)) && !PLACE_WORDS.test(bare(turn.raw))
  if ((thanks || earlier) && !flow.parts.length) {
    // Nothing of the new message written yet: nothing is lost by not starting it.
    turn.state.flow = null
    turn.say(
      thanks
        ? lines('不客气！这次就先不写新留言了。', '还有事要反映，请发送"留言"；看留言办到哪一步了，请发送"查询"。')
        : lines('您是问之前的留言吧？看它办到哪一步了，请发送"查询"。', '新留言就先不写了，要写的时候请发送"留言"。'),
    )
    return true
  }
  if (thanks || earlier) {
    // Her words for the new message wait: the question stands.
    const said = thanks ? '不客气！' : '看之前的留言办到哪一步了，请发送"查询"。'
    turn.say(lines(said, '您这次说的话还没有送出。', samePlaceQuestion(flow.lastPlace ?? []), CANCEL_HINT))
    return true
  }
  if (cmd.kind === 'text' && isLongText(turn.raw)) {
    if (addPart(turn, flow)) turn.say(lines('您说的这段话先记下了。', samePlaceQuestion(last)))
    return true
  }
  turn.say(lines('请回复数字 1 或 2：', samePlaceQuestion(last), CANCEL_HINT))
  return true
}
