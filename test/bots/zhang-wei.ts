import { expect } from 'chai'
import type { TestApp } from '../helpers/app.js'
import { ask, bindingCode, dispatch, ticketIn, waitFor, type BotUnderTest, type Person } from './helpers.js'

/**
 * The steps stories with 张伟 (dp0001) are made of: he binds his WeChat, a resident writes to him, the notice reaches
 * him, he answers and she is asked for her score.
 */

/** 张伟 (dp0001) binds his WeChat with the one-time code the admin issued in the console. */
export async function bindZhangWei(app: TestApp, t: BotUnderTest, deputy: Person = t.world.person('wx-zhangwei', '张伟')): Promise<Person> {
  expect(await ask(t, deputy, `绑定 ${await bindingCode(app, 'dp0001')}`)).to.include('绑定成功！张伟代表')
  return deputy
}

/**
 * A resident writes to 张伟 step by step: "给DP0001留言" (agreeing to the privacy notice the first
 * time), her words, "好了", and "确认" under the summary. Resolves with the message's number.
 */
export async function writesByCode(t: BotUnderTest, who: Person, text: string): Promise<string> {
  if ((await ask(t, who, '给DP0001留言')).includes('同意请回复')) await ask(t, who, '同意')
  await ask(t, who, text)
  await ask(t, who, '好了')
  return ticketIn(await ask(t, who, '确认'))
}

/**
 * A resident writes to 张伟 in one line, "我要给张伟代表留言：…" (agreeing to the privacy notice the
 * first time), and sends it with "1" under the summary. Resolves with the message's number.
 */
export async function writesToZhangWei(t: BotUnderTest, who: Person, text: string): Promise<string> {
  let summary = await ask(t, who, `我要给张伟代表留言：${text}`)
  if (summary.includes('同意请回复')) summary = await ask(t, who, '同意')
  expect(summary).to.include('发给：张伟代表')
  return ticketIn(await ask(t, who, '1'))
}

/**
 * 张伟 answers a message ("回复 <ref> <reply>", then "是" to it shown back), the backend routes the answer, and it reaches the
 * resident with the rating question: the bot now waits for her score of that message. Resolves
 * with the answer as she reads it. `reply` is "已经派人修好了。" unless a story says otherwise; `ref` is
 * how he names the message (the whole number when two of his end the same).
 */
export async function zhangWeiAnswers(
  app: TestApp,
  t: BotUnderTest,
  to: { deputy: Person; resident: Person },
  ticket: string,
  reply = '已经派人修好了。',
  ref = ticket.slice(-4),
): Promise<string> {
  expect(await ask(t, to.deputy, `回复 ${ref} ${reply}`)).to.include(`发给留言 ${ticket}`)
  expect(await ask(t, to.deputy, '是')).to.include(`已发给留言 ${ticket}`)
  await dispatch(app)
  const delivered = await waitFor(() => t.world.said(to.resident.payload.name).find((m) => m.includes(`（编号 ${ticket}）有答复了`)), `the answer to ${ticket}`)
  await waitFor(
    async () => ((await t.bot.client.dialogue(to.resident.id)).state?.rating as { ticket?: string } | undefined)?.ticket === ticket,
    `the rating of ${ticket} to be awaited`,
  )
  return delivered
}

/** The backend routes the notice of a new message to 张伟's WeChat; resolves with the notice as he reads it. */
export async function noticeReachesZhangWei(app: TestApp, t: BotUnderTest, ticket: string): Promise<string> {
  await dispatch(app)
  return waitFor(() => t.world.said('张伟').find((m) => m.includes(`新留言 ${ticket}`)), `the notice of ${ticket} to reach the deputy`)
}
