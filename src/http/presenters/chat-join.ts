import { dayText, localDate } from '../../domain/dates.js'
import type { ChatJoinState } from '../../services/accounts/chat-join.js'

/** A WeChat as she is asked about it and told of it: its name in quotes, or plainly "一个微信" when the bot did not say. */
const weChat = (name: string | null) => (name ? `微信“${name}”` : '一个微信')

/**
 * Her chat as 我的 and 我的留言 show it: a chat asking to join, waiting for her 是我的 / 不是我的 (`question`: the words
 * she answers), or the chat joined (`line`: which WeChat, since which day). Null each when there is none.
 */
export const presentChatJoin = (s: ChatJoinState, timeZone: string) => ({
  pending: s.pending
    ? { id: s.pending.id, name: s.pending.chatName, question: `${weChat(s.pending.chatName)}要把聊天里的留言放到您这里。是您本人的微信吗？` }
    : null,
  joined: s.joined
    ? {
        name: s.joined.chatName,
        date: dayText(localDate(s.joined.joinedAt, timeZone)),
        line: `已和${weChat(s.joined.chatName)}连在一起（${dayText(localDate(s.joined.joinedAt, timeZone))}起）：在那个微信聊天里发的留言，也在“我的留言”里。`,
      }
    : null,
})

/** What she is told after 是我的，放到这里. */
export const chatJoinedAnswer = (j: { cases: number; chatName: string | null }) => ({
  cases: j.cases,
  message:
    (j.cases > 0
      ? `好了！${weChat(j.chatName)}聊天里发的 ${j.cases} 条留言已经放到这里了，在“我的留言”里就能看到。`
      : `好了！${weChat(j.chatName)}已经和这里连在一起了。`) + '以后在那个聊天里发的留言，这里也能看到。',
})

/** What she is told after 不是我的. */
export const CHAT_JOIN_REFUSED_MESSAGE = '好的，没有放。那个微信看不到您的留言。如果有人向您要小程序里的码，请不要给。'

/** What she is told after 解除 in the mini-program: what came from the chat went back to it; her own stay. */
export const chatUnjoinedAnswer = (u: { cases: number }) => ({
  cases: u.cases,
  message:
    (u.cases > 0 ? `已解除。在那个微信聊天里发的 ${u.cases} 条留言回到了那个聊天，这里不再显示。` : '已解除。以后在那个微信聊天里发的留言，不会再放到这里。') +
    '您在小程序里写的留言，还在“我的留言”里。',
})

/** What the chat is told after 解除 said there: its messages are back, and the account no longer sees them. */
export const chatUndoneAnswer = (u: { cases: number }) => ({
  cases: u.cases,
  message: [
    u.cases > 0
      ? `已解除。您在这里发的 ${u.cases} 条留言已经回到这里，那个小程序账号看不到了。发送“查询”可以看您的留言。`
      : '已解除。这个聊天和那个小程序账号不再连在一起，那个账号看不到您在这里发的留言了。',
    '如果有人让您把一串数字发到这里，请不要再发，也不要把小程序里的码给别人。',
  ].join('\n'),
})
