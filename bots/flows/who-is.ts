import type { DeputyMatch } from '../client.js'
import { compact } from '../typed-text.js'
import { lines, type Turn } from './turn.js'

/**
 * "王芳是谁", "王芳代表是谁": a resident whose notice named the deputy who has her message asks who
 * that is. She is told what the directory already tells anyone choosing a deputy to write to (给王芳留言:
 * the name, the level, the station), and how to follow her message and write to him, never the menu.
 * Nothing more is read about the deputy than that search gives.
 */

/** "王芳是谁？", "请问王芳代表是哪位", "谁是王芳": "王芳"; null for any other words. */
export function deputyAskedAbout(text: string): string | null {
  const t = compact(text).replace(/[?？!！。.~～，,]+$/, '')
  const asked =
    /^(?:请问|问一下|问下)?[，,]?(?:这个|那个|这位|那位)?([\u4e00-\u9fa5·]{2,5}?)(?:人大)?(?:代表)?是(?:谁|哪位|哪个|什么人|干什么的|做什么的)(?:呀|啊|呢|哦|啦)?$/.exec(
      t,
    ) ?? /^(?:请问)?谁是([\u4e00-\u9fa5·]{2,5}?)(?:人大)?(?:代表)?(?:呀|啊|呢)?$/.exec(t)
  const name = asked?.[1]
  // "你们是谁", "这是谁" ask what this chat is (asksHowToUse answers that), not after a deputy; "我的代表是谁",
  // "我们小区的是谁", "物业是谁" name no person: a name has no 的 or 们, no pronoun, no place or body.
  if (!name || /^(你|您|你们|您们|这|那|这里|那里|这个|那个|代表|人大|人大代表|工作人员|小助手|机器人|联络站)$/.test(name)) return null
  if (/[的们]|^[我你您他她它这那哪咱]|物业|小区|社区|街道|居委|村委|领导|负责|书记|主任|师傅|联络/.test(name)) return null
  return name
}

const whereLine = (d: DeputyMatch) => `${d.name}是${d.levelLabel}${d.station ? `，在${d.station}联系群众` : ''}。`

/** Says who the deputy named is, as the directory lists him; false when the words ask after no one. */
export async function whoIsDeputy(turn: Turn, text: string): Promise<boolean> {
  const name = deputyAskedAbout(text)
  if (!name) return false
  const found = (await turn.client.deputies(name)).filter((d) => d.name === name)
  const follow = '您的留言办到哪一步了、由哪位代表办理，发送"查询"就能看到。'
  if (!found.length) {
    turn.say(lines(`没有找到名叫${name}的在任人大代表。`, follow))
    return true
  }
  turn.say(
    lines(
      ...(found.length === 1
        ? [whereLine(found[0]), `留言交给${name}代表后，由${name}代表办理并答复您。`]
        : [`名叫${name}的人大代表有 ${found.length} 位：`, ...found.map((d) => `· ${d.name}，${d.levelLabel}${d.station ? `，${d.station}` : ''}`)]),
      '',
      follow,
      `有新的事想找${name}代表，请发送"给${name}代表留言"。`,
    ),
  )
  return true
}
