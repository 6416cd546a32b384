import { bare } from '../typed-text.js'
import { addPart, CANCEL_HINT, choicesShown, chooseTarget, isLongText, placeTarget } from './message-draft.js'
import { placeOnly, placeTree } from './places.js'
import { lines, type Turn } from './turn.js'
import type { Choice, MessageFlow } from './dialogue-state.js'

/**
 * Where a new message goes, chosen from numbered lists (districts → streets → communities), or by typing a place's
 * name, before or while it is asked.
 */

/**
 * Lists the places under the one reached (the picked region, else the last of the path: districts when none); a
 * community or a leaf is the place.
 */
export async function showPlaces(turn: Turn, flow: MessageFlow, picked: Choice | null) {
  if (picked) flow.path.push(picked)
  const here = flow.path.at(-1) ?? null
  const children = here && here.kind === 'community' ? [] : (await turn.client.regions(here?.id)).filter((r) => r.kind !== 'grid')
  if (here && children.length === 0) return chooseTarget(turn, flow, placeTarget(flow.path))
  flow.stage = 'place'
  flow.options = children.map((r) => ({ id: r.id, name: r.name, kind: r.kind }))
  turn.state.flow = flow
  turn.say(lines(choicesShown(flow), '', !here && '海报上有编号的（如 ST001、DP0001），也可以直接发编号。', CANCEL_HINT))
}

/**
 * Words typed while she chooses a place or a deputy: the name of one on the list (or the start of
 * it: "轻工" for 轻工街道) picks it; her problem described is kept as the message's first words; a
 * "不知道" is told what to do; anything else is asked for the number again.
 */
export async function typedWhileChoosing(turn: Turn, flow: MessageFlow): Promise<boolean> {
  const typed = bare(turn.raw)
  const here = flow.path.at(-1)
  if (/^(?:我)?(?:也)?(?:不知道|不清楚|不晓得|不记得|不确定)/.test(typed)) {
    turn.say(
      lines(
        here ? `不清楚的话，回复 0，就发给${here.name}。` : '不清楚在哪个区的话，可以发送代表的名字（如：给张伟代表留言），或海报上的编号。',
        choicesShown(flow),
        CANCEL_HINT,
      ),
    )
    return true
  }
  const long = turn.command.kind === 'text' && isLongText(turn.raw)
  // Her problem described here is the message's words, kept whatever else they say.
  if (long && !addPart(turn, flow)) return true
  const named = typed.length >= 2 ? flow.options.filter((o) => o.name === typed || (!long && o.name.startsWith(typed)) || typed.includes(o.name)) : []
  if (named.length === 1) {
    if (flow.stage === 'deputy') await chooseTarget(turn, flow, { kind: 'deputy', code: named[0].id, label: named[0].name })
    else await showPlaces(turn, flow, named[0])
    return true
  }
  // A place further down, answered before it was asked ("光明社区" while the districts are listed): its whole path.
  const deeper = !long && !named.length && flow.stage === 'place' ? placeOnly(await placeTree(turn.client, turn.now), turn.raw, here?.id ?? null) : null
  if (deeper) {
    flow.path = deeper
    await showPlaces(turn, flow, null)
    return true
  }
  if (long) turn.say(lines('您说的这段话先记下了，选好地方就能送出。', choicesShown(flow), CANCEL_HINT))
  else turn.say(lines(named.length > 1 ? '有几个名字相近，请回复列表前面的数字。' : '请回复列表前面的数字。', CANCEL_HINT))
  return true
}

/** A short line that only names the place already chosen (or one above it): true. */
export async function namesChosenPlace(turn: Turn, flow: MessageFlow): Promise<boolean> {
  if (flow.target?.kind !== 'region' || isLongText(turn.raw)) return false
  const named = placeOnly(await placeTree(turn.client, turn.now), turn.raw, flow.target.id)
  return !!named && (named.at(-1)!.id === flow.target.id || flow.path.some((p) => p.id === named.at(-1)!.id))
}
