import {
  CYCLE_STATUS_LABELS,
  lateQuartersText,
  PROJECT_STATUS_LABELS,
  RATING_GRADE_LABELS,
  proposalStateWords,
  proposalTone,
  type LivelihoodCycle,
  type LivelihoodProject,
  type LivelihoodProposal,
  type ProgressReport,
  type ProjectRating,
} from '../../domain/livelihood.js'
import type { CycleView, ProjectView } from '../../services/livelihood/views.js'
import { collectionStage } from '../../domain/livelihood-stage.js'

/** 民生实事项目 as they leave the server; every field listed. */
export const presentCycle = (c: LivelihoodCycle) => ({
  id: c.id,
  office: c.office,
  year: c.year,
  title: c.title,
  opensAt: c.opensAt.toISOString(),
  closesAt: c.closesAt.toISOString(),
  status: c.status,
  statusLabel: CYCLE_STATUS_LABELS[c.status],
  projectCount: c.projectCount,
  ballotSurveyId: c.ballotSurveyId,
})

/**
 * A year as the mini-program shows it to someone who would propose: whether proposals are taken now
 * (`accepting`, on the server's clock: the stage stays 征集项目 after the window closed, until the
 * ballot starts), until when (`untilText`), and otherwise what is happening and comes next (`stageText`).
 */
export const presentMpCycle = (c: LivelihoodCycle, now: Date, timeZone: string) => {
  const stage = collectionStage(c, now, timeZone)
  return { ...presentCycle(c), accepting: stage.accepting, untilText: stage.untilText, stageText: stage.stageText }
}

/**
 * For staff: the proposal whole but for who made it (an account id is never shown; a deputy is), its
 * photos as signed links (a bare upload URL opens for nobody but its uploader).
 */
export const presentProposal = (p: LivelihoodProposal, sign: SignLink) => ({
  id: p.id,
  cycleId: p.cycleId,
  source: p.deputyId ? 'deputy' : 'resident',
  sourceLabel: p.deputyId ? '代表提出' : '群众提出',
  deputyId: p.deputyId,
  stationId: p.stationId,
  title: p.title,
  description: p.description,
  place: p.place,
  reason: p.reason,
  photoCount: p.photos.length,
  photos: p.photos.map(sign),
  status: p.status,
  projectId: p.projectId,
  note: p.note,
  createdAt: p.createdAt.toISOString(),
})

/** For the proposer: what they wrote and its state in words. */
export const presentMyProposal = (p: LivelihoodProposal, project: LivelihoodProject | null, cycle: LivelihoodCycle | null) => ({
  id: p.id,
  cycleId: p.cycleId,
  cycleTitle: cycle?.title ?? '',
  title: p.title,
  description: p.description,
  place: p.place,
  status: p.status,
  stateText: proposalStateWords(p, project),
  /** good | waiting | ended: how her list colours the state (good news green, never the red of an alarm). */
  tone: proposalTone(p, project),
  createdAt: p.createdAt.toISOString(),
})

export const presentProject = (p: LivelihoodProject) => ({
  id: p.id,
  cycleId: p.cycleId,
  title: p.title,
  description: p.description,
  place: p.place,
  costWan: p.costWan,
  unitId: p.unitId,
  proposalIds: p.proposalIds,
  status: p.status,
  statusLabel: PROJECT_STATUS_LABELS[p.status],
  votes: p.votes,
  /** Sent back with a correction (PATCH …/candidates/:id): another's correction since is refused, not undone. */
  version: p.version ?? 0,
})

/** Turns an upload URL into a link that opens it for a while (Uploads.signedLink at now). */
export type SignLink = (url: string) => string

/** Photos leave as signed links: a bare upload URL opens for nobody but its uploader. */
export const presentProgress = (r: ProgressReport, sign: SignLink) => ({
  quarter: r.quarter,
  quarterLabel: `第${r.quarter}季度`,
  percent: r.percent,
  text: r.text,
  photos: r.photos.map(sign),
  postedAt: r.postedAt.toISOString(),
})

export const presentRating = (r: ProjectRating) => ({
  projectId: r.projectId,
  grade: r.grade,
  gradeLabel: RATING_GRADE_LABELS[r.grade],
  comment: r.comment,
  at: r.at.toISOString(),
})

const latestPercent = (reports: ProgressReport[]) => (reports.length ? reports[reports.length - 1]!.percent : 0)

const presentProjectView = (v: ProjectView, sign: SignLink) => ({
  ...presentProject(v.project),
  unitName: v.unitName,
  percent: latestPercent(v.reports),
  progress: v.reports.map((r) => presentProgress(r, sign)),
  /** The office's: quarters overdue and not reported (a year under way), and the weekly report's words for them. */
  lateQuarters: v.lateQuarters ?? [],
  lateText: lateQuartersText(v.lateQuarters ?? []),
  result: v.result && {
    ratings: v.result.ratings,
    counts: v.result.counts,
    shares: v.result.shares,
    satisfiedShare: v.result.satisfiedShare,
  },
})

export const presentCycleView = (v: CycleView, sign: SignLink) => ({
  ...presentCycle(v.cycle),
  officeName: v.officeName,
  mayAct: v.mayAct ?? false,
  projects: v.projects.map((p) => presentProjectView(p, sign)),
  ballot: v.ballot
    ? {
        closesAt: v.ballot.closesAt.toISOString(),
        closed: v.ballot.closed,
        roll: v.ballot.roll,
        cast: v.ballot.cast,
        notVoted: Math.max(0, v.ballot.roll - v.ballot.cast),
        tieText: v.ballot.tie?.text ?? null,
        tiedProjectIds: v.ballot.tie?.projectIds ?? [],
        tiePlaces: v.ballot.tie?.places ?? 0,
        // 实际投票 m 人 / 应投票 n 人, and lowTurnout below half (no quorum: the console says it before 确认, never refused).
        turnoutText: v.ballot.turnout.text,
        lowTurnout: v.ballot.turnout.low,
        // The count to be confirmed, once the ballot has closed (sealed before): counts only, as the deputies read it.
        result: v.ballot.result && {
          roll: v.ballot.result.roll,
          cast: v.ballot.result.cast,
          minVotes: v.ballot.result.minVotes,
          planned: v.ballot.result.planned,
          passed: v.ballot.result.passed,
          turnoutText: v.ballot.result.turnoutText,
          passedText: v.ballot.result.passedText,
          projects: v.ballot.result.projects.map(({ id, label, votes, state, stateText }) => ({ id, label, votes, state, stateText })),
        },
      }
    : null,
  /** While the year collects, for the office: how many deputies 提交代表票决 will ask to vote; null otherwise. */
  rollToAsk: v.rollToAsk ?? null,
  /** With rollToAsk: who votes, in words (市人大代表, 区人大代表); null otherwise. */
  rollWords: v.rollWords ?? null,
})

/** The public page: projects, unit, progress and (published) results; never proposers nor vote rolls. */
export const presentPublicCycle = (v: CycleView, sign: SignLink) => ({
  id: v.cycle.id,
  year: v.cycle.year,
  title: v.cycle.title,
  officeName: v.officeName,
  status: v.cycle.status,
  statusLabel: CYCLE_STATUS_LABELS[v.cycle.status],
  resultsPublished: v.cycle.status === 'published',
  projects: v.projects.map((p) => {
    const { proposalIds, unitId, version, lateQuarters, lateText, ...rest } = presentProjectView(p, sign)
    void proposalIds
    void unitId
    void version
    void lateQuarters
    void lateText
    return rest
  }),
})
