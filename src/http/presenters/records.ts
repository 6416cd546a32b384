import { APPRAISAL_SEAL_WORDS, appraisalActions, appraisalTurnoutText, type AppraisalSeal } from '../../domain/appraisal-seal.js'
import { REPLIED_IN_TIME_NOTE_ALONE } from '../../domain/case-stats.js'
import { recordCasesText, recordCasesTextForResidents } from '../../domain/deputy-record-words.js'
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, type ActivityRecord } from '../../domain/record-activity.js'
import { POINT_ITEM_LABELS } from '../../domain/record-points.js'
import { SURVEY_PHASE_LABELS, type SurveyPhase, type SurveyRecord } from '../../domain/survey.js'
import type { SurveyResults } from '../../domain/survey-tally.js'
import { maskPersonalData } from '../../domain/pii-mask.js'
import { spokenClose, spokenMoment } from '../../domain/spoken-dates.js'
import type { DeputyYear } from '../../services/records/deputy-records.js'
import type { AppraisalRecord, PointRuleSet } from '../../services/records.js'

// Presenters name every field they return: a deputy's phone never leaves in a record.

export const presentDeputyYear = (y: DeputyYear) => ({
  deputy: { id: y.deputy.id, code: y.deputy.code, name: y.deputy.name, level: y.deputy.level, stationIds: [...y.deputy.stationIds] },
  year: y.record.year,
  meetings: { ...y.record.meetings },
  cases: caseFigures(y.record.cases),
  /**
   * 办理群众留言 in one sentence whose numbers add up (a message sent back for 重新办理 said once, as being handled
   * again), with another district's messages among them: the console, the printed report and his own page say this.
   */
  casesText: recordCasesText(y.record.cases, y.elsewhere),
  /** What 按时答复 counts, in 统计分析's words (the record counts it by the same rule), less its 按时受理: the record has none. */
  repliedInTimeNote: REPLIED_IN_TIME_NOTE_ALONE,
  duty: { ...y.record.duty },
  study: { ...y.record.study },
  ballots: { ...y.record.ballots },
  /** Null until suggestions are known here: the pages say 暂无. */
  suggestions: y.record.suggestions ? { ...y.record.suggestions } : null,
  activities: { approved: y.record.activities.approved, byKind: { ...y.record.activities.byKind } },
  points: {
    total: y.points.total,
    office: y.points.office,
    lines: y.points.lines.map((l) => ({
      item: l.item,
      label: l.label,
      count: l.count,
      points: l.points,
      cap: l.cap,
      subtotal: l.subtotal,
      explanation: l.explanation,
    })),
  },
})

/** The record's message figures, named one by one (byDistrict is said in casesText, by name, not as ids). */
const caseFigures = (c: DeputyYear['record']['cases']) => ({
  handled: c.handled,
  answered: c.answered,
  answeredOnTime: c.answeredOnTime,
  answeredLate: c.answeredLate,
  sentBack: c.sentBack,
  open: c.open,
  overdueOpen: c.overdueOpen,
  sentBackOverdue: c.sentBackOverdue,
  repliedInTimeShare: c.repliedInTimeShare,
  rated: c.rated,
  averageSatisfaction: c.averageSatisfaction,
})

/**
 * A row of the 履职档案 list. `appraisal`: the year's 述职评议 as the office follows it (given to organizers and admins
 * only; absent: the column is not shown), its turnout in words: "评议中，已有 2 人参加", "已结束，7 人参加", "未开启".
 */
export const presentRecordRow = (y: DeputyYear, appraisal?: { phase: SurveyPhase; responses: number } | null) => ({
  deputy: { id: y.deputy.id, code: y.deputy.code, name: y.deputy.name, level: y.deputy.level },
  meetingsAttended: y.record.meetings.attended,
  casesAnswered: y.record.cases.answered,
  /** 按时答复 as his record says it; null when nothing was due or answered yet. */
  repliedInTimeShare: y.record.cases.repliedInTimeShare,
  activitiesApproved: y.record.activities.approved,
  points: y.points.total,
  ...(appraisal === undefined ? {} : { appraisalText: appraisalTurnoutWords(appraisal) }),
})

function appraisalTurnoutWords(a: { phase: SurveyPhase; responses: number } | null): string {
  if (!a) return '未开启'
  if (a.phase === 'scheduled') return '已安排，还没开始'
  return a.phase === 'open' ? `评议中，已有 ${a.responses} 人参加` : `已结束，${a.responses} 人参加`
}

export const presentActivity = (a: ActivityRecord, photos: string[], deputyName?: string) => ({
  id: a.id,
  deputyId: a.deputyId,
  deputyName: deputyName ?? null,
  stationId: a.stationId,
  kind: a.kind,
  kindLabel: ACTIVITY_KIND_LABELS[a.kind],
  date: a.date,
  place: a.place,
  text: a.text,
  photos,
  status: a.status,
  statusLabel: ACTIVITY_STATUS_LABELS[a.status],
  reviewNote: a.reviewNote,
  reviewedAt: a.reviewedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
})

