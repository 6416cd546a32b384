import { followedOffice, type LivelihoodCycle } from '../../domain/livelihood.js'
import { officeName } from '../../domain/office-name.js'
import { cyclesInPlay, livelihoodWeek, type CycleFacts, type LivelihoodSection } from '../../domain/livelihood-week.js'
import type { Store } from '../../store/ports.js'
import type { DirectoryNames } from './directory-names.js'

/**
 * The weekly report's 民生实事 part: the years of the offices a report's place follows, read
 * from the store (LivelihoodScope's rule: a street follows its district's and the city's years,
 * a district its own and the city's, the city its own), and told by domain/livelihood-week.ts.
 */
export class WeeklyLivelihood {
  constructor(
    private readonly store: Pick<Store, 'livelihood' | 'units' | 'surveys'>,
    private readonly directory: DirectoryNames,
    private readonly settings: { timeZone: string; reportGraceDays: number },
  ) {}

  /** `scope` is 'city', a district or a street; `week` the report's Monday (YYYY-MM-DD), whose year is the report's. */
  async section(scope: string, week: string, span: { weekStart: Date; weekEnd: Date; now: Date }): Promise<LivelihoodSection> {
    const directory = await this.directory.prepared()
    const { regions } = directory
    const own = scope === 'city' ? null : followedOffice(scope, regions)
    const offices = own && own !== 'city' ? [own, 'city'] : ['city']
    const year = Number(week.slice(0, 4))
    const [cycles, units] = await Promise.all([this.store.livelihood.listCycles(offices), this.store.units.list()])
    const unitNames = new Map(units.map((u) => [u.id, u.name]))
    return livelihoodWeek({
      offices: await Promise.all(
        offices.map(async (office) => ({
          officeName: officeName(office, directory),
          cycles: await Promise.all(
            cyclesInPlay(
              cycles.filter((c) => c.office === office),
              year,
            ).map((c) => this.facts(c)),
          ),
        })),
      ),
      ...span,
      timeZone: this.settings.timeZone,
      graceDays: this.settings.reportGraceDays,
      unitName: (id) => unitNames.get(id) ?? id,
    })
  }

  /** What the section reads of one cycle: only what its stage speaks of. */
  private async facts(cycle: LivelihoodCycle): Promise<CycleFacts> {
    const stage = cycle.status
    const chosen = stage === 'running' || stage === 'rating' || stage === 'published'
    const [proposals, projects, ratings, survey] = await Promise.all([
      stage === 'collecting' ? this.store.livelihood.listProposals(cycle.id) : [],
      this.store.livelihood.listProjects(cycle.id),
      stage === 'rating' || stage === 'published' ? this.store.livelihood.listRatings(cycle.id) : [],
      (stage === 'voting' || stage === 'rating') && cycle.ballotSurveyId ? this.store.surveys.get(cycle.ballotSurveyId) : null,
    ])
    const reports = chosen ? await this.store.livelihood.listProgress(projects.filter((p) => p.status === 'chosen').map((p) => p.id)) : []
    const ballot = survey ? { opensAt: survey.opensAt, closesAt: survey.closesAt, rollSize: survey.ballot?.rollDeputyIds.length ?? 0 } : null
    return { cycle, proposals, projects, reports, ratings, ballot }
  }
}
