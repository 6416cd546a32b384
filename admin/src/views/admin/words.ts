/** Message states and channels in words, for the admin pages, and what to do about a message that could not go. */
import { UNKNOWN_WORDS, type SendFailureCode } from '../../../../src/domain/send-failure'
// The same words as each row's tag (the server's delivery-state.ts): a row is tagged with the name of its tab.
export const OUTBOX_STATUS: Array<{ value: string; label: string }> = [
  { value: 'dead', label: '未能送达' },
  // Dropped on purpose (later news made them untrue): not failures, and nothing to send again.
  { value: 'dropped', label: '不用再发' },
  { value: 'pending', label: '待发送' },
  { value: 'sending', label: '正在发送' },
  { value: 'failed', label: '没发出去，稍后自动再发' },
  { value: 'sent', label: '已送达' },
]

export const CHANNEL_WORDS: Record<string, string> = {
  auto: '自动选择',
  mp_subscribe: '小程序订阅消息',
  bot_private: '微信私聊',
  bot_room: '微信群',
  wecom_group: '企业微信群',
}

/** The bot's reason when it may not write to someone privately: WeChat lets it only to a friend of the station's account. */
export const NOT_FRIEND_REASON = '对方不是好友，无法私聊'

/**
 * What the office can do about a message the bot could not send, by the reason's code (the backend's
 * src/domain/send-failure.ts), or null where nothing is to be done but wait (it is sent again by itself). A person who is
 * not the station's friend alone can add it, so he is phoned (by name when the row has it), then 重新发送 where the row
 * offers it. Rows from before the codes are read by their words, as then.
 */
export function whatToDo(row: {
  reasonCode?: SendFailureCode | null
  status?: string
  delivery: { reason: string | null }
  lastError: string | null
  recipientName: string | null
  recipientKind: string
  retryable: boolean
}): string | null {
  const again = row.retryable ? '，再点“重新发送”' : ''
  const code: SendFailureCode | null = row.reasonCode ?? codeOfOldRow(row.delivery.reason ?? row.lastError ?? '')
  switch (code) {
    case 'not_friend':
      return `请电话告诉${row.recipientName ?? (row.recipientKind === 'deputy' ? '这位代表' : '对方')}，请他加联络站的微信为好友${again}`
    case 'room_not_found':
      return `请把微信助手拉回本站的微信群，在群里发一次“绑定站点”${again}`
    case 'not_logged_in':
      // Read by the administrator himself: the one step is his, on the phone the bot's WeChat runs on.
      return `微信助手掉线了：请用登录微信助手的那部手机重新扫码${again}`
    case 'unknown':
      return row.status === 'failed' ? null : unknownToDo(row)
    case 'file_too_large':
      return '文件太大，请换成小一些的文件，或改用电话、短信告诉对方'
    default:
      return null
  }
}

/** Rows from before the codes, by their words. */
const codeOfOldRow = (reason: string): SendFailureCode | null =>
  reason.includes(NOT_FRIEND_REASON) ? 'not_friend' : reason.startsWith(UNKNOWN_WORDS) ? 'unknown' : null

/**
 * A failure nobody can name, no longer tried by itself: send it again; if that fails too, the person is phoned, by
 * name where the row has one. A resident's phone is not on this page, so for her (and a group) only 重新发送 is said.
 */
function unknownToDo(row: { recipientName: string | null; recipientKind: string; retryable: boolean }): string | null {
  const who = row.recipientKind === 'deputy' ? (row.recipientName ?? '这位代表') : row.recipientKind === 'staff' ? (row.recipientName ?? '这位工作人员') : null
  if (!row.retryable) return who ? `请打电话告诉${who}` : null
  return who ? `请点“重新发送”；还不行，请打电话告诉${who}` : '请点“重新发送”'
}
