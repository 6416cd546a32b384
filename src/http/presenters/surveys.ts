import {
  OPINION_OUTCOME_LABELS,
  PASS_RULE_LABELS,
  RESPONDENT_KIND_LABELS,
  SURVEY_KIND_LABELS,
  SURVEY_PHASE_LABELS,
  surveyPhase,
  type Opinion,
  type Question,
  type SurveyPhase,
  type SurveyRecord,
  type SurveyResponse,
} from '../../domain/survey.js'
import { tieWords, type BallotOutcome, type SurveyResults } from '../../domain/survey-tally.js'
import { askedOnlyText } from '../../domain/survey-answers.js'
import type { BallotResult } from '../../domain/ballot-result.js'
import { spokenClose, spokenDeadline, spokenMoment } from '../../domain/spoken-dates.js'
import { outcomeWords } from '../../services/surveys/consultation-outcome.js'
import { KIND_WORDS } from '../../services/surveys/survey-words.js'
import type { SurveyAppraisal } from '../../services/surveys/survey-reports.js'
import { APPRAISAL_MIN_SHOWN, APPRAISAL_SEAL_WORDS } from '../../domain/appraisal-seal.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import type { TextAnswer } from '../../services/records.js'
import type { NotVoted } from '../../services/surveys/ballot-roll.js'
import type { ReadingTime } from './cases.js'
import { presentNotice } from './meetings.js'

// Presenters name every field they return. Respondents never see the roll, the creator or
// who else answered; nothing here carries a respondent key.

const presentQuestion = (q: Question) => ({
  id: q.id,
  type: q.type,
  title: q.title,
  required: q.required,
  options: q.options.map(({ id, label }) => ({ id, label })),
  minChoices: q.minChoices,
  maxChoices: q.maxChoices,
  maxLength: q.maxLength,
  scale: q.scale,
  min: q.min,
  max: q.max,
  integer: q.integer ?? false,
  showIf: q.showIf ? { questionId: q.showIf.questionId, optionIds: [...q.showIf.optionIds] } : null,
})

const common = (s: SurveyRecord, phase: SurveyPhase) => ({
  id: s.id,
  kind: s.kind,
  kindLabel: SURVEY_KIND_LABELS[s.kind],
  title: s.title,
  description: s.description,
  anonymous: s.anonymous,
  opensAt: s.opensAt.toISOString(),
  closesAt: s.closesAt.toISOString(),
  phase,
  phaseLabel: SURVEY_PHASE_LABELS[phase],
})

export const presentSurveySummary = (s: SurveyRecord, now: Date) => ({
  ...common(s, surveyPhase(s, now)),
  status: s.draft ? 'draft' : 'published',
  statusLabel: s.draft ? '草稿' : '已发布',
  /** A draft whose start has come (none was given: the time it was saved): it opens when it is published. */
  opensOnPublish: s.draft && s.opensAt <= now,
  responseCount: s.responseCount,
  responseCap: s.responseCap,
  createdAt: s.createdAt.toISOString(),
})

/** A 述职评议's questionnaire on its survey page: whose, which year, and while sealed, why (in words). */
const presentSurveyAppraisal = (a: SurveyAppraisal) => ({
  deputyId: a.deputyId,
  deputyName: a.deputyName,
  year: a.year,
  sealed: a.seal !== null,
  sealedText: a.seal ? APPRAISAL_SEAL_WORDS[a.seal] : null,
  /** Closed with fewer raters than this, its ratings are never shown (said before 提前结束). */
  minRatersShown: APPRAISAL_MIN_SHOWN,
})

/** The organizers' view. */
export const presentSurvey = (s: SurveyRecord, now: Date, link: string, countedRoll: number | null = null, appraisal: SurveyAppraisal | null = null) => ({
  ...presentSurveySummary(s, now),
  shortCode: s.shortCode,
  link,
  questions: s.questions.map(presentQuestion),
  articles: s.articles.map(({ id, number, text }) => ({ id, number, text })),
  /** Deputies the survey is asked of (told at publishing); null: anyone with the poster. */
  audience: s.audienceDeputyIds ? s.audienceDeputyIds.length : null,
  ballot: s.ballot
    ? {
        passRule: s.ballot.passRule,
        passRuleLabel: PASS_RULE_LABELS[s.ballot.passRule],
        maxChosen: s.ballot.maxChosen,
        // The roll as it counts now (BallotCount): one who left office without voting is no longer asked.
        roll: countedRoll ?? s.ballot.rollDeputyIds.length,
      }
    : null,
  districtIds: s.districtIds,
  /** A consultation's 采纳情况 published (then anyone reads it); null until then, and for every other kind. */
  outcomePublishedAt: s.outcomePublishedAt?.toISOString() ?? null,
  /** A 述职评议 owns it (managed on the deputy's record); null for every other survey. */
  appraisal: appraisal && presentSurveyAppraisal(appraisal),
  createdBy: s.createdBy,
  updatedAt: s.updatedAt.toISOString(),
})

