import { choicesShown } from './message-draft.js'
import { pickedName, pickLines } from './reopen-pick.js'
import { lines, shortTicket } from './turn.js'
import type { Flow } from './dialogue-state.js'
import { excerptOf } from './words-passed-on.js'

/**
 * The numbered question her flow waits on, said so that a deputy who is a resident too, asked which she meant after
 * her 待办 lines (deputy-numbers.ts), sees what her number would do there: each number's meaning is taken from the
 * flow's own prompt, since "2" at the summary empties her words and "1" at the verdict records 不满意.
 */
export interface FlowQuestion {
  /** What it asks, in a few words ("核对您的留言"). */
  words: string
  /** What is still not done while it waits, said plainly ("您的留言还没有送出"). */
  notDone: string
  least: number
  most: number
  /** What number `n` (least..most) does there, as its prompt says it ("重新填写（刚才写的不要了）"). */
  label: (n: number) => string
  /** The number a plain yes ("好的", "行", "嗯") answers it with; null where a yes does nothing. */
  yes: number | null
  /** A long list (places, deputies, messages) shown again whole: the 待办 lines pushed it out of sight. */
  list: string | null
}

const twoWay = (words: string, notDone: string, one: string, two: string, yes: number | null = 1): FlowQuestion => ({
  words,
  notDone,
  least: 1,
  most: 2,
  label: (n) => (n === 1 ? one : two),
  yes,
  list: null,
})

/** The question her flow waits on, when a number answers it; null while it waits for her words. */
export function flowQuestion(flow: Flow): FlowQuestion | null {
  if (flow.name === 'message') {
    const notDone = '您的留言还没有送出'
    if (flow.stage === 'confirm' && flow.instead) {
      // A kept draft offered back (kept-draft.ts CHOICE): 2 drops it for the new one; 3 cancels, as under the summary.
      const labels = ['发出之前写的那条留言', '之前那条不要了，重新写', '取消，不留言了']
      return { words: '之前写的留言发不发', notDone: '您之前写的留言还没有发出', least: 1, most: 3, label: (n) => labels[n - 1], yes: null, list: null }
    }
    if (flow.stage === 'confirm') {
      // The summary (message-draft.ts showConfirm); "好了"/"好的" under it sends (leave-message.ts).
      const labels = ['确认送出', '重新填写（刚才写的不要了）', '取消这条留言']
      return { words: '核对您的留言', notDone, least: 1, most: 3, label: (n) => labels[n - 1], yes: 1, list: null }
    }
    if (flow.stage === 'samePlace') {
      const last = flow.lastPlace?.at(-1)?.name
      return twoWay('留言还发到上次的地方吗', notDone, last ? `发到上次的地方（${last}）` : '发到上次的地方', '换个地方')
    }
    if (flow.stage === 'place' || flow.stage === 'deputy') {
      const here = flow.path.at(-1)
      // "0" takes the place chosen so far.
      const least = flow.stage === 'place' && here ? 0 : 1
      const label = (n: number) => (n === 0 ? `不清楚，就选${here?.name ?? ''}` : `选${flow.options[n - 1]?.name ?? ''}`)
      const words = flow.stage === 'place' ? '留言发给哪里' : '留言发给哪位代表'
      return { words, notDone, least, most: flow.options.length, label, yes: null, list: choicesShown(flow) }
    }
    return null
  }
  if (flow.name === 'reopen') {
    const ticket = shortTicket(flow.ticket)
    const said = excerptOf(flow.words ?? flow.reason ?? '')
    if (flow.stage === 'pick') {
      // Named as when she asked (reopen-pick.ts): by ticket numbers alone she cannot tell which is which.
      const list = lines('要重新办理的留言：', ...pickLines(flow))
      const label = (n: number) => `重新办理${pickedName(flow, n)}`
      return { words: '重新办理哪一条留言', notDone: '还没有申请重新办理', least: 1, most: flow.choices?.length ?? 0, label, yes: null, list }
    }
    if (flow.stage === 'offer') return twoWay('要不要重新办理', `留言 ${ticket} 还没有申请重新办理`, `申请重新办理留言 ${ticket}`, '不用重新办理了')
    if (flow.stage === 'verdict') {
      return twoWay(
        `留言 ${ticket} 的问题是不是还没有解决`,
        `您说的"${said}"还没有发出去，留言 ${ticket} 也还没有打分`,
        `没有解决，给留言 ${ticket} 记为不满意`,
        `不是，这是另一件事，把"${said}"写成一条新留言`,
      )
    }
    if (flow.stage === 'again') {
      return twoWay(
        '是重新办理，还是写一条新留言',
        `您说的"${said}"还没有发出去，也没有申请重新办理`,
        `是上次那件事，请代表重新办理留言 ${ticket}`,
        `不是，把"${said}"写成一条新留言`,
      )
    }
    return null
  }
  if (flow.name === 'comment') {
    // Asked after 待办, her 刚才 is his list: her words are named by when she said them, or quoted.
    const said = flow.stage === 'unsent' ? `您说的"${excerptOf(flow.words)}"` : '您评价后说的那段话'
    const notDone = `${said}还没有转给代表`
    if (!flow.stage) {
      const one = flow.subject ? `是"${flow.subject}"那件事，和评分一起转给代表` : '是对答复的意见，和评分一起转给代表'
      return twoWay(`${said}是对答复的意见，还是新的问题`, notDone, one, '是新的问题，写成一条新留言', null)
    }
    const whole = flow.stage === 'whole' ? '整段话' : ''
    return twoWay(`要不要把${said}作为新留言`, notDone, `把${whole || '这段话'}作为一条新留言发给代表`, '不用了，这段话不发')
  }
  return null
}

/** "要回答刚才的问题，请再回复 2：重新填写（刚才写的不要了）", and a long list again under it. */
export const askedAgain = (q: FlowQuestion, n: number) => lines(`要回答刚才的问题，请再回复 ${n}：${q.label(n)}`, q.list)

/** Every number of a short question with what it does ("1. 确认送出"), for a plain yes that might be hers. */
export const labelledChoices = (q: FlowQuestion) => lines(...Array.from({ length: q.most - q.least + 1 }, (_, i) => `${q.least + i}. ${q.label(q.least + i)}`))
