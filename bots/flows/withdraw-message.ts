import { ApiError, type CaseListItem } from '../client.js'
import { progressQuestion } from '../progress-questions.js'
import { ratingWord } from '../scores.js'
import { isNod } from '../short-answers.js'
import { bare } from '../typed-text.js'
import { LIST_WINDOW_MS, type ListedMessages } from './dialogue-state.js'
import { isLongText } from './message-draft.js'
import { caseLines, lines, noSuchMessage, oneLine, type Turn } from './turn.js'

/**
 * 撤回 in the chat: the list of her messages that can still be withdrawn, and her answer to it, by its number or in her
 * own words ("路灯那个"): words that name exactly one listed message show it alone, her "1" then withdrawing it; words that
 * name none or several ask again, and the list stays what a number means for its half hour.
 */

/** Statuses in which the case workflow lets a resident withdraw (domain/case.ts TRANSITIONS.withdraw). */
const WITHDRAWABLE = new Set(['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened'])

const PICK_HINT = '要撤回哪一条，请回复前面的数字，如：1；不撤回了，请回复"取消"。'

/**
 * "撤回": which messages can still be withdrawn; "撤回 0042" (or the full ticket): that one.
 */
export async function withdraw(turn: Turn, ref: string | null, words?: string) {
  const { client, person } = turn
  if (!ref) {
    // However old: a message still waiting from months ago is hers to take back too.
    const open = (await client.casesShe(person.personId, 'withdraw')).filter((c) => WITHDRAWABLE.has(c.status))
    if (!open.length) return turn.say('您没有可以撤回的留言。已经答复或办结的留言不能撤回。')
    // "路灯那条" to "删除还是撤回？": the one her words name is shown alone, never the list whose "1" is another.
    const named = words
      ? listedNamed(
          words,
          open.slice(0, 5).map((c) => c.excerpt),
        )
      : []
    if (named.length === 1) return showAlone(turn, open[named[0]], words!)
    // The list is numbered: her next "1" takes back the first, as the line under it says.
    turn.state.listed = { kind: 'withdraw', tickets: open.slice(0, 5).map((c) => c.ticket), at: turn.now }
    return turn.say(
      lines('可以撤回的留言：', ...caseLines(open), '', `要撤回哪一条，请回复前面的数字，如：1；或发送"撤回 编号"，如：撤回 ${open[0].ticket.slice(-4)}`),
    )
  }
  // Among all her messages however old, not only the newest the list holds; never another person's.
  let matches = await client.casesNamed(person.personId, ref)
  if (!matches.length) return turn.say(noSuchMessage(ref))
  if (matches.length > 1) {
    // Numbers start again at 0001 each day: only the ones that can still be withdrawn are meant.
    const open = matches.filter((c) => WITHDRAWABLE.has(c.status))
    if (!open.length) return turn.say(`以 ${ref} 结尾的 ${matches.length} 条留言都已答复、办结或撤回，不能撤回了。`)
    if (open.length > 1)
      return turn.say(
        lines(
          `有 ${open.length} 条可以撤回的留言以 ${ref} 结尾：`,
          ...caseLines(open, 'dotted'),
          `要撤回哪一条，请发送"撤回"和完整编号，如：撤回 ${open[0].ticket}`,
        ),
      )
    matches = open
  }
  try {
    const done = await client.withdraw(person.personId, matches[0].ticket)
    turn.say(`已撤回留言 ${done.ticket}，代表不会再办理这条留言。`)
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    // The backend says what became of it and what she can do instead ("…代表已经答复了，不能再撤回。您可以查看答复并评价").
    turn.say(err.code === 'illegal_transition' ? `留言 ${matches[0].ticket} ${err.message.replace(/^这条留言/, '')}。` : err.message)
  }
}

/**
 * Her words while the 撤回 list stands, no number (resident.ts reads those): the message they name is shown alone for
 * her "1", words naming none or several ask again, "取消" ends the list. False when they are not an answer to it: no list, a long
 * sentence naming none of them (a new matter), a score word while an answer waits, a question how a message is doing.
 */
