import type { ErasureOutcome } from '../../services/privacy/personal-data-erasure.js'

/** What a person reads after withdrawing consent, in the mini-program and in the chat. */
export const WITHDRAWN_CONSENT_MESSAGE = '已撤回您的同意。在您重新同意之前，不能提交新的留言；您已提交的留言仍会照常办理并答复。'

/** What a person reads after their data is erased. */
export function erasureAnswer(outcome: ErasureOutcome) {
  const parts = ['您的个人信息已删除：账号信息、电话、图片和订阅记录都已清除，您也已退出登录。']
  if (outcome.withdrawn.length) parts.push(`尚未办完的留言 ${outcome.withdrawn.join('、')} 已撤回。`)
  if (outcome.anonymised) parts.push(`您的 ${outcome.anonymised} 条留言已去掉姓名、电话、地址等信息，只保留内容用于统计，不再与您关联。`)
  return { erased: true, withdrawn: outcome.withdrawn, anonymised: outcome.anonymised, message: parts.join('') }
}
