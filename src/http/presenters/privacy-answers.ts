import type { ErasureOutcome } from '../../services/privacy/personal-data-erasure.js'

/**
 * What a person reads after withdrawing consent in the mini-program (我的信息): all it stops (a message, a named
 * questionnaire or consultation, a quiz, a paper under way: domain/consent-needed.ts) and that it deletes nothing.
 */
export const WITHDRAWN_CONSENT_MESSAGE =
  '已撤回您的同意。在您重新同意之前，不能提交新的留言，也不能填问卷（不留名字的问卷还可以填）、提意见、答题；您同意公开的留言已撤下。您已提交的留言仍会照常办理并答复。已经保存的信息没有删除，要删除请点“删除我的信息”。以后再留言或答题时，会先请您看说明、同意。'

/**
 * The same in the chat, where "重新同意" would leave her asking how: the words she sends to agree
 * again (the notice comes with "留言", and "同意" agrees to it, as the first time). A chat joined to her mini-program
 * account withdraws for the account too (consentWhileJoined), which stops what the account does (consent-needed.ts);
 * her public messages are taken down either way (PrivacyService.withdrawConsent).
 */
export const CHAT_WITHDRAWN_CONSENT_MESSAGE = [
  '已撤回您的同意。您已经送出的留言仍会照常办理，代表答复了会在这里告诉您；您同意公开的留言已撤下。',
  '撤回后不能再送出新的留言；聊天已经放到小程序里的，小程序里也不能再填问卷（不留名字的问卷还可以填）、提意见、答题。已经保存的信息没有因此删除。',
  '以后想再留言，请发送"留言"，看过个人信息保护说明后回复"同意"就可以了。',
].join('\n')

/**
 * 撤回同意 from one who has no agreement to withdraw (never given, or withdrawn already): that nothing changed, and,
 * in the chat, how she would agree if she wants to write.
 */
export const NOT_AGREED_MESSAGE = '您现在没有同意个人信息保护说明，没有可以撤回的，什么都没有改变。'
export const CHAT_NOT_AGREED_MESSAGE = [NOT_AGREED_MESSAGE, '以后想留言，请发送"留言"，看过个人信息保护说明后回复"同意"就可以了。'].join('\n')

/** What both answers to an erasure carry besides their words. */
export const erasureFacts = (outcome: ErasureOutcome) => ({ erased: true as const, withdrawn: outcome.withdrawn, anonymised: outcome.anonymised })

/**
 * What a person reads after their data is erased, in the mini-program (which signs her out): `removed`, what is gone,
 * and `kept`, what stays for the counts without her, a sentence each, so the page can show one a line; `message`, all
 * of it. Each kind of thing she had is named (her answers, her opinions on a draft, the campaign she followed), so
 * she is not left wondering, and she is told an opinion's outcome can no longer reach her.
 */
export function erasureAnswer(outcome: ErasureOutcome) {
  const o = outcome.others
  const removed = [
    '账号信息、电话、图片和订阅记录都已清除，您也已退出登录。',
    ...(outcome.withdrawn.length ? [`尚未办完的留言 ${outcome.withdrawn.join('、')} 已撤回，代表不再办理。`] : []),
    ...(o.followed.length ? [`您关注的学习活动${o.followed.map((t) => `“${t}”`).join('')}已取消关注，不会再提醒您。`] : []),
    ...(o.registrations ? ['旁听报名时登记的姓名已去掉。'] : []),
  ]
  const kept = [
    ...(outcome.anonymised ? [`您的 ${outcome.anonymised} 条留言${ANONYMISED_WORDS}`] : []),
    ...(o.surveys ? [`您填的 ${o.surveys} 份问卷：答案留着用于统计，不再与您关联。`] : []),
    ...(o.consultations ? [`您对法规草案提的 ${o.consultations} 份意见：留着供修改法规参考，不再与您关联；意见是否采纳，也没法再告诉您了。`] : []),
    ...(o.quizzes ? [`您的 ${o.quizzes} 次答题成绩：留着用于统计，不再与您关联。`] : []),
    ...(o.reading ? ['您的学习记录：留着用于统计，不再与您关联。'] : []),
    ...(o.proposals ? [`您提的 ${o.proposals} 条民生实事建议：去掉个人信息和照片后留着，不再与您关联。`] : []),
    KEPT_RECORDS,
  ]
  return { ...erasureFacts(outcome), removed, kept, message: '您的个人信息已删除：' + [...removed, ...kept].join('') }
}

/**
 * What is done to her messages, and no more: the names she gave (after 我叫/我是, for a seat) wherever they are
 * written, phones, ID numbers and house numbers; a name written some other way may be missed, and she is told so.
 */
export const ANONYMISED_WORDS =
  '已去掉您的姓名、电话、门牌号等信息（个别写法特殊的称呼可能没能识别出来，如有发现请联系联络站），只保留内容用于统计，不再与您关联。'
/** What the office keeps and why (PIPL art. 47: what a law requires to keep). */
export const KEPT_RECORDS = '办理记录和操作记录按规定保存，以备核查，其中您写下的个人信息已去除。'
