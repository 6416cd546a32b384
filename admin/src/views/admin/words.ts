/** Message states and channels in words, for the admin pages. */
// The same words as each row's tag (the server's delivery-state.ts): a row is tagged with the name of its tab.
export const OUTBOX_STATUS: Array<{ value: string; label: string }> = [
  { value: 'dead', label: '未能送达' },
  // Dropped on purpose (later news made them untrue): not failures, and nothing to send again.
  { value: 'dropped', label: '无需发送' },
  { value: 'pending', label: '待发送' },
  { value: 'sending', label: '正在发送' },
  { value: 'failed', label: '失败待重试' },
  { value: 'sent', label: '已送达' },
]

export const CHANNEL_WORDS: Record<string, string> = {
  auto: '自动选择',
  mp_subscribe: '小程序订阅消息',
  bot_private: '微信私聊',
  bot_room: '微信群',
  wecom_group: '企业微信群',
}
