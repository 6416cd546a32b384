/** Audit actions and message kinds in words, for the admin pages; an unknown code is shown as it is. */
export const ACTION_WORDS: Record<string, string> = {
  'login.succeeded': '登录',
  'login.failed': '登录失败',
  'directory.import': '导入名册',
  'station.update': '修改联络站',
  'deputy.update': '修改代表',
  'deputy.phone.read': '查看代表电话',
  'case.phone.read': '查看留言人电话',
  'deputy.binding_code.issue': '生成代表绑定码',
  'deputy.bound': '代表绑定微信',
  'staff.create': '新建账号',
  'staff.update': '修改账号',
  'staff.password.reset': '重置密码',
  'staff.bot_bound': '工作人员绑定机器人',
  'station.room_bound': '联络站群绑定',
  'meeting.corrected': '更正会议',
  'meeting.cancelled': '取消会议',
  'meeting.invitees_added': '追加参会人员',
  'campaign.corrected': '更正学习活动',
  'reading.corrected': '更正学习材料',
  'reading.draft_published': '发布学习材料',
  'reading.withdrawn': '撤回学习材料',
  'quiz.corrected': '更正知识竞赛',
  'quiz.published': '发布知识竞赛',
  'quiz.question_corrected': '更正竞赛题目',
  'survey.corrected': '更正问卷',
  'survey.published': '发布问卷',
  'survey.closed': '结束问卷',
}

export const OUTBOX_STATUS: Array<{ value: string; label: string }> = [
  { value: 'dead', label: '发送失败' },
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
