import {
  officeName,
  ratingResults,
  runsOffice,
  type LivelihoodCycle,
  type LivelihoodProject,
  type ProgressReport,
  type RatingResult,
} from '../../domain/livelihood.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { LivelihoodScope } from './livelihood-scope.js'

export interface ProjectView {
  project: LivelihoodProject
  unitName: string
  reports: ProgressReport[]
  result: RatingResult | null
}
export interface CycleView {
  cycle: LivelihoodCycle
  officeName: string
  projects: ProjectView[]
  /** For a console user: whether they may act on the cycle (the write routes' own rule), so the page offers only what works. */
  mayAct?: boolean
}

/** A cycle with its projects joined to their unit, progress and (when `withResults`) rating results. */
export class LivelihoodViews {
  constructor(
    private readonly store: Pick<Store, 'livelihood' | 'units' | 'regions'>,
    private readonly scope: LivelihoodScope,
  ) {}

  /** The office's view: every candidate and project, the results as they stand. */
  async forStaff(staff: StaffPrincipal, cycleId: string): Promise<CycleView> {
    const cycle = await this.scope.visible(staff, cycleId)
    return { ...(await this.view(cycle, () => true, true)), mayAct: runsOffice(staff, cycle.office) }
  }

  /** The public page: cycles past the ballot, their projects with progress; results once published. */
  async forPublic(): Promise<CycleView[]> {
    const cycles = (await this.store.livelihood.listCycles()).filter((c) => ['running', 'rating', 'published'].includes(c.status))
    return Promise.all(cycles.map((c) => this.view(c, (p) => p.status === 'chosen', c.status === 'published')))
  }

  private async view(cycle: LivelihoodCycle, keep: (p: LivelihoodProject) => boolean, withResults: boolean): Promise<CycleView> {
    const projects = (await this.store.livelihood.listProjects(cycle.id)).filter(keep)
    const [units, regions, reports, ratings] = await Promise.all([
      this.store.units.list(),
      this.store.regions.list(),
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
      officeName: officeName(cycle.office, regions.find((r) => r.id === cycle.office)?.name),
      projects: projects.map((project) => ({
        project,
        unitName: unitName.get(project.unitId) ?? project.unitId,
        reports: reports.filter((r) => r.projectId === project.id),
        result: results.find((r) => r.projectId === project.id) ?? null,
      })),
    }
  }
}
