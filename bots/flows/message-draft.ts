import { randomUUID } from 'node:crypto'
import { wordCount } from '../typed-text.js'
import { lines, numbered, type Turn } from './turn.js'
import type { Choice, MessageFlow, Target } from './dialogue-state.js'

/**
 * The draft of a resident's message while she writes it: its words, taken part by part within the backend's limit,
 * where it goes, and the summary she confirms before it is sent (leave-message.ts drives the steps).
 */

export const CANCEL_HINT = '回复"取消"可以随时退出。'
export const TEXT_PROMPT = '请直接说您的问题或建议，可以分几条发。\n说完了请回复"好了"。'
/** The backend's limit for a message's words (caseBody in src/http/routes/bot/schemas.ts), counted as it counts. */
export const CASE_TEXT_MAX = 2000

/** A new draft: no place chosen, nothing written yet. */
export function newFlow(): MessageFlow {
  return { name: 'message', stage: 'place', draftId: randomUUID(), target: null, path: [], options: [], parts: [], lastPartAt: null }
}

/** Words enough to be a message part, not a greeting or a slip ("你好", "嗯？"): about eight characters of words. */
export const isLongText = (text: string) => wordCount(text) >= 8

/** The place at the end of a path as where the message goes, named by the whole path ("湛河区 轻工街道 光明社区"). */
export const placeTarget = (path: Choice[]): Target => ({ kind: 'region', id: path.at(-1)!.id, label: path.map((p) => p.name).join(' ') })

/**
 * Takes one more part of the text, unless it would pass the limit: then the resident hears why
 * at once and keeps what was said before (told only at "确认", three parts of typing were lost).
 */
export function addPart(turn: Turn, flow: MessageFlow): boolean {
  const first = flow.parts.length === 0
  const before = first ? 0 : flow.parts.join('\n').length + 1
  if (before + turn.raw.length > CASE_TEXT_MAX) {
    turn.say(
      first
        ? lines(`这段话有 ${turn.raw.length} 字，一条留言最多 ${CASE_TEXT_MAX} 字，没有收下。`, '请说得短一些再发；几件事可以分开留言。')
        : lines(
            `这段话没有收下：一条留言最多 ${CASE_TEXT_MAX} 字，前面已经收到 ${before - 1} 字，加上这段就超过了。`,
            '请把要补充的话说得短一些再发，或者回复"好了"送出前面的内容。',
          ),
    )
    return false
  }
  flow.parts.push(turn.raw)
  flow.lastPartAt = turn.now
  turn.state.flow = flow
  if (first && flow.stage === 'text') turn.say('收到。还有要补充的请接着发，说完了回复"好了"。')
  return true
}

/** Where the message goes is settled: the summary when she has written already, else the question for her words. */
export async function chooseTarget(turn: Turn, flow: MessageFlow, target: Target) {
  flow.target = target
  flow.options = []
  turn.state.flow = flow
  if (flow.parts.length > 0) return showConfirm(turn, flow)
  flow.stage = 'text'
  turn.say(lines(`好的，留言将发给：${target.label}。`, TEXT_PROMPT))
}

export function showConfirm(turn: Pick<Turn, 'state' | 'say'>, flow: MessageFlow, before: string | null = null) {
  flow.stage = 'confirm'
  turn.state.flow = flow
  turn.say(
    lines(before, '请核对您的留言：', `发给：${flow.target?.label ?? ''}`, `内容：${flow.parts.join('\n')}`, '', '1. 确认送出', '2. 重新填写', '3. 取消'),
  )
}

/** The join window passed without "好了": show what we have and ask to confirm. */
export function finishTyping(turn: Pick<Turn, 'state' | 'say'>, flow: MessageFlow) {
  if (flow.stage !== 'text' || flow.parts.length === 0) return
  showConfirm(turn, flow)
}

/** The numbered list she is choosing from (places at the level reached, or the deputies found), as it was shown. */
export function choicesShown(flow: MessageFlow): string {
  if (flow.stage === 'deputy') return lines('找到几位代表，请选择（回复数字）：', numbered(flow.options.map((o) => o.name)))
  const picked = flow.path.at(-1)
  const level = !picked ? '您住在哪个区（县）' : picked.kind === 'district' ? '哪个街道（乡镇）' : '哪个社区（村）'
  return lines(`请选择${level}，回复数字：`, numbered(flow.options.map((o) => o.name)), picked && `0. 不清楚，就选${picked.name}`)
}
