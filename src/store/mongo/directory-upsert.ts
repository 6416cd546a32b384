import type { ClientSession, Connection, Model } from 'mongoose'
import type { AuditEntry, DirectoryRepo, DirectorySnapshot } from '../ports.js'
import type { Models, RegionDoc, DeputyDoc, StaffDoc, StationDoc, UnitDoc } from './models.js'
import { deputyFromDoc, deputyToStored, regionFromDoc, staffFromDoc, stationFromDoc, unitFromDoc, withoutId } from './records.js'
import { translate } from './errors.js'
import { newVersion } from './directory-repos.js'
import { writeAudit } from './auth-repos.js'
import type { StaffContactDoc } from './bot-models.js'

/** Inserts or replaces each record by id; ordered, so the first unique violation stops the batch. */
async function replaceAll<D, R extends { id: string }>(model: Model<D>, records: R[], session: ClientSession) {
  if (!records.length) return
  // Typed loosely on purpose: the replacement is the record minus its id, which mongoose
  // casts and validates against the schema before sending.
  await model.bulkWrite<Record<string, unknown>>(
    records.map((record) => ({
      replaceOne: { filter: { _id: record.id }, replacement: withoutId(record), upsert: true },
    })),
    { session, ordered: true },
  )
}

/**
 * Gives the records about to be written a placeholder ("~" + id) for their unique key,
 * so that two records may swap codes or user names within one import: by the time the
 * new values land, the old ones are out of the way. Only ids in this import are parked;
 * a value held by a record outside it is a genuine conflict.
 */
async function park<D>(model: Model<D>, field: 'code' | 'username', ids: string[], session: ClientSession) {
  if (!ids.length) return
  await model.updateMany({ _id: { $in: ids } }, [{ $set: { [field]: { $concat: ['~', '$_id'] } } }], { session, updatePipeline: true })
}

export function directoryRepo(conn: Connection, { Audit, Region, Station, Unit, Deputy, Staff, StaffContact }: Models): DirectoryRepo {
  return {
    async snapshot() {
      // Not one read transaction: the snapshot feeds the import validator, and the
      // import itself is the all-or-nothing step that re-checks unique keys.
      const [regions, stations, units, deputies, staff] = await Promise.all([
        Region.find().sort({ _id: 1 }).lean<RegionDoc[]>(),
        Station.find().sort({ _id: 1 }).lean<StationDoc[]>(),
        Unit.find().sort({ _id: 1 }).lean<UnitDoc[]>(),
        Deputy.find().sort({ _id: 1 }).lean<DeputyDoc[]>(),
        Staff.find().sort({ _id: 1 }).lean<StaffDoc[]>(),
      ])
      return {
        regions: regions.map(regionFromDoc),
        stations: stations.map(stationFromDoc),
        units: units.map(unitFromDoc),
        deputies: deputies.map(deputyFromDoc),
        staff: staff.map(staffFromDoc),
      }
    },
    async counts() {
      const [regions, stations, units, deputies, staff] = await Promise.all([
        Region.countDocuments(),
        Station.countDocuments(),
        Unit.countDocuments(),
        Deputy.countDocuments(),
        Staff.countDocuments(),
      ])
      return { regions, stations, units, deputies, staff }
    },
    async changedElsewhereMark() {
      // Mongo has no cheap "changed since" of a set of collections: the cache goes by time.
      return null
    },
    async upsertAll(records: DirectorySnapshot, unbound?: (staffId: string) => AuditEntry) {
      // One multi-document transaction (this needs a replica set or mongos, as deployments
      // run). withTransaction may re-run the callback on a transient error, so every
      // operation is rebuilt inside it: bulkWrite casts its ops in place.
      await translate(() =>
        conn.transaction(async (session) => {
          await park(
            Station,
            'code',
            records.stations.map((s) => s.id),
            session,
          )
          await park(
            Unit,
            'code',
            records.units.map((u) => u.id),
            session,
          )
          await park(
            Deputy,
            'code',
            records.deputies.map((d) => d.id),
            session,
          )
          await park(
            Staff,
            'username',
            records.staff.map((s) => s.id),
            session,
          )
          await replaceAll(Region, records.regions, session)
          await replaceAll(Station, records.stations, session)
          await replaceAll(Unit, records.units, session)
          // The 暂停接收留言 mark is no part of an import (sqlite's upsert leaves its columns alone): kept as stored.
          const marked = await Deputy.find({ _id: { $in: records.deputies.map((d) => d.id) }, away: { $ne: null } }, { away: 1 })
            .session(session)
            .lean<Array<Pick<DeputyDoc, '_id' | 'away'>>>()
          const kept = new Map(marked.map((d) => [d._id, d.away]))
          await replaceAll(
            Deputy,
            // A fresh version: a move that read him before the import must read him again (deputy-repo.ts moveDeputy).
            records.deputies.map((d) => ({ ...deputyToStored(d), away: kept.get(d.id) ?? null, version: newVersion() })),
            session,
          )
          await replaceAll(Staff, records.staff, session)
          // As StaffRepo.update: a disabled account's WeChat binding goes with it, as sqlite's upsert lets go of it.
          const disabled = records.staff.filter((s) => !s.active).map((s) => s.id)
          if (!disabled.length) return
          const bound = await StaffContact.find({ staffId: { $in: disabled } }, { staffId: 1 })
            .session(session)
            .lean<Array<Pick<StaffContactDoc, 'staffId'>>>()
          if (!bound.length) return
          await StaffContact.deleteMany({ staffId: { $in: bound.map((b) => b.staffId) } }, { session })
          if (unbound)
            await writeAudit(
              { Audit },
              bound.map((b) => unbound(b.staffId)),
              session,
            )
        }),
      )
    },
  }
}
