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

/** Her answer to samePlaceQuestion: yes goes there; "换地方" (2) shows the districts; a place named goes there. */
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
  if (cmd.kind === 'text' && isLongText(turn.raw)) {
    if (addPart(turn, flow)) turn.say(lines('您说的这段话先记下了。', samePlaceQuestion(last)))
    return true
  }
  turn.say(lines('请回复数字 1 或 2：', samePlaceQuestion(last), CANCEL_HINT))
  return true
}