/**
 * A deputy's own report, to correct: besides the links that open its photos, each photo as the
 * upload answer gives it (`url` to send back with the correction, `viewUrl` to show it).
 */
export const presentOwnActivity = (a: ActivityRecord, photos: string[]) => ({
  ...presentActivity(a, photos),
  photoFiles: a.photos.map((url, i) => ({ url, viewUrl: photos[i]! })),
})

export const presentRules = (s: PointRuleSet & { inherited?: boolean }) => ({
  office: s.office,
  inherited: s.inherited ?? false,
  updatedAt: s.updatedAt.toISOString(),
  rules: s.rules.map((r) => ({ item: r.item, label: POINT_ITEM_LABELS[r.item].label, unit: POINT_ITEM_LABELS[r.item].unit, points: r.points, cap: r.cap })),
})

export const presentAppraisal = (x: { appraisal: AppraisalRecord; survey: SurveyRecord; phase: SurveyPhase; results: SurveyResults; sealed: boolean }) => ({
  surveyId: x.appraisal.surveyId,
  deputyId: x.appraisal.deputyId,
  year: x.appraisal.year,
  title: x.survey.title,
  shortCode: x.survey.shortCode,
  opensAt: x.survey.opensAt.toISOString(),
  closesAt: x.survey.closesAt.toISOString(),
  phase: x.phase,
  phaseLabel: SURVEY_PHASE_LABELS[x.phase],
  responses: x.results.responses,
  /** True while the results are held back, from the deputy and the office alike (until the close, or closed with under 5 raters): `questions` is then empty, `responses` kept. */
  sealed: x.sealed,
  questions: x.results.questions.map((q) => ({
    id: q.questionId,
    title: q.title,
    answered: q.answered,
    average: q.average,
    options: q.options.map((o) => ({ id: o.id, label: o.label, count: o.count, percent: o.percent })),
  })),
})

/**
 * The office's view of a 述职评议: besides the count, why no rating is shown yet, in words (null once they are), the
 * turnout against the raters needed (null once the ratings are shown), and whether it may still be extended (延长评议)
 * or reopened once (重新开放, closed with too few raters).
 */
export const presentAppraisalToOffice = (x: Parameters<typeof presentAppraisal>[0] & { seal: AppraisalSeal | null }) => {
  const reopened = !!x.appraisal.reopenedAt
  return {
    ...presentAppraisal(x),
    sealedText: x.seal ? APPRAISAL_SEAL_WORDS[x.seal] : null,
    turnoutText: appraisalTurnoutText(x.phase, x.results.responses, reopened),
    ...appraisalActions(x.phase, x.results.responses, reopened),
    reopenedAt: x.appraisal.reopenedAt?.toISOString() ?? null,
  }
}

/**
 * The yearly report as residents who rate the deputy read it (述职评议 → 先看述职报告): the figures of his report and
 * his approved activities. Not his points (the office's scoring), his code or his stations; no photo (people in them
 * did not agree to be shown); what he wrote is masked of phone, ID and house numbers.
 */
export const presentPublicReport = (r: { survey: SurveyRecord; year: DeputyYear; activities: ActivityRecord[] }) => ({
  surveyId: r.survey.id,
  title: `${r.year.deputy.name}代表${r.year.record.year}年度履职情况报告`,
  deputy: { name: r.year.deputy.name },
  year: r.year.record.year,
  meetings: { ...r.year.record.meetings },
  cases: caseFigures(r.year.record.cases),
  /** 办理群众留言 as residents read it (deputy-record-words.ts); null when he had no message. */
  casesText: recordCasesTextForResidents(r.year.record.cases),
  duty: { ...r.year.record.duty },
  study: { ...r.year.record.study },
  ballots: { ...r.year.record.ballots },
  suggestions: r.year.record.suggestions ? { ...r.year.record.suggestions } : null,
  activities: {
    approved: r.year.record.activities.approved,
    byKind: { ...r.year.record.activities.byKind },
    items: r.activities.map((a) => ({
      id: a.id,
      date: a.date,
      kindLabel: ACTIVITY_KIND_LABELS[a.kind],
      place: maskPersonalData(a.place),
      text: maskPersonalData(a.text),
    })),
  },
})

/**
 * His own 述职评议 with when it begins or ends, said as her 述职评议 page says it: he knows when to come back for
 * the results.
 */
export function presentAppraisalToDeputy(x: Parameters<typeof presentAppraisal>[0], timeZone: string, now: Date) {
  const whenText =
    x.phase === 'open'
      ? `${spokenClose(x.survey.closesAt, timeZone, now)}结束`
      : x.phase === 'scheduled'
        ? `${spokenMoment(x.survey.opensAt, timeZone, now)}开始`
        : null
  return { ...presentAppraisal(x), whenText }
}
