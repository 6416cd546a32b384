import type { ErasureOutcome } from '../../services/privacy/personal-data-erasure.js'
import { ANONYMISED_WORDS, erasureFacts, KEPT_RECORDS } from './privacy-answers.js'

/**
 * What a person reads after her data is erased in the chat (erasureAnswer is the mini-program's): a chat has no login or
 * subscriptions to speak of, so it says what is gone in her terms, that her old messages are no longer found by 查询,
 * and how to write again. A staff member's chat (`staff`: her binding, which the erasure keeps) is told what stays, as
 * the warning before it said (chatErasureWarning): the words of both are written once, below.
 */
export function chatErasureAnswer(outcome: ErasureOutcome, staff: { role: string } | null = null) {
  const parts = [`您的个人信息已删除：${chatWhatGoes(staff, 'done')}。`]
  if (outcome.withdrawn.length) parts.push(`尚未办完的留言 ${outcome.withdrawn.join('、')} 已撤回，代表不再办理。`)
  if (outcome.anonymised) parts.push(`您的 ${outcome.anonymised} 条留言${ANONYMISED_WORDS.replace(/。$/, '，')}发送"查询"也查不到了。`)
  parts.push(KEPT_RECORDS)
  return {
    ...erasureFacts(outcome),
    message: [
      parts.join(''),
      ...(staff ? [`${bindingStays(staff, 'done')}。`] : []),
      '以后想给代表留言，发送"留言"就可以重新开始，会先请您看一下个人信息保护说明。',
    ].join('\n'),
  }
}

/**
 * What erasing her chat will do, said before she confirms it (the warning is her consent), in the words the answer after
 * it says what was done: for a staff member's chat (`staff`: her account in use), that her staff binding stays and
 * where she lets go of it. The chat adds how to confirm (its own words, 确认删除).
 */
export function chatErasureWarning(staff: { role: string } | null) {
  return {
    message: [
      '删除后：',
      `· ${chatWhatGoes(staff, 'ahead')}；`,
      ...(staff ? [`· ${bindingStays(staff, 'ahead')}；`] : []),
      '· 还没办完的留言会撤回，代表不再办理；',
      '· 已送出的留言只保留去掉您的姓名、电话、门牌号后的内容用于统计，不再和您有关联，发送"查询"也查不到了；',
      '· 办理记录按规定保存，以备核查，其中您的个人信息会去除。',
      '删除后不能恢复。',
    ].join('\n'),
  }
}

/** Said before her chat's erasure (`ahead`) or after it (`done`). */
type Said = 'ahead' | 'done'

/** Her phone and her WeChat go; a staff member's WeChat only as she wrote from it as a resident (her binding stays). */
const chatWhatGoes = (staff: { role: string } | null, said: Said) =>
  `您留下的电话，和${staff ? '您作为群众留言时我们记下的微信' : '我们记下的您的微信'}，都${said === 'done' ? '已' : '会'}清除`

/** Her staff binding, which her chat's erasure keeps: work reminders still reach that WeChat until she lets go of it. */
const bindingStays = (staff: { role: string }, said: Said) =>
  `您的工作人员绑定${said === 'done' ? '没有' : '不会'}删除：这个微信还绑定着您的工作人员账号，工作提醒还会发到这里。` +
  `不想再在这个微信收到，请登录管理后台，${whereToLetGo(staff)}`

/** Where in the console she lets go of it: 交办建议 for a handling unit's staff, 绑定码 for everyone else. */
const whereToLetGo = (staff: { role: string }) => (staff.role === 'unit_staff' ? '在“交办建议”页点“解除微信绑定”' : '在“绑定码”页点“解除我的微信绑定”')
