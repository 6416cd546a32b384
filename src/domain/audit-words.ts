/**
 * Every action the code base writes to the audit trail (操作记录), in the words an admin reads.
 * `AuditTrail.record` takes only these codes, and test/unit/audit-words.test.ts reads the source
 * for every code written (also those written past it, by `audit.append`): a new code without
 * words here fails the type check or that test, so the page never shows a bare code.
 */
export const AUDIT_ACTION_WORDS = {
  // ——— signing in and accounts ———
  'login.succeeded': '登录',
  'login.failed': '登录失败',
  'account.activated': '激活账号',
  'activation.failed': '激活失败',
  'activation.expired': '激活码已过期',
  'staff.create': '新建账号',
  'staff.update': '修改账号',
  'staff.password.reset': '重置密码',
  'staff.password.changed': '本人修改密码',
  'staff.password.change_failed': '修改密码时当前密码输错',
  'staff.login.unlocked': '解除登录锁定',
  'staff.sessions.ended': '强制下线',
  'staff.bot_bound': '工作人员绑定微信助手',
  'staff.bot_unbound': '工作人员解除微信助手绑定',
  // ——— the directory ———
  'directory.import': '导入名册',
  'station.update': '修改联络站',
  'station.room_bound': '绑定联络站微信群',
  'deputy.update': '修改代表信息',
  'deputy.phone.read': '查看代表电话',
  'deputy.away.set': '设置代表暂停接收留言',
  'deputy.away.ended': '结束代表暂停接收留言',
  'deputy.binding_code.issue': '生成代表绑定码',
  'deputy.bound': '代表绑定微信',
  'mp.demo_login': '演示登录小程序',
  'unit.create': '新增承办单位',
  'unit.update': '修改承办单位',
  // ——— residents' messages ———
  'case.assigned': '分派留言',
  'case.reassigned': '改派留言',
  'case.handed_up': '上报留言',
  'case.rejected': '不予受理留言',
  'case.merged': '合并留言',
  'case.transferred': '代表转交留言',
  'case.handed_back': '代表交回留言',
  'case.urged': '催办留言',
  'case.opened': '代表打开留言',
  'case.phone.read': '查看留言人电话',
  'case.text.read': '查看留言完整原文',
  'case.topic_corrected': '更正留言主题',
  'case.published': '公开留言',
  'case.unpublished': '撤回公开的留言',
  // The words hidden are not kept here: the entry says who and which message only.
  'case.words_hidden': '隐去留言里漏掉的称呼',
  'cases.exported': '导出留言列表',
  // Its own entry, after 导出留言列表 (recorded before the first row, so a download is on record even if it never ends).
  'cases.export_finished': '留言列表导出完成',
  'topics.retrained': '改进主题分类',
  // ——— deputies' suggestions (代表建议): the office's decisions ———
  'suggestion.accepted': '代表建议立案',
  'suggestion.returned': '退回代表建议',
  'suggestion.merged': '代表建议并案',
  'suggestion.converted': '代表建议转为群众留言',
  'suggestion.assigned': '交办代表建议',
  'suggestion.request_approved': '同意承办单位的申请',
  'suggestion.request_denied': '不同意承办单位的申请',
  'suggestion.closed': '代为办结代表建议',
  'suggestion.published': '公开代表建议的答复',
  'suggestion.unpublished': '撤回公开的代表建议答复',
  'suggestion.urged': '催办代表建议',
  'suggestion.supervised': '督办代表建议',
  // ——— meetings ———
  'meeting.published': '发布会议',
  'meeting.reminded': '提醒未回复的参会人员',
  'meeting.corrected': '更正会议',
  'meeting.cancelled': '取消会议',
  'meeting.invitees_added': '追加参会人员',
  'meeting.attendance_recorded': '代为补签',
  'meeting.leave_recorded': '代为请假',
  'meeting.entry_undone': '撤销代为登记',
  'meeting.attendance_exported': '导出会议签到表',
  // ——— study campaigns, quizzes, questionnaires ———
  'campaign.created': '发布学习活动',
  'campaign.corrected': '更正学习活动',
  'campaign.adopted': '本地区采用学习活动',
  'campaign.reminded': '提醒未读的代表',
  'campaign.unread_exported': '导出未读名单',
  'reading.published': '发布学习材料',
  'reading.draft_published': '发布学习材料草稿',
  'reading.corrected': '更正学习材料',
  'reading.withdrawn': '撤回学习材料',
  'quiz.published': '发布知识竞赛',
  'quiz.corrected': '更正知识竞赛',
  'quiz.closed': '提前结束知识竞赛',
  'quiz.question_corrected': '更正竞赛题目',
  'quiz.draft_deleted': '删除知识竞赛草稿',
  'quiz.results_exported': '导出竞赛成绩',
  'survey.published': '发布问卷',
  'survey.corrected': '更正问卷',
  'survey.closed': '结束问卷',
  'survey.responses_exported': '导出问卷答卷',
  'survey.text.read': '查看问卷回答完整原文',
  'survey.reminded': '提醒未参与的代表',
  'survey.not_voted_exported': '导出未参与名单',
  'survey.outcome_published': '公布征求意见采纳情况',
  // ——— deputies' records, the calendar, livelihood projects ———
  'record.rules_saved': '修改履职积分规则',
  'record.appraisal_extended': '延长述职评议',
  'record.appraisal_reopened': '重新开放述职评议',
  'calendar.imported': '导入工作日历',
  'calendar.replaced': '更新工作日历',
  'livelihood.cycle_created': '发起民生实事项目征集',
  'livelihood.candidate_created': '新增民生实事候选项目',
  'livelihood.candidate_updated': '修改民生实事候选项目',
  'livelihood.candidate_withdrawn': '撤回民生实事候选项目',
  'livelihood.proposal_declined': '不采纳民生实事提议',
  'livelihood.ballot_started': '开始民生实事项目票决',
  'livelihood.ballot_settled': '确定民生实事项目票决结果',
  'livelihood.rating_opened': '开始民生实事项目评议',
  'livelihood.results_published': '公布民生实事项目评议结果',
  'livelihood.progress_posted': '报告民生实事项目进度',
  // ——— residents' own choices about their data ———
  'privacy.consent.given': '同意隐私告知',
  'privacy.consent.withdrawn': '撤回隐私同意',
  'privacy.erased': '删除本人信息',
  'privacy.erased_on_request': '按居民本人要求删除其个人信息',
  'privacy.phone_corrected': '本人更正电话',
  'privacy.chat_joined': '本人把微信聊天里的留言并入小程序',
  'privacy.chat_join_refused': '本人拒绝把一个微信聊天并入小程序',
  'privacy.chat_unjoined': '本人在小程序里解除与微信聊天的连接（聊天里的留言退回聊天）',
  'privacy.chat_join_undone': '在微信聊天里解除与小程序的连接（留言退回聊天）',
} as const satisfies Record<string, string>

export type AuditAction = keyof typeof AUDIT_ACTION_WORDS

export const isAuditAction = (code: string): code is AuditAction => Object.hasOwn(AUDIT_ACTION_WORDS, code)

/** An action in words; a code no longer written (an old entry) reads as 其他操作, never as the code. */
export function auditActionWords(code: string): string {
  return isAuditAction(code) ? AUDIT_ACTION_WORDS[code] : '其他操作'
}

/** The actions an admin may pick to narrow the list, in the order above (grouped by area). */
export function auditActionChoices(): Array<{ code: AuditAction; words: string }> {
  return (Object.keys(AUDIT_ACTION_WORDS) as AuditAction[]).map((code) => ({ code, words: AUDIT_ACTION_WORDS[code] }))
}

/** Console roles as the console names them (admin/src/session.ts ROLE_LABELS). */
export const STAFF_ROLE_WORDS: Record<string, string> = {
  station_staff: '联络站工作人员',
  organizer: '人大办工作人员',
  admin: '系统管理员',
  unit_staff: '承办单位工作人员',
}
