import type { Clock } from '../../clock.js'
import type { LivelihoodCycle, ProjectRating, RatingGrade } from '../../domain/livelihood.js'
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js'
import type { Store } from '../../store/ports.js'

/**
 * 人大评: at year end the deputies who voted on the cycle's ballot (its roll) rate each
 * project once: 满意 / 基本满意 / 不满意 with a comment.
 */
export class LivelihoodRatings {
  constructor(
    private readonly store: Pick<Store, 'livelihood' | 'surveys'>,
    private readonly clock: Clock,
  ) {}

  /** Cycles in rating whose roll holds the deputy: each project, with the deputy's rating if given. */
  async toRate(deputyId: string) {
    const out = []
    for (const cycle of await this.store.livelihood.listCycles()) {
      if (cycle.status !== 'rating' || !(await this.onRoll(cycle, deputyId))) continue
      const mine = (await this.store.livelihood.listRatings(cycle.id)).filter((r) => r.deputyId === deputyId)
      const projects = (await this.store.livelihood.listProjects(cycle.id)).filter((p) => p.status === 'chosen')
      const reports = await this.store.livelihood.listProgress(projects.map((p) => p.id))
      out.push({
        cycle,
        projects: projects.map((project) => ({
          project,
          reports: reports.filter((r) => r.projectId === project.id),
          rating: mine.find((r) => r.projectId === project.id) ?? null,
        })),
      })
    }
    return out
  }

  async rate(deputyId: string, projectId: string, input: { grade: RatingGrade; comment: string }): Promise<ProjectRating> {
    const project = await this.store.livelihood.getProject(projectId)
    const cycle = project ? await this.store.livelihood.getCycle(project.cycleId) : null
    if (!project || !cycle || project.status !== 'chosen') throw new NotFoundError('项目不存在')
    if (cycle.status !== 'rating') throw new ConflictError('现在不是评议时间', [], 'rating_closed')
    if (!(await this.onRoll(cycle, deputyId))) throw new ForbiddenError('您不在本次评议的代表名单中', 'not_on_roll')
    try {
      return await this.store.livelihood.addRating({ projectId, cycleId: cycle.id, deputyId, ...input, at: this.clock.now() })
    } catch (err) {
      if (err instanceof ConflictError) throw new ConflictError('您已经评议过这个项目', [], 'already_rated')
      throw err
    }
  }

  private async onRoll(cycle: LivelihoodCycle, deputyId: string): Promise<boolean> {
    const survey = cycle.ballotSurveyId ? await this.store.surveys.get(cycle.ballotSurveyId) : null
    return !!survey?.ballot?.rollDeputyIds.includes(deputyId)
  }
}
