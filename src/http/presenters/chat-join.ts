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

/** What she is told after 解除. */
export const CHAT_UNJOINED_MESSAGE = '已解除。以后在那个微信聊天里发的留言，不会再放到这里；已经放到这里的留言，还在“我的留言”里。'