/** What presentPublicSurvey says besides the survey itself, by name: each is absent for most surveys. */
export interface PublicSurveyExtras {
  /** It asks others (a roll, a named audience), not the reader. */
  askedOthers?: boolean
  /** A closed ballot's result, to the deputies on its roll (BallotResults.forVoter). */
  result?: (BallotResult & { confirmed: boolean | null }) | null
  /** A closed ballot to one not on its roll: that it was the deputies' and where to see the outcome (BallotResults.closedToOthers). */
  closedToOthersText?: string | null
  /** A 述职评议 owns it. */
  isAppraisal?: boolean
  /** She must agree to the privacy notice before she answers (SurveyResponses.view). */
  consentNeeded?: boolean
}

/**
 * The respondents' view: when it opens ("11月26日（星期四）上午9:30", as a meeting's time is said, with the
 * year when not this year's) and closes in words ("12月19日前（含当日）", as the digest says it), the questions,
 * the articles, whether they answered already, and whether it asks others (a roll, a named audience).
 */
export const presentPublicSurvey = (
  s: SurveyRecord,
  phase: SurveyPhase,
  responded: boolean,
  at: ReadingTime,
  { askedOthers = false, result = null, closedToOthersText = null, isAppraisal = false, consentNeeded = false }: PublicSurveyExtras = {},
) => ({
  ...common(s, phase),
  kindLabel: RESPONDENT_KIND_LABELS[s.kind],
  opensText: spokenMoment(s.opensAt, at.timeZone, at.now),
  // Said as a quiz's and as 我的待办 and the digest say it ("11月30日（星期一）晚上6:00前"): one way on every page.
  closesText: spokenDeadline(s.closesAt, at.timeZone, at.now),
  /** Once closed: "已于12月6日（星期日）凌晨5:33结束", as a quiz says it; never closesText's "…前" of a vote that is over. */
  closedText: phase === 'closed' ? `已于${spokenClose(s.closesAt, at.timeZone, at.now)}结束` : null,
  questions: s.questions.map(presentQuestion),
  articles: s.articles.map(({ id, number, text }) => ({ id, number, text })),
  responded,
  askedOthers,
  /** To one it does not ask, in the words of what it is (这次征求意见只请…, not 这份问卷只请…); null when it asks them. */
  askedOthersText: askedOthers ? (closedToOthersText ?? KIND_WORDS[s.kind].notAsked) : null,
  /** A closed ballot's result, to the deputies on its roll (BallotResults); null otherwise. */
  ballotResult: result && presentBallotResult(result),
  /** A 述职评议 owns it: answered on pages/records/appraise (report first, her community named), not on the survey page. */
  appraisal: isAppraisal,
  /** A named answer is kept as hers: the page shows the privacy notice first (domain/consent-needed.ts). */
  consentNeeded,
})

/** Counts only, in words: a ballot is secret. `noteText` while a 民生实事 year's office has not confirmed it yet. */
const presentBallotResult = (r: BallotResult & { confirmed: boolean | null }) => ({
  roll: r.roll,
  cast: r.cast,
  minVotes: r.minVotes,
  planned: r.planned,
  passed: r.passed,
  chosen: r.chosen,
  turnoutText: r.turnoutText,
  passedText: r.passedText,
  projects: r.projects.map(({ id, label, votes, state, stateText }) => ({ id, label, votes, state, stateText })),
  noteText: r.confirmed === false ? '这是计票结果，工作人员确认后会通知您年度项目' : null,
})

export const presentResponseReceipt = (r: SurveyResponse) => ({ id: r.id, surveyId: r.surveyId, createdAt: r.createdAt.toISOString() })

