import { Schema, type Connection } from 'mongoose'
import type { ActivityRecord } from '../../domain/record-activity.js'
import type { AppraisalRecord, AppraisalRepo, PointRuleRepo, PointRuleSet, RecordActivityRepo } from '../ports.js'
import { StoreConflict } from '../conflicts.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import type { Models } from './models.js'
import { createIndexes } from './indexes.js'
import { insertOutbox } from './outbox-repo.js'
import { isDuplicateKey, translate } from './errors.js'

/** The mongo side of sqlite's 027_deputy_records.sql. */
type ActivityDoc = Omit<ActivityRecord, 'id'> & { _id: string }
type RuleDoc = Omit<PointRuleSet, 'office'> & { _id: string }
type AppraisalDoc = Omit<AppraisalRecord, 'surveyId'> & { _id: string }

async function defineModels(conn: Connection) {
  const activitySchema = new Schema<ActivityDoc>(
    {
      _id: String,
      deputyId: String,
      stationId: String,
      kind: String,
      date: String,
      place: String,
      text: String,
      photos: [String],
      status: String,
      reviewNote: { type: String, default: null },
      reviewedBy: { type: String, default: null },
      reviewedAt: { type: Date, default: null },
      createdAt: Date,
      updatedAt: Date,
    },
    { versionKey: false, id: false },
  )
  activitySchema.index({ deputyId: 1, date: 1 })
  activitySchema.index({ createdAt: -1, _id: -1 })
  activitySchema.index({ stationId: 1, status: 1, createdAt: -1 })
  const ruleSchema = new Schema<RuleDoc>({ _id: String, rules: Schema.Types.Mixed, updatedBy: String, updatedAt: Date }, { versionKey: false, id: false })
  const appraisalSchema = new Schema<AppraisalDoc>(
    {
      _id: String,
      deputyId: String,
      year: Number,
      regionIds: [String],
      districtId: { type: String, default: null },
      openedBy: String,
      openedAt: Date,
      // Reopened by the office once, closed with too few raters (sqlite's migration 082).
      reopenedAt: { type: Date, default: null },
      reopenedBy: { type: String, default: null },
    },
    { versionKey: false, id: false },
  )
  appraisalSchema.index({ deputyId: 1, year: 1 }, { unique: true })
  const models = {
    RecordActivity: conn.model<ActivityDoc>('RecordActivity', activitySchema, 'record_activities'),
    PointRules: conn.model<RuleDoc>('PointRules', ruleSchema, 'point_rules'),
    RecordAppraisal: conn.model<AppraisalDoc>('RecordAppraisal', appraisalSchema, 'record_appraisals'),
  }
  await createIndexes(models)
  return models
}

const activityFromDoc = ({ _id, ...d }: ActivityDoc): ActivityRecord => ({
  id: _id,
  deputyId: d.deputyId,
  stationId: d.stationId,
  kind: d.kind,
  date: d.date,
  place: d.place,
  text: d.text,
  photos: [...d.photos],
  status: d.status,
  reviewNote: d.reviewNote ?? null,
  reviewedBy: d.reviewedBy ?? null,
  reviewedAt: d.reviewedAt ? new Date(d.reviewedAt) : null,
  createdAt: new Date(d.createdAt),
  updatedAt: new Date(d.updatedAt),
})
const appraisalFromDoc = ({ _id, ...d }: AppraisalDoc): AppraisalRecord => ({
  surveyId: _id,
  deputyId: d.deputyId,
  year: d.year,
  regionIds: [...d.regionIds],
  districtId: d.districtId ?? null,
  openedBy: d.openedBy,
  openedAt: new Date(d.openedAt),
  reopenedAt: d.reopenedAt ? new Date(d.reopenedAt) : null,
  reopenedBy: d.reopenedBy ?? null,
})

