import type { SurveyKind } from '../../domain/survey.js'
import { wholeInstallationRefusal, type InstallationOffice } from '../../domain/office-name.js'

/**
 * What a person is told about a survey, in the words of what it is: a deputy votes in a 票决, a
 * resident comments on a 征求意见; only a 问卷 is a questionnaire. A deputy who voted twice reads
 * 您已经投过票了, not 您已送出过 (review 32, finding 6).
 */
export interface KindWords {
  /** The second answer of one person (409 already_responded). */
  alreadyResponded: string
  /** An answer after the end (409 survey_closed). */
  closedToAnswers: string
  /** An organizer closing one already closed (409 survey_closed). */
  closedAlready: string
  /** An answer past the cap (409 response_cap_reached). */
  capReached: string
  /**
   * A resend of an answer already received (the same Idempotency-Key, after a lost answer) with other
   * answers (422 idempotency_key_reused): the first stands.
   */
  resentChanged: string
  /** An answer judged on a copy changed since (409 stale_survey). */
  stale: string
  /** Someone not on a named audience (403 not_in_audience). */
  notAsked: string
  /** A poster of a draft (409 survey_draft). */
  posterOfDraft: string
  /** A district organizer changing a city-level one (403 city_level), the whole installation's `office` named. */
  cityLevel: (office: InstallationOffice) => string
  /** A definition refused (422 invalid_survey). */
  invalid: string
  /** Results or text answers asked by district or station of an anonymous one (422 filter_not_available). */
  notByPlace: string
}

export const KIND_WORDS: Record<SurveyKind, KindWords> = {
  survey: {
    alreadyResponded: '您已经送出过了，每人限一次',
    closedToAnswers: '问卷已经结束，不能再填写',
    closedAlready: '问卷已结束',
    capReached: '填写人数已满，问卷已停止收集',
    resentChanged: '刚才已经送出过一次，那次已经收到；这次改过的内容没有再送出。每人限一次',
    stale: '问卷刚刚更新，请刷新后重新送出',
    notAsked: '这份问卷只请受邀的人大代表填写，您不用填。',
    posterOfDraft: '问卷还没有发布，不能生成海报。请先发布，再打印二维码海报',
    cityLevel: (office) => wholeInstallationRefusal(office, '问卷', '情况'),
    invalid: '问卷设置有误',
    notByPlace: '匿名问卷不按区县、联络站统计',
  },
  consultation: {
    alreadyResponded: '您已经提过意见了，每人限提一次。谢谢您参与立法',
    closedToAnswers: '征求意见已经结束，不再接受意见',
    closedAlready: '征求意见已经结束',
    capReached: '提意见的人数已满，征求意见已停止收集',
    resentChanged: '刚才提的意见已经收到；这次改过的内容没有再送出。每人限提一次',
    stale: '征求意见稿刚刚更新，请刷新后重新送出',
    notAsked: '这次征求意见只请受邀的人大代表提意见，您不用提。',
    posterOfDraft: '征求意见还没有发布，不能生成海报。请先发布，再打印二维码海报',
    cityLevel: (office) => wholeInstallationRefusal(office, '征求意见', '情况'),
    invalid: '征求意见设置有误',
    notByPlace: '这次征求意见是匿名的，不按区县、联络站统计',
  },
  ballot: {
    alreadyResponded: '您已经投过票了，每位代表投一次，投后不能更改',
    closedToAnswers: '票决已经结束，不能再投票',
    closedAlready: '票决已经结束',
    capReached: '投票人数已满，票决已停止',
    resentChanged: '刚才那次投票已经收到，每位代表投一次，投后不能更改；这次改过的选择没有再投',
    stale: '票决刚刚更新，请刷新后重新投票',
    notAsked: '这次票决只请名单上的人大代表投票，您不用投。',
    posterOfDraft: '票决还没有发布，不能生成海报。请先发布，再打印二维码海报',
    cityLevel: (office) => wholeInstallationRefusal(office, '票决', '情况'),
    invalid: '票决设置有误',
    notByPlace: '票决为无记名投票，不按区县、联络站统计',
  },
}

/** The words of a kind as a store conflict carries it (facts.kind); a questionnaire's when it carries none. */
export function kindWordsOf(kind: unknown): KindWords {
  return typeof kind === 'string' && kind in KIND_WORDS ? KIND_WORDS[kind as SurveyKind] : KIND_WORDS.survey
}

/**
 * Not found, said before the kind is known (or where saying it would tell another district what
 * exists): a neutral word, never 问卷 for what may be a ballot or a consultation.
 */
export const NOT_FOUND_NEUTRAL = '这项内容不存在或已删除'
