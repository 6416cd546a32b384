import {
  defaultRoll,
  defaultRollWords,
  overdueQuarters,
  ratingResults,
  runsOffice,
  type LivelihoodCycle,
  type LivelihoodProject,
  type ProgressReport,
  type Quarter,
  type RatingResult,
} from '../../domain/livelihood.js'
import type { Clock } from '../../clock.js'
import { surveyPhase } from '../../domain/survey.js'
import { ballotOutcome, scopeOf, tieWords } from '../../domain/survey-tally.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { LivelihoodScope } from './livelihood-scope.js'
import { ballotResult, type BallotResult } from '../../domain/ballot-result.js'
import type { BallotCount } from '../surveys/ballot-count.js'
import type { SurveyService } from '../surveys/surveys.js'
import { ballotTurnout, type BallotTurnout } from '../../domain/ballot-turnout.js'
import { officeName } from '../../domain/office-name.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { offsetMs } from '../../domain/zone-offset.js'

export interface ProjectView {
  project: LivelihoodProject
  unitName: string
  reports: ProgressReport[]
  result: RatingResult | null
  /**
   * For the office, a chosen project of a year under way: the quarters whose progress is overdue and missing, by the
   * unit reminder's and the weekly report's rule (overdueQuarters); empty otherwise.
   */
  lateQuarters?: Quarter[]
}
export interface CycleView {
  cycle: LivelihoodCycle
  /** The office whose year it is, by its name (office-name.ts: "湛河区人大常委会办公室", the whole installation's for 'city'). */
  officeName: string
  projects: ProjectView[]
  /** For a console user: whether they may act on the cycle (the write routes' own rule), so the page offers only what works. */
  mayAct?: boolean
  /** For a console user, while the year is at its ballot: when it closes, who has voted, and a tie once it has closed. */
  ballot?: BallotState | null
  /**
   * For the office while the year collects: how many serving deputies 提交代表票决 would ask to vote (the
   * default roll, within the office's reach, as the ballot will resolve it), said before the irreversible step.
   */
  rollToAsk?: number | null
  /** With rollToAsk: which congress's deputies those are, in words (市人大代表, 区人大代表). */
  rollWords?: string | null
}

export interface BallotState {
  closesAt: Date
  closed: boolean
  roll: number
  cast: number
  /** Equal votes across the last place, in words, and the projects tied with the places they share (closed ballots only: sealed before). */
  tie: { text: string; projectIds: string[]; places: number } | null
  /** The count the office is about to confirm, as the deputies on the roll read it (closed ballots only: sealed before). */
  result: BallotResult | null
  /** Who of the roll voted so far, and whether fewer than half did (no quorum: flagged for the office, never refused). */
  turnout: BallotTurnout
}

/** A cycle with its projects joined to their unit, progress and (when `withResults`) rating results. */
export class LivelihoodViews {
  constructor(
    private readonly store: Pick<Store, 'livelihood' | 'units' | 'regions' | 'surveys'>,
    private readonly scope: LivelihoodScope,
    private readonly clock: Clock,
    /** The roll as it counts (fixed at the close), as settling the ballot reads it, so the page shows the count it will confirm. */
    private readonly count: Pick<BallotCount, 'counted'>,
    private readonly audience: Pick<SurveyService, 'previewAudience'>,
    /** Names the office whose year it is, as every other page names it. */
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
    /** When a quarter's progress is late (config livelihood.reportGraceDays), in the business's time zone. */
    private readonly settings: { timeZone: string; reportGraceDays: number },
  ) {}

  /** The office's view: every candidate and project, the results as they stand. */
  async forStaff(staff: StaffPrincipal, cycleId: string): Promise<CycleView> {
    const cycle = await this.scope.visible(staff, cycleId)
    const mayAct = runsOffice(staff, cycle.office)
    const asking = mayAct && cycle.status === 'collecting'
    const rollToAsk = asking ? (await this.audience.previewAudience(staff, defaultRoll(cycle.office))).count : null
    const rollWords = asking ? defaultRollWords(cycle.office, (await this.store.regions.get(cycle.office))?.name) : null
    const view = await this.view(cycle, () => true, true)
    return { ...view, projects: this.withLateQuarters(cycle, view.projects), mayAct, ballot: await this.ballotState(cycle), rollToAsk, rollWords }
  }