export const presentResults = (
  s: SurveyRecord,
  phase: SurveyPhase,
  results: SurveyResults | null,
  ballot: BallotOutcome | null,
  decided: ReadonlyMap<string, number> | null = null,
) => ({
  surveyId: s.id,
  kind: s.kind,
  phase,
  responses: results?.responses ?? ballot?.ballotsCast ?? 0,
  questions:
    results?.questions.map((q) => ({
      questionId: q.questionId,
      type: q.type,
      title: q.title,
      answered: q.answered,
      /** Whom a question with a condition was asked ("只问第 1 题选了“有”的人"), said beside 几人作答; null when asked of all. */
      askedOnlyText: askedOnlyText(s.questions, q.questionId),
      options: q.options.map(({ id, label, count, percent }) => ({ id, label, count, percent })),
      average: q.average,
      distribution: q.distribution.map(({ value, count, percent }) => ({ value, count, percent })),
    })) ?? [],
  /** Each article in the draft's order: its opinions, and (for the office that decides them) how many are decided. */
  articles:
    results?.articles.map(({ articleId, number, comments }) => ({ articleId, number, comments, decided: decided?.get(articleId) ?? (decided ? 0 : null) })) ??
    [],
  ballot: ballot
    ? {
        roll: ballot.roll,
        ballotsCast: ballot.ballotsCast,
        minVotes: ballot.minVotes,
        projects: ballot.projects.map(({ id, label, count, percent, passes, chosen, tied }) => ({ id, label, votes: count, percent, passes, chosen, tied })),
        chosen: ballot.chosen.map(({ id, label, votes }) => ({ id, label, votes })),
        /** Equal votes across the last place: said, never settled by list order (none of them is in `chosen`). */
        tieText: ballot.tie ? tieWords(ballot.tie, (id) => ballot.projects.find((p) => p.id === id)?.label ?? id) : null,
      }
    : null,
})

/**
 * A resident's written answer as the console lists it: phone and ID numbers masked, as her message's are (DESIGN:
 * masked in lists); `whole` only for 查看完整原文, which is audited (survey.text.read). `masked`: the page then offers it.
 */
export const presentTextAnswer = (t: TextAnswer, whole = false) => ({
  responseId: t.responseId,
  text: whole ? t.text : maskPhoneAndIdNumbers(t.text),
  masked: maskPhoneAndIdNumbers(t.text) !== t.text,
  stationId: t.stationId,
  createdAt: t.createdAt.toISOString(),
})

/** Opinions go to organizers without the commenter's account id: only whether they can be told. */
/** An opinion as the console lists it: her numbers masked as in 文字回答, `whole` only for 查看完整原文 (audited). */
export const presentOpinion = (o: Opinion, whole = false) => ({
  id: o.id,
  articleId: o.articleId,
  text: whole ? o.text : maskPhoneAndIdNumbers(o.text),
  masked: maskPhoneAndIdNumbers(o.text) !== o.text,
  via: o.via,
  stationId: o.stationId,
  named: o.mpUserId !== null,
  outcome: o.outcome,
  outcomeLabel: OPINION_OUTCOME_LABELS[o.outcome],
  reason: o.reason,
  decidedAt: o.decidedAt?.toISOString() ?? null,
  createdAt: o.createdAt.toISOString(),
})

/** A ballot's roll while it runs: who has not voted yet, and whether their notice arrived. */
export const presentNotVoted = (r: { survey: SurveyRecord; roll: number; voted: number; items: NotVoted[] }) => ({
  survey: { id: r.survey.id, title: r.survey.title, closesAt: r.survey.closesAt.toISOString() },
  roll: r.roll,
  voted: r.voted,
  items: r.items.map((i) => ({ deputyId: i.deputyId, name: i.name, notice: presentNotice(i.notice) })),
})

/** Her own opinion on a consultation, with what became of it in words; never another's. */
export const presentMyOpinion = (o: Opinion, articleNumber: string) => ({
  id: o.id,
  articleNumber,
  text: o.text,
  outcome: o.outcome,
  outcomeLabel: OPINION_OUTCOME_LABELS[o.outcome],
  reason: o.reason,
  outcomeText: outcomeWords(o),
  decidedAt: o.decidedAt ? o.decidedAt.toISOString() : null,
})

/** The published 采纳情况 of a consultation: counts per article and the office's reasons; no writer, no opinion's words. */
export const presentOutcomeSummary = (v: {
  survey: SurveyRecord
  publishedAt: Date
  articles: Array<{ number: string; opinions: number; adopted: number; partlyAdopted: number; notAdopted: number; reasons: string[] }>
}) => ({
  surveyId: v.survey.id,
  title: v.survey.title,
  publishedAt: v.publishedAt.toISOString(),
  opinions: v.articles.reduce((n, a) => n + a.opinions, 0),
  adopted: v.articles.reduce((n, a) => n + a.adopted + a.partlyAdopted, 0),
  articles: v.articles.map(({ number, opinions, adopted, partlyAdopted, notAdopted, reasons }) => ({
    number,
    opinions,
    adopted,
    partlyAdopted,
    notAdopted,
    reasons: [...reasons],
  })),
})
