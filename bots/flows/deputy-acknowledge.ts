import { ApiError } from '../client.js'
import { lines, oneLine, type Turn } from './turn.js'

/** Acknowledges the message if it still waits for that; false when it was acknowledged already. */
export async function acknowledged(turn: Turn, ref: string) {
  try {
    return await turn.client.acknowledge(turn.person.personId, ref)
  } catch (err) {
    if (err instanceof ApiError && err.code === 'illegal_transition') return null
    throw err
  }
}

export async function acknowledgeInstead(turn: Turn, ref: string, text: string) {
  const done = await acknowledged(turn, ref)
  turn.say(
    lines(
      `${done ? `已受理留言 ${done.ticket}。` : ''}您写的"${oneLine(text)}"像是表示收到，没有作为答复发给群众。`,
      `办好后请发送：回复 ${ref} 再写上答复，如：回复 ${ref} 已联系供电所，本周修好。`,
    ),
  )
}
