import { bare } from '../typed-text.js'
import { startMessageWithWords } from './leave-message.js'
import { CASE_TEXT_MAX, isLongText } from './message-draft.js'
import { reopenWith } from './reopen-later.js'
import { lines, oneLine, saysYes, shortTicket, type Turn } from './turn.js'
import type { ReopenFlow } from './dialogue-state.js'
import { excerptOf } from './words-passed-on.js'

/**
 * 孙大爷 rated an answer low days ago, and now says "下水道又堵了你们怎么搞的": most likely the same matter. Before a
 * new message starts from nothing, he is asked whether that message should be handled again with his words (1) or
 * his words are a new message (2). Only a message the backend says may be handled again, and is about the same
 * matter (the same thing, in no other place: 光明社区3号楼的电梯 is never 光明社区3号楼前的路灯), is offered; the
 * words shared here only name it in the question.
 */

/**
 * Words that say nothing of what the matter is: who is spoken to, where in general, how long, how it is said. A
 * shared part made only of these ("小区门口") names no matter.
 */
const GENERIC =
  /人大|代表|反映|留言|你们|我们|他们|怎么|什么|问题|一下|小区|社区|门口|楼下|楼上|没有|没人|还是|已经|现在|好几|几天|天了|希望|建议|麻烦|帮忙|解决|处理|情况|这个|那个|时候|今天|昨天|一直|[的了又也还就都吧啊呢吗呀很太是在有给把被和跟我你他她它个]/gu

/** Filler at either end of a shared part, cut before it is named ("下水道又" → "下水道", "问问低保的事" → "低保"). */
const EDGE =
  /^(?:问问|问一下|说说|反映|[的了又也还就都吧啊呢吗呀很太是在有给把被和跟])+|(?:的?(?:事情|事儿|事)|[的了又也还就都吧啊呢吗呀很太是在有给把被和跟])+$/gu

/** Only the words, without the digits: "3号楼" and "5号楼" name no matter apart. */
const clean = (text: string) => bare(text).replace(/\d/g, '')

/**
 * Where, said away before naming: a community's name and a building, entrance or floor are in all of one person's
 * messages, and "光明社区号楼的电梯" names the lift less plainly than "电梯".
 */
const withoutPlaces = (text: string) =>
  text
    .replace(/[^\P{Script=Han}的了在是有我你他她们这那个不没很太也又都还就被把给对和与跟说想要会能坏修堵漏]{2,3}(?:社区|小区|花园|家园|新村)/gu, '')
    .replace(/(?:\d+|[一二三四五六七八九十两]+)\s*(?:号楼|号院|单元|栋|幢|座|楼|层)/gu, '')

/**
 * What two texts share that names a matter ("下水道" in "下水道又堵了你们怎么搞的" and "给代表反映下水道堵了"): the
 * longest common part with two or more characters left once the generic words are set aside; null when none.
 * Only for naming a message the backend already found to be about the same matter, never to judge that.
 */
export function sharedSubject(a: string, b: string): string | null {
  const x = [...clean(withoutPlaces(a))]
  const y = [...clean(withoutPlaces(b))]
  const found = new Set<string>()
  // Common parts that cannot grow at either end, by the classic table of common suffix lengths.
  let prev = new Array<number>(y.length + 1).fill(0)
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0)
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] !== y[j - 1]) continue
      row[j] = prev[j - 1] + 1
      const ends = i === x.length || j === y.length || x[i] !== y[j]
      if (ends && row[j] >= 2) found.add(x.slice(i - row[j], i).join(''))
    }
    prev = row
  }
  const named = [...found]
    .map((part) => part.replace(EDGE, ''))
    .filter((part) => [...part.replace(GENERIC, '')].length >= 2)
    .sort((p, q) => [...q].length - [...p].length)
  return named[0] ?? null
}

/**
 * His words about a matter one of his messages was about, while that message may be handled again: asked which he
 * means, and true; false when none matches (the caller starts a new message, or offers them as one). The backend
 * judges which message, if any, is about the same matter.
 */
export async function sameMatterAgain(turn: Turn, words: string): Promise<boolean> {
  // Words too long for a message are refused as such by the caller, never offered to be handled again.
  if (!turn.person.consented || turn.person.deputy || words.length > CASE_TEXT_MAX) return false
  const alike = (await turn.client.casesSameMatter(turn.person.personId, words).catch(() => [])).find((c) => c.reopen === 'allowed')
  if (!alike) return false
  const flow: ReopenFlow = { name: 'reopen', stage: 'again', ticket: alike.ticket, words, subject: sharedSubject(words, alike.excerpt) ?? '' }
  turn.state.flow = flow
  turn.say(againQuestion(flow, alike.excerpt, alike.ref ?? shortTicket(alike.ticket)))
  return true
}

const againQuestion = (flow: ReopenFlow, excerpt: string, ref: string) =>
  lines(
    // Alike by thing and place, yet no words in common to name it ("电梯又不动了" after "升降梯坏了"): named by the message.
    `您说的"${excerptOf(flow.words ?? '')}"，是不是上次${flow.subject ? `"${flow.subject}"的事` : '那条留言说的事'}（留言 ${ref}：${oneLine(excerpt)}）？`,
    '1. 是，请代表重新办理',
    '2. 不是，写一条新留言',
  )

const AGAIN_CHOICES = lines('请回复数字：', '1. 是，请代表重新办理', '2. 不是，写一条新留言')

/** His answer: 1 (or a yes, or "重新办理") has the message handled again with his words; 2 makes them a new message. */
export async function againAnswer(turn: Turn, flow: ReopenFlow): Promise<boolean> {
  const cmd = turn.command
  const words = flow.words ?? ''
  const typed = clean(turn.raw)
  const yes = saysYes(turn) || cmd.kind === 'reopen' || /^是(?:上次|那件|那个)/.test(typed)
  const fresh =
    (cmd.kind === 'number' && cmd.value === 2) ||
    cmd.kind === 'startMessage' ||
    /^(?:不是|不|新的|写新的|写一条新的|新留言|写新留言|另一件事|别的事)(?:吧|啊|呀)?$/.test(typed)
  if (yes) {
    turn.state.flow = null
    await reopenWith(turn, flow.ticket, words)
  } else if (fresh) {
    turn.state.flow = null
    await startMessageWithWords(turn, words)
  } else if (cmd.kind === 'text' && isLongText(turn.raw)) {
    // More of the same thought: it goes wherever the first words go.
    flow.words = `${words}\n${turn.raw}`
    turn.say(lines('这段话也记下了。', AGAIN_CHOICES))
  } else turn.say(AGAIN_CHOICES)
  return true
}
