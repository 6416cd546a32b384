import { lines, type Turn } from './turn.js'

/** The resident's number on one of his open messages, or that she left none (the backend refuses any other message). */
export async function residentPhone(turn: Turn, ref: string) {
  const { ticket, phone, answered, inMessage } = await turn.client.residentPhone(turn.person.personId, ref)
  // Answered already: a reply cannot be sent twice, so he is told where it stands and what may still come back to him.
  if (!phone && answered)
    return turn.say(
      lines(`留言 ${ticket} 已答复，群众没有留电话。`, '您的答复已经发给群众，请等群众评价。', '群众如果不满意、要求重新办理，这条留言会再交给您。'),
    )
  if (!phone) return turn.say(lines(`留言 ${ticket}：群众没有留电话。`, `要答复群众，请发送：回复 ${ref} 答复内容`))
  // A chat resident fills in no phone field: the number is the one she wrote in her message, and he is told so.
  turn.say(lines(`留言 ${ticket} 群众${inMessage ? '在留言里写的' : '留的'}电话：${phone}`, '请只用于办理这条留言，不要转给别人。'))
}