export async function withdrawListAnswer(turn: Turn): Promise<boolean> {
  const { state, command: cmd } = turn
  const listed = state.listed
  if (state.flow || listed?.kind !== 'withdraw' || turn.now - listed.at >= LIST_WINDOW_MS) return false
  if (cmd.kind === 'cancel' || (cmd.kind === 'text' && NOT_NOW.test(bare(cmd.text)))) {
    state.listed = null
    turn.say('好的，不撤回了，您的留言照常办理。')
    return true
  }
  // One message shown (alone, or a list of one): her "是" / "对" / "好的" means it, never the residents' "好的！" with
  // nothing done while she believes it was.
  if (listed.tickets.length === 1 && (cmd.kind === 'confirm' || cmd.kind === 'done' || isNod(turn.raw))) {
    state.listed = null
    await withdraw(turn, listed.tickets[0])
    return true
  }
  if (cmd.kind !== 'text' || progressQuestion(cmd.text) !== null || (state.rating && ratingWord(cmd.text) !== null)) return false
  const shown = await listedNow(turn, listed)
  const picked = listedNamed(
    cmd.text,
    shown.map((s) => s.item.excerpt),
  )
  if (!picked.length && isLongText(cmd.text)) return false
  if (!shown.length) {
    state.listed = null
    turn.say('列表里的留言都已经不能撤回了（已经答复、办结或撤回）。发送"查询"可以看它们现在怎么样了。')
    return true
  }
  if (picked.length === 1) {
    showAlone(turn, shown[picked[0]].item, turn.raw)
    return true
  }
  // Asked again with the same numbers: her "1" next is still the first line she read.
  state.listed = { ...listed, at: turn.now }
  const said = oneLine(turn.raw)
  const line = ({ item, at }: (typeof shown)[number]) => `${at + 1}. ${item.ticket}【${item.statusLabel}】${oneLine(item.excerpt)}`
  if (!picked.length) turn.say(lines(`可以撤回的留言里，没有找到您说的"${said}"。`, ...shown.map(line), '', PICK_HINT))
  else turn.say(lines(`您说的"${said}"，有 ${picked.length} 条留言都对得上：`, ...picked.map((i) => line(shown[i])), '', PICK_HINT))
  return true
}

/**
 * The one message her words name, alone, for her "1" (or yes): words are matched loosely (two characters running may
 * do), so she sees which one before it is taken back.
 */
function showAlone(turn: Turn, item: CaseListItem, words: string) {
  turn.state.listed = { kind: 'withdraw', tickets: [item.ticket], at: turn.now }
  turn.say(
    lines(
      `您说的"${oneLine(words)}"，是这一条：`,
      `1. ${item.ticket}【${item.statusLabel}】${oneLine(item.excerpt)}`,
      '',
      '要撤回这一条，请回复 1；不撤回了，请回复"取消"。',
    ),
  )
}

/** "不撤回了", "不撤了", "不要撤": not withdrawing after all. */
const NOT_NOW = /^(?:不撤回?|不要撤回?|别撤回?|先不撤回?|不用撤回?)(?:了|啦|吧)?$/

/** The listed messages that can still be withdrawn now, each with its line in the list she read. */
async function listedNow(turn: Turn, listed: ListedMessages) {
  const open = (await turn.client.casesShe(turn.person.personId, 'withdraw')).filter((c) => WITHDRAWABLE.has(c.status))
  return listed.tickets
    .map((ticket, at) => ({ at, item: open.find((c) => c.ticket === ticket) }))
    .filter((s): s is { at: number; item: CaseListItem } => s.item !== undefined)
}

/** What is said around the thing she names: "撤回路灯那个", "就是垃圾的那条留言吧" → "路灯", "垃圾". */
const AROUND = /撤回|撤销|删除|删掉|不要了|那个|这个|那条|这条|那件|这件|事情|留言|我要|我想|就是|关于|说的|反映的|一条|[的事吧啊呀了是要想撤]/g

/**
 * Which of the listed messages her words name, by their first words: those holding all she named ("路灯" in
 * "建设路12号门口的路灯坏了"); if none does, those sharing two characters running with it ("垃圾没人收" and
 * "小区垃圾三天没人收"). Indexes into `excerpts`; several or none when her words do not tell one apart.
 */
export function listedNamed(words: string, excerpts: string[]): number[] {
  const key = bare(words).replace(AROUND, '')
  if (!key) return []
  const texts = excerpts.map((e) => bare(e))
  const whole = texts.flatMap((t, i) => (t.includes(key) ? [i] : []))
  if (whole.length || [...key].length < 2) return whole
  const pairs = [...key].slice(1).map((c, i) => [...key][i] + c)
  return texts.flatMap((t, i) => (pairs.some((p) => t.includes(p)) ? [i] : []))
}
