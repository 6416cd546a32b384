import { ConflictError } from '../errors.js'
import { StoreConflict, type StoreConflictCode } from '../store/conflicts.js'
import { QUESTION_FROZEN_MESSAGE } from '../domain/quiz.js'

type Facts = StoreConflict['facts']

/** What a person reads for each conflict a store reports (the same from either adapter). */
const TEXTS: Record<StoreConflictCode, (facts: Facts) => string> = {
  conflict: () => '记录已存在',
  stale_case: () => '留言刚被其他人更新，请刷新后重试',
  stale_meeting: () => '会议刚被其他人更新，请刷新后重试',
  stale_suggestion: () => '这条建议刚被其他人更新，请刷新后重试',
  already_registered: () => '您已报名旁听此会议',
  public_seats_full: () => '旁听名额已满',
  survey_frozen: () => '已有人作答，题目不能再改，否则已收到的答卷将失去意义',
  already_responded: () => '您已提交过，每人限一次',
  response_cap_reached: () => '提交人数已满，问卷已停止收集',
  stale_survey: () => '问卷刚刚更新，请刷新后重新提交',
  quiz_started: (f) => (f.frozen === 'draw' ? '已有人开始答题，抽题数和答题时限不能再改，以免前后成绩不可比' : QUESTION_FROZEN_MESSAGE),
  attempt_open: () => '您有一次答题尚未提交，请先完成',
  attempts_used_up: (f) => `每人最多答题 ${f.allowed} 次，您的次数已用完`,
  already_checked_in: () => '已经打过卡了',
  stale_activity: () => '这条履职活动刚被其他人审核过，请刷新后查看',
  already_appraised: () => '该代表本年度的述职评议已经开启',
}

/** A store's conflict in the words a person reads, with its code and details; anything else as it is. */
export function inWords<E>(err: E): E | ConflictError {
  if (!(err instanceof StoreConflict)) return err
  return new ConflictError(TEXTS[err.conflict](err.facts), err.details, err.code)
}
