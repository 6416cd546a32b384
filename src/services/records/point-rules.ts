import type { Clock } from '../../clock.js'
import { DEFAULT_POINT_RULES, ruleProblems, type PointRule } from '../../domain/record-points.js'
import { ForbiddenError, UnprocessableError } from '../../errors.js'
import type { PointRuleSet, Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { staffScope } from '../../domain/staff-scope.js'

export const CITY_OFFICE = 'city'

/**
 * Each office's point rules: the city's are seeded with the defaults the first time they are
 * needed; a district that has not set its own counts by the city's. Organizers change their
 * district's rules, city organizers and admins the city's (and any district's). Audited.
 */
export class PointRules {
  constructor(
    private readonly store: Pick<Store, 'pointRules'>,
    private readonly clock: Clock,
    private readonly audit: Pick<AuditTrail, 'record'>,
  ) {}

  /** The rules that count for an office (a district id, or null for the city): its own, else the city's. */
  async effective(office: string | null): Promise<PointRuleSet> {
    const own = office ? await this.store.pointRules.get(office) : null
    return own ?? (await this.city())
  }

  /** The rules an organizer reads and edits: their own district's (or the city's they fall back on). */
  async read(staff: StaffPrincipal, office: string | undefined): Promise<PointRuleSet & { inherited: boolean }> {
    const target = this.officeFor(staff, office)
    const set = await this.effective(target === CITY_OFFICE ? null : target)
    return { ...set, office: target, inherited: set.office !== target }
  }

  async save(staff: StaffPrincipal, office: string | undefined, rules: PointRule[]): Promise<PointRuleSet> {
    const target = this.officeFor(staff, office)
    const problems = ruleProblems(rules)
    if (problems.length)
      throw new UnprocessableError(
        '积分规则有误',
        problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
        'invalid_rules',
      )
    const before = await this.store.pointRules.get(target)
    const set: PointRuleSet = { office: target, rules, updatedBy: staff.id, updatedAt: this.clock.now() }
    await this.store.pointRules.save(set)
    await this.audit.record(staff, 'record.rules_saved', { kind: 'point_rules', id: target }, { before: before?.rules ?? null, after: rules })
    return set
  }

  private async city(): Promise<PointRuleSet> {
    const stored = await this.store.pointRules.get(CITY_OFFICE)
    if (stored) return stored
    const seeded: PointRuleSet = { office: CITY_OFFICE, rules: DEFAULT_POINT_RULES, updatedBy: 'system', updatedAt: this.clock.now() }
    await this.store.pointRules.seedIfAbsent(seeded)
    return (await this.store.pointRules.get(CITY_OFFICE)) ?? seeded
  }

  /** Which office's rules this person works on: a district organizer only their districts'. */
  private officeFor(staff: StaffPrincipal, office: string | undefined): string {
    const scope = staffScope(staff)
    if (scope.kind === 'none') throw new ForbiddenError('积分规则由人大常委会办公室设置', 'organizers_only')
    const district = scope.kind === 'regions' ? scope.regionIds : null
    const target = office ?? district?.[0] ?? CITY_OFFICE
    if (district && !district.includes(target)) throw new ForbiddenError('只能设置本区县的积分规则', 'outside_scope')
    return target
  }
}
