/** Short titles of message kinds, for the title field of a subscribe message (≤ 20 characters). */
export const KIND_TITLES: Record<string, string> = {
  'case.assigned': '新留言待受理',
  'case.queued': '新留言待分派',
  'case.acknowledged': '留言已受理',
  'case.forwarded': '留言已交办',
  'case.replied': '留言已答复',
  'case.rated': '群众已评价',
  'case.reopened': '留言重新办理',
  'case.withdrawn': '留言已撤回',
  'case.rejected': '留言不予受理',
  'case.merged': '留言合并办理',
  'case.closed': '留言已办结',
  'case.reminder': '办理期限提醒',
  'case.escalated': '逾期督办',
  'case.overdue': '留言已逾期',
  digest: '每日摘要',
  'reading.published': '学习材料发布',
  'meeting.notice': '会议通知',
  'meeting.changed': '会议变更',
  'meeting.cancelled': '会议取消',
  'meeting.reminder': '会议提醒',
  'meeting.rsvp_nudge': '请回复参会情况',
}

export const titleOf = (kind: string) => KIND_TITLES[kind] ?? '消息通知'