  /**
   * A year under way (项目实施): each chosen project with the quarters its unit has not reported past their day, as the
   * weekly report tells them, so the page says "还没有填报" where it drew a bar of 0% (review 38 § 5).
   */
  private withLateQuarters(cycle: LivelihoodCycle, projects: ProjectView[]): ProjectView[] {
    if (cycle.status !== 'running') return projects
    const now = this.clock.now()
    const offsetMinutes = offsetMs(now.getTime(), this.settings.timeZone) / 60_000
    return projects.map((p) =>
      p.project.status === 'chosen'
        ? {
            ...p,
            lateQuarters: overdueQuarters(
              cycle.year,
              p.reports.map((r) => r.quarter),
              now,
              offsetMinutes,
              this.settings.reportGraceDays,
            ),
          }
        : p,
    )
  }

  /** The year's ballot as the office needs it to confirm the result: only after the close, and never past a tie without a decision. */
  private async ballotState(cycle: LivelihoodCycle): Promise<BallotState | null> {
    if (cycle.status !== 'voting' || !cycle.ballotSurveyId) return null
    const survey = await this.store.surveys.get(cycle.ballotSurveyId)
    if (!survey?.ballot) return null
    const closed = surveyPhase(survey, this.clock.now()) === 'closed'
    // Counted as settleBallot counts (those who left office without voting are out), so 应投票 here is the number confirmed.
    const roll = await this.count.counted(survey)
    const outcome = closed ? ballotOutcome(survey, await this.store.surveys.tallies(survey.id, scopeOf({})), roll) : null
    const projects = await this.store.livelihood.listProjects(cycle.id)
    const title = (id: string) => projects.find((p) => p.id === id)?.title ?? id
    const tie = outcome?.tie ?? null
    return {
      closesAt: survey.closesAt,
      closed,
      roll,
      cast: survey.responseCount,
      tie: tie && { text: tieWords(tie, title), projectIds: tie.projectIds, places: tie.places },
      result: outcome && ballotResult(outcome, survey.ballot, null),
      turnout: ballotTurnout(survey.responseCount, roll),
    }
  }

  /** The public page: cycles past the ballot, their projects with progress; results once published. */
  async forPublic(): Promise<CycleView[]> {
    const cycles = (await this.store.livelihood.listCycles()).filter((c) => ['running', 'rating', 'published'].includes(c.status))
    return Promise.all(cycles.map((c) => this.view(c, (p) => p.status === 'chosen', c.status === 'published')))
  }

  private async view(cycle: LivelihoodCycle, keep: (p: LivelihoodProject) => boolean, withResults: boolean): Promise<CycleView> {
    const projects = (await this.store.livelihood.listProjects(cycle.id)).filter(keep)
    const [units, directory, reports, ratings] = await Promise.all([
      this.store.units.list(),
      this.directory.prepared(),
      this.store.livelihood.listProgress(projects.map((p) => p.id)),
      withResults ? this.store.livelihood.listRatings(cycle.id) : Promise.resolve([]),
    ])
    const unitName = new Map(units.map((u) => [u.id, u.name]))
    const results = withResults
      ? ratingResults(
          projects.map((p) => p.id),
          ratings,
        )
      : []
    return {
      cycle,
      officeName: officeName(cycle.office, directory),
      projects: projects.map((project) => ({
        project,
        unitName: unitName.get(project.unitId) ?? project.unitId,
        reports: reports.filter((r) => r.projectId === project.id),
        result: results.find((r) => r.projectId === project.id) ?? null,
      })),
    }
  }
}
