import { ApiError } from '../client.js'
import { lines, type Turn } from './turn.js'

/** "绑定 123456": a deputy's or staff member's code from the console, or a resident's from the mini-program. */
export async function bind(turn: Turn, code: string) {
  const bound = await turn.client.bind(turn.person.personId, code, turn.name).catch((err) => {
    // The code he already used, sent again: he is bound, and needs nothing more.
    const { deputy, staff } = turn.person
    if (!(err instanceof ApiError) || err.code !== 'invalid_binding_code' || !(deputy || staff)) throw err
    return null
  })
  if (!bound) {
    const who = turn.person.deputy ? `${turn.person.deputy.name}代表` : turn.person.staff!.name
    return turn.say(lines(`您已经绑定为${who}了，不用再绑定。`, '如需改绑，请向联络站工作人员重新获取绑定码。'))
  }
  if (bound.joinAsked) {
    // A resident's code from the mini-program: nothing moves until she says there that this WeChat is hers (chat-join.ts).
    turn.say(
      lines(
        '收到。还差一步，请回到小程序确认：',
        `小程序的“我的”里会问这个微信是不是您本人的，点“是我的，放到这里”，您在这里发的留言才会放到小程序里。请在 ${bound.joinAsked.minutes} 分钟内确认。`,
        '这个码要是您自己在小程序里取的；别人给的码不要发到这里，您的码也不要给别人。',
      ),
    )
  } else if (bound.deputy) {
    turn.say(lines(`绑定成功！${bound.deputy.name}代表，您好。`, '以后群众的留言、办理提醒会通过这里发给您。', '发送"待办"查看待办留言。'))
  } else if (bound.staff) {
    turn.say(
      lines(
        `绑定成功！${bound.staff.name}，您好。`,
        '在本站的微信群里发送"绑定站点 站点代码"（如：绑定站点 ST001），站点的通知就会发到群里。',
        '邀请您参加的会议，回复"参加"或"请假 原因"即可。',
      ),
    )
  } else turn.say('绑定成功。')
}
