import { Schema, type Connection } from 'mongoose'
import type { AnalysisRepo, PublicationRecord, PublicationRepo } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import type { Models } from './models.js'
import { createIndexes } from './indexes.js'
import { insertOutbox } from './outbox-repo.js'
import { isDuplicateKey, translate } from './errors.js'

/** The mongo side of sqlite's 023_analysis.sql. */
interface AlertDoc {
  _id: string
  caseIds: string[]
  districtId: string | null
  stationId: string | null
  at: Date
}
interface ReportDoc {
  _id: string
  scope: string
  week: string
  generatedAt: Date
  body: unknown
}
type PublicationDoc = Omit<PublicationRecord, 'caseId'> & { _id: string }

async function defineModels(conn: Connection) {
  const alertSchema = new Schema<AlertDoc>(
    { _id: String, caseIds: [String], districtId: String, stationId: String, at: Date },
    { versionKey: false, id: false },
  )
  alertSchema.index({ at: 1 })
  const reportSchema = new Schema<ReportDoc>(
    { _id: String, scope: String, week: String, generatedAt: Date, body: Schema.Types.Mixed },
    { versionKey: false, id: false },
  )
  reportSchema.index({ scope: 1, week: -1 })
  const publicationSchema = new Schema<PublicationDoc>(
    {
      _id: String,
      residentId: String,
      ticket: String,
      topic: String,
      districtId: String,
      stationId: String,
      question: String,
      answer: String,
      askedAt: Date,
      answeredAt: Date,
      publishedBy: String,
      publishedAt: Date,
    },
    { versionKey: false, id: false },
  )
  publicationSchema.index({ publishedAt: -1, _id: -1 })
  publicationSchema.index({ residentId: 1 })
  const models = {
    HotIssueAlert: conn.model<AlertDoc>('HotIssueAlert', alertSchema, 'hot_issue_alerts'),
    WeeklyReport: conn.model<ReportDoc>('WeeklyReport', reportSchema, 'weekly_reports'),
    CasePublication: conn.model<PublicationDoc>('CasePublication', publicationSchema, 'case_publications'),
  }
  await createIndexes(models)
  return models
}

const publicationFromDoc = ({ _id, ...d }: PublicationDoc): PublicationRecord => ({
  caseId: _id,
  residentId: d.residentId,
  ticket: d.ticket,
  topic: d.topic,
  districtId: d.districtId ?? null,
  stationId: d.stationId ?? null,
  question: d.question,
  answer: d.answer,
  askedAt: new Date(d.askedAt),
  answeredAt: new Date(d.answeredAt),
  publishedBy: d.publishedBy,
  publishedAt: new Date(d.publishedAt),
})

export async function analysisRepos(conn: Connection, { Outbox }: Pick<Models, 'Outbox'>): Promise<{ analysis: AnalysisRepo; publications: PublicationRepo }> {
  const { HotIssueAlert, WeeklyReport, CasePublication } = await defineModels(conn)
  const analysis: AnalysisRepo = {
    async alertedCaseIds(since) {
      const docs = await HotIssueAlert.find({ at: { $gte: since } }, { caseIds: 1 }).lean<AlertDoc[]>()
      return new Set(docs.flatMap((d) => d.caseIds))
    },
    async recordAlert(alert, outbox) {
      try {
        await translate(() =>
          conn.transaction(async (session) => {
            await HotIssueAlert.insertMany(
              [{ _id: alert.key, caseIds: alert.caseIds, districtId: alert.districtId, stationId: alert.stationId, at: alert.at }],
              { session },
            )
            await insertOutbox(Outbox, outbox, session)
          }),
        )
        return true
      } catch (err) {
        if (isDuplicateKey(err) || (err as { code?: string }).code === 'conflict') {
          return !(await HotIssueAlert.exists({ _id: alert.key }))
        }
        throw err
      }
    },
    async saveWeeklyReport(r) {
      await WeeklyReport.replaceOne(
        { _id: `${r.scope}|${r.week}` },
        { scope: r.scope, week: r.week, generatedAt: r.generatedAt, body: r.body },
        { upsert: true },
      )
    },
    async weeklyReport(scope, week) {
      const d = await WeeklyReport.findById(`${scope}|${week}`).lean<ReportDoc>()
      return d ? { scope: d.scope, week: d.week, generatedAt: new Date(d.generatedAt), body: d.body } : null
    },
    async reportWeeks(scope, limit) {
      return (await WeeklyReport.find({ scope }, { week: 1 }).sort({ week: -1 }).limit(limit).lean<ReportDoc[]>()).map((d) => d.week)
    },
  }
  const publications: PublicationRepo = {
    async publish({ caseId, ...p }) {
      await CasePublication.replaceOne({ _id: caseId }, p, { upsert: true })
    },
    async unpublish(caseId) {
      return (await CasePublication.deleteOne({ _id: caseId })).deletedCount > 0
    },
    async unpublishResident(residentId) {
      return (await CasePublication.deleteMany({ residentId })).deletedCount
    },
    async get(caseId) {
      const d = await CasePublication.findById(caseId).lean<PublicationDoc>()
      return d ? publicationFromDoc(d) : null
    },
    async list(q) {
      const filter: Record<string, unknown> = {}
      if (q.topic) filter.topic = q.topic
      if (q.districtId) filter.districtId = q.districtId
      if (q.stationId) filter.stationId = q.stationId
      const after = decodeTimeCursor(q.cursor)
      if (after?.at) filter.$or = [{ publishedAt: { $lt: after.at } }, { publishedAt: after.at, _id: { $lt: after.id } }]
      const docs = await CasePublication.find(filter)
        .sort({ publishedAt: -1, _id: -1 })
        .limit(q.limit + 1)
        .lean<PublicationDoc[]>()
      return toPage(docs.map(publicationFromDoc), q.limit, (p) => timeCursorKey(p.publishedAt, p.caseId))
    },
    async publishedAmong(caseIds) {
      if (!caseIds.length) return new Set()
      return new Set((await CasePublication.find({ _id: { $in: caseIds } }, { _id: 1 }).lean<Array<{ _id: string }>>()).map((d) => d._id))
    },
  }
  return { analysis, publications }
}
