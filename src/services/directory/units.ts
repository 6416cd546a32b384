import { randomUUID } from 'node:crypto'
import { GONE } from '../../domain/choice-words.js'
import type { Unit, UnitKind } from '../../domain/directory.js'
import { scopeKind, staffScope } from '../../domain/staff-scope.js'
import { unitInScope } from '../../domain/unit-scope.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { Store, UnitPatch } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import { requireRole, type StaffPrincipal } from '../accounts/principal.js'

export interface UnitInput {
  code: string
  name: string
  kind: UnitKind
  regionId: string | null
  contact: string
}

/**
 * Handling units (承办单位): the departments that answer deputies' suggestions and run
 * livelihood projects. The office keeps the list; a unit's own staff see only their unit.
 */
export class UnitService {
  constructor(
    private readonly store: Pick<Store, 'units' | 'regions'>,
    private readonly audit: AuditTrail,
  ) {}

  /** A unit's staff see their own units; a district's organizer those they may give work to (domain/unit-scope.ts). */
  async list(actor: StaffPrincipal): Promise<Unit[]> {
    const all = await this.store.units.list()
    if (actor.role === 'unit_staff') return all.filter((u) => actor.unitIds.includes(u.id))
    if (scopeKind(actor) !== 'regions') return all
    const scope = staffScope(actor, new Map((await this.store.regions.list()).map((r) => [r.id, r])))
    return all.filter((u) => unitInScope(scope, u))
  }

  async get(actor: StaffPrincipal, id: string): Promise<Unit> {
    const unit = await this.store.units.get(id)
    if (!unit || (actor.role === 'unit_staff' && !actor.unitIds.includes(id))) throw new NotFoundError('承办单位不存在')
    return unit
  }

  async create(actor: StaffPrincipal, input: UnitInput): Promise<Unit> {
    requireRole(actor, 'admin')
    await this.checkRegion(input.regionId)
    if ((await this.store.units.list()).some((u) => u.code === input.code)) {
      throw new ConflictError('单位代码已被使用', [{ path: 'body.code', message: `"${input.code}" 已被使用` }])
    }
    const unit = await this.store.units.create({ id: `u-${randomUUID().slice(0, 8)}`, ...input, active: true })
    await this.audit.record(actor, 'unit.create', { kind: 'unit', id: unit.id }, { name: unit.name })
    return unit
  }

  async update(actor: StaffPrincipal, id: string, patch: UnitPatch): Promise<Unit> {
    requireRole(actor, 'admin')
    if (patch.regionId !== undefined) await this.checkRegion(patch.regionId)
    const unit = await this.store.units.update(id, patch)
    await this.audit.record(actor, 'unit.update', { kind: 'unit', id }, { fields: Object.keys(patch) })
    return unit
  }

  private async checkRegion(regionId: string | null) {
    if (regionId !== null && !(await this.store.regions.get(regionId))) {
      throw new ValidationError('输入有误', [{ path: 'body.regionId', message: GONE.region }])
    }
  }
}
