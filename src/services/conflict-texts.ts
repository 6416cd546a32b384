import { ConflictError } from '../errors.js'
import { StoreConflict, type StoreConflictCode } from '../store/conflicts.js'
import { QUESTION_FROZEN_MESSAGE } from '../domain/quiz.js'
import { mergeIntoAnsweredText } from '../domain/case-refusals.js'
import { kindWordsOf } from './surveys/survey-words.js'
import { proposalLimitText } from '../domain/livelihood.js'

type Facts = StoreConflict['facts']

/** The deputy is still bound in `there` to another WeChat: said to the one whose chat and mini-program are one account. */
const deputyChannelTakenText = (there: string) =>
  [
    '没有绑定。',
    '您的微信聊天和小程序是同一个账号（您把聊天里的留言放到了小程序里），绑定代表身份会两边一起绑定；',
    `可是这位代表已经在另一个微信的${there}里绑定了，不能把那边的代表身份拿走。`,
    '原来的绑定都没有改动，这个绑定码已经作废了。请联系联络站工作人员。',
  ].join('')

/** What a person reads for each conflict a store reports (the same from either adapter). */
const TEXTS: Record<StoreConflictCode, (facts: Facts) => string> = {
  conflict: () => '记录已存在',
  stale_case: () => '留言刚被其他人更新，请刷新后重试',
  // CaseWorkflow.merge words these from the target as it is now (mergeTargetText); these are for any other caller.
  merge_target_closed: (f) => `留言 ${f.ticket} 已不在办理中，不能再把别的留言并入它。请选一条还在办理中的留言，或把这条单独交给代表办理`,
  merge_target_answered: (f) => mergeIntoAnsweredText({ ticket: String(f.ticket) }),
  stale_meeting: () => '会议刚被其他人更新，请刷新后重试',
  stale_suggestion: () => '这条建议刚被其他人更新，请刷新后重试',
  already_registered: () => '您已报名旁听此会议',
  public_seats_full: () => '旁听名额已满',
  survey_frozen: () => '已有人作答，题目不能再改，否则已收到的答卷将失去意义',
  // In the survey's own words (facts.kind, added by SurveyResponses): a deputy voting twice reads 您已经投过票了.
  already_responded: (f) => kindWordsOf(f.kind).alreadyResponded,
  response_cap_reached: (f) => kindWordsOf(f.kind).capReached,
  stale_survey: (f) => kindWordsOf(f.kind).stale,
  quiz_started: (f) => (f.frozen === 'draw' ? '已有人开始答题，抽题数和答题时限不能再改，以免前后成绩不可比' : QUESTION_FROZEN_MESSAGE),
  attempt_open: () => '您有一次答题还没有交卷，请先答完',
  attempts_used_up: (f) => `每人最多答题 ${f.allowed} 次，您的次数已用完`,
  already_checked_in: () => '已经打过卡了',
  stale_activity: () => '这条履职活动刚被其他人审核过，请刷新后查看',
  already_appraised: () => '该代表本年度的述职评议已经开启',
  stale_away: () => '暂停接收留言的设置刚被改过，请看看现在的设置再操作',
  proposal_limit: (f) => proposalLimitText(Number(f.allowed)),
  // A proposal whose write found the year moved to its ballot (提交代表票决) after the window was checked.
  collection_closed: () => '项目征集已经结束',
  // Only the mongo adapter, when other writes of his stations or duty keep landing while a move reads him (deputy_busy).
  deputy_busy: () => '这位代表的资料正在被别人修改，请稍后再试一次',
  // A check-in landing as he is marked 已调离/已离任; MeetingInvitations.checkIn words it with the mark itself.
  no_longer_invited: () => '您已不在这次会议的参会名单上了，不用签到。如果您是来参会的，请找会场的会务工作人员。',
  // A resident whose chat and mini-program are one account binds as a deputy who works, in the other one, from another
  // WeChat (deputy-channels.ts): taking that away would be a binding its holder never asked for, in a channel not bound here.
  deputy_channel_taken: (f) => deputyChannelTakenText(f.taken === 'chat' ? '聊天' : '小程序'),
  // A chat message written as the chat's join changed (解除 meanwhile): nothing was written, and it is sent again as the chat is now.
  chat_moved: () => '刚才这个聊天和小程序账号的连接有了变化，留言没有发出去。请再发一次。',
  // Bound as a deputy or staff member as her chat was being joined (the check before the write passed, the code spent):
  // nothing bound (joined-officials.ts says the same, with the code still good, when the join is seen first).
  // StationDutyDays words it with who is on duty now; this for any other caller.
  duty_day_changed: () => '这一天的值班刚刚被别人改过，请刷新后再安排',
  unjoin_chat_first: () =>
    '没有绑定。这个微信刚刚和一个小程序账号连在了一起（聊天里的留言放到了小程序里），代表和工作人员的身份不能两边一起绑定。' +
    '这个绑定码已经用过了：请先解除，再重新获取绑定码。',
  // A staff binding whose account was disabled as it was written (BotPeople.bind says it as 403, with where to turn).
  account_disabled: () => '这个工作人员账号已经停用，不能绑定。',
}

/** A store's conflict in the words a person reads, with its code and details; anything else as it is. */
export function inWords<E>(err: E): E | ConflictError {
  if (!(err instanceof StoreConflict)) return err
  return new ConflictError(TEXTS[err.conflict](err.facts), err.details, err.code)
}
