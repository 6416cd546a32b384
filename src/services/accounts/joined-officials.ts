import { ConflictError } from '../../errors.js'
import type { MpUserRecord } from '../../store/ports.js'

/**
 * A joined account (one in the chat and the mini-program) is not bound as a deputy or staff member: binding it would
 * bind both places at once, so whoever holds the joined chat (a grandson's WeChat she took for hers, a scammer's
 * account her chat was joined to) would work as the deputy, and 解除 would then split one deputy's binding in two.
 * Refused before the code is tried, so the code still works once she has undone the join (409 unjoin_chat_first).
 */
export function refuseOfficialWhileJoined(user: Pick<MpUserRecord, 'openid' | 'botContactId'>, where: 'mini-program' | 'chat', chatName: string | null = null) {
  if (!user.openid || !user.botContactId) return
  const words =
    where === 'mini-program'
      ? [
          `没有绑定，这个绑定码还能用。您的小程序现在和${chatName ? `微信“${chatName}”的` : '一个微信'}聊天连在一起，是同一个账号，代表身份不能两边一起绑定。`,
          '请先在“我的”里点“解除”，再输入这个绑定码。',
        ]
      : [
          '没有绑定，这个绑定码还能用。这个微信聊天现在和一个小程序账号连在一起（您把聊天里的留言放到了小程序里），代表和工作人员的身份不能两边一起绑定。',
          '请先在这里回复“解除”，或者在小程序“我的”里点“解除”，再把这个绑定码发给我。',
        ]
  throw new ConflictError(words.join(where === 'chat' ? '\n' : ''), [], 'unjoin_chat_first')
}
