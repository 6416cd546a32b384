import { deputyMenu } from './deputy-menu.js'
import { LIST_WINDOW_MS } from './dialogue-state.js'
import { lines, type Turn } from './turn.js'

/** What a resident reads when she asks what this chat is, asks for a person, or asks for the menu. */

/** Who answers her, and a call only if she asks for one and the deputy needs it: nothing promised that no rule keeps. */
export const PHONE_IF_NEEDED = '您把问题写下来发给代表，代表会答复您；想让代表打电话的话，留言里写上您的电话，代表需要时会打给您。'

/** What this chat is, for someone who asks: a person asked for is told how to reach one. */
export const WHAT_THIS_IS = '这里是人大代表联络站的留言小助手，由电脑自动回复。您有问题或建议，可以在这里写给人大代表，代表会答复您。'
export const NO_PERSON_HERE = lines(
  '这里是联络站的留言小助手，由电脑自动回复，没有人工客服。',
  // Only what is kept: the deputy answers (staff pass messages on, they do not answer), and calls only when he needs to.
  PHONE_IF_NEEDED,
  '发送"留言"就可以开始。',
)

/** What anyone can do here, by number or word. */
const RESIDENT_CHOICES = lines(
  '1. 留言：向人大代表反映问题、提建议',
  '2. 查询：看看留言办到哪一步了',
  '3. 帮助：再看一遍这个菜单',
  '还没答复的留言可以发送"撤回"收回；发送"我的信息"看我们保存了什么、怎样导出和更正；发送"隐私"看个人信息保护说明；发送"删除我的信息"可删除您的个人信息。',
)

export const RESIDENT_MENU = lines('您好！这里是人大代表联络站。请回复数字或文字：', RESIDENT_CHOICES)

/**
 * What a deputy can do as anyone, folded to one line under his own menu: the residents' choices (撤回, 我的信息…)
 * are there when he writes as a resident, not in a deputy's help.
 */
const DEPUTY_AS_RESIDENT = '您自己作为群众要反映问题，请发送"留言"；其他功能请发送"群众菜单"。'

/** The menu as a bound deputy reads it: a deputy's short help, his own commands, then one line for what he can do as anyone. */
export async function menuFor(turn: Turn): Promise<string> {
  if (!turn.person.deputy) return RESIDENT_MENU
  return lines(await deputyMenu(turn), '', DEPUTY_AS_RESIDENT)
}

/**
 * Says `text`, which offers the residents' numbers ("1. 留言", "留言请回复 1"): a deputy's bare "1" right after it means
 * 留言, as it said; with no such offer lately, it starts nothing (resident-other-words.ts).
 */
export function offerResidentNumbers(turn: Turn, text: string) {
  if (turn.person.deputy) turn.state.residentMenuAt = turn.now
  turn.say(text)
}

/** Whether the residents' numbers were offered lately enough that a deputy's "1" is still the menu's 留言. */
export const residentNumbersOffered = (turn: Turn) => turn.state.residentMenuAt !== undefined && turn.now - turn.state.residentMenuAt < LIST_WINDOW_MS