export async function recordRepos(
  conn: Connection,
  { Outbox }: Pick<Models, 'Outbox'>,
): Promise<{ recordActivities: RecordActivityRepo; pointRules: PointRuleRepo; appraisals: AppraisalRepo }> {
  const { RecordActivity, PointRules, RecordAppraisal } = await defineModels(conn)
  const recordActivities: RecordActivityRepo = {
    async create({ id, ...a }) {
      await translate(() => RecordActivity.insertOne({ _id: id, ...a }))
      return { id, ...a }
    },
    async get(id) {
      const d = await RecordActivity.findById(id).lean<ActivityDoc>()
      return d ? activityFromDoc(d) : null
    },
    async update(a, expected, outbox) {
      const { id, ...fields } = a
      await translate(() =>
        conn.transaction(async (session) => {
          const result = await RecordActivity.updateOne({ _id: id, status: expected }, { $set: fields }, { session })
          if (result.matchedCount === 0) throw new StoreConflict('stale_activity')
          await insertOutbox(Outbox, outbox, session)
        }),
      )
      return a
    },
    async search(q) {
      const filter: Record<string, unknown> = {}
      if (q.deputyId) filter.deputyId = q.deputyId
      if (q.stationIds) filter.stationId = { $in: q.stationIds }
      if (q.statuses) filter.status = { $in: q.statuses }
      const after = decodeTimeCursor(q.cursor)
      if (after?.at) filter.$or = [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }]
      const docs = await RecordActivity.find(filter)
        .sort({ createdAt: -1, _id: -1 })
        .limit(q.limit + 1)
        .lean<ActivityDoc[]>()
      return toPage(docs.map(activityFromDoc), q.limit, (a) => timeCursorKey(a.createdAt, a.id))
    },
    async ofDeputy(deputyId, from, to) {
      const docs = await RecordActivity.find({ deputyId, date: { $gte: from, $lte: to } })
        .sort({ date: 1, createdAt: 1, _id: 1 })
        .lean<ActivityDoc[]>()
      return docs.map(activityFromDoc)
    },
  }
  const pointRules: PointRuleRepo = {
    async get(office) {
      const d = await PointRules.findById(office).lean<RuleDoc>()
      return d ? { office, rules: d.rules, updatedBy: d.updatedBy, updatedAt: new Date(d.updatedAt) } : null
    },
    async save({ office, ...s }) {
      await PointRules.replaceOne({ _id: office }, s, { upsert: true })
    },
    async seedIfAbsent({ office, ...s }) {
      try {
        const result = await PointRules.updateOne({ _id: office }, { $setOnInsert: s }, { upsert: true })
        return result.upsertedCount > 0
      } catch (err) {
        // Two instances seeding at once: the other one did.
        if (isDuplicateKey(err)) return false
        throw err
      }
    },
  }
  const appraisals: AppraisalRepo = {
    async create(a) {
      const { surveyId, ...rest } = a
      try {
        await conn.transaction(async (session) => {
          await RecordAppraisal.insertMany([{ _id: surveyId, ...rest }], { session })
          // From now on the survey is answered only through the appraisal's page (see the sqlite adapter).
          await conn.collection('surveys').updateOne({ _id: surveyId as never }, { $inc: { revision: 1 } }, { session })
        })
      } catch (err) {
        if (isDuplicateKey(err)) throw new StoreConflict('already_appraised')
        throw err
      }
      return a
    },
    async bySurvey(surveyId) {
      const d = await RecordAppraisal.findById(surveyId).lean<AppraisalDoc>()
      return d ? appraisalFromDoc(d) : null
    },
    async ofDeputy(deputyId) {
      return (await RecordAppraisal.find({ deputyId }).sort({ year: -1 }).lean<AppraisalDoc[]>()).map(appraisalFromDoc)
    },
    async markReopened(surveyId, staffId, at) {
      // Once: matched only while never reopened (a document written before the field has none: null matches it too).
      const res = await RecordAppraisal.updateOne({ _id: surveyId, reopenedAt: null }, { $set: { reopenedAt: at, reopenedBy: staffId } })
      return res.modifiedCount === 1
    },
  }
  return { recordActivities, pointRules, appraisals }
}
