/** Message states and channels in words, for the admin pages. */
export const OUTBOX_STATUS: Array<{ value: string; label: string }> = [
  { value: 'dead', label: '发送失败' },
  // Dropped on purpose (later news made them untrue): not failures, and nothing to send again.
  { value: 'dropped', label: '无需发送' },
  { value: 'pending', label: '等待发送' },
  { value: 'sending', label: '正在发送' },
  { value: 'failed', label: '失败待重试' },
  { value: 'sent', label: '已发送' },
]

export const CHANNEL_WORDS: Record<string, string> = {
  auto: '自动选择',
  mp_subscribe: '小程序订阅消息',
  bot_private: '微信私聊',
  bot_room: '微信群',
  wecom_group: '企业微信群',
}
