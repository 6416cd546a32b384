import type { Connection } from 'mongoose'
import type { SurveyRepo } from '../survey-ports.js'
import type { SurveyDoc, SurveyModels, SurveyResponseDoc } from './survey-models.js'
import { plain } from './survey-records.js'

type Filter = Record<string, unknown>

/**
 * The one-off steps that make stored ballots secret (each ballot in its own transaction): named votes sealed under
 * a secret key, and votes given new ids in a new order with nothing left to tell who cast them or when.
 */
export function ballotSecrecy(
  conn: Connection,
  { Survey, SurveyResponse, SurveyTally, SurveyText, SurveyOpinion }: SurveyModels,
): Pick<SurveyRepo, 'sealBallots' | 'scrubBallotVotes'> {
  return {
    async sealBallots(secretKey) {
      let votes = 0
      const named = await Survey.find({ kind: 'ballot', anonymous: { $ne: true } }, { _id: 1, opensAt: 1 }).lean<SurveyDoc[]>()
      for (const b of named) {
        await conn.transaction(async (session) => {
          const rows = await SurveyResponse.find({ surveyId: b._id }, { _id: 1, respondentKey: 1 }).session(session).lean<SurveyResponseDoc[]>()
          const writes = rows.map((r) => ({
            updateOne: {
              filter: { _id: r._id },
              update: {
                $set: {
                  respondentKey: r.respondentKey.startsWith('h:') ? r.respondentKey : secretKey(b._id, r.respondentKey),
                  mpUserId: null,
                  deputyId: null,
                  stationId: null,
                  districtId: null,
                  via: null,
                  createdAt: b.opensAt,
                },
              },
            },
          }))
          if (writes.length) votes += (await SurveyResponse.bulkWrite(writes, { session })).modifiedCount
          await SurveyTally.deleteMany({ surveyId: b._id, scope: { $ne: '' } }, { session })
          await Survey.updateOne({ _id: b._id }, { $set: { anonymous: true }, $inc: { revision: 1 } }, { session })
        })
      }
      return votes
    },
    async scrubBallotVotes(newId) {
      let votes = 0
      const ballots = await Survey.find({ kind: 'ballot' }, { _id: 1, opensAt: 1 }).lean<SurveyDoc[]>()
      for (const b of ballots) {
        await conn.transaction(async (session) => {
          const rows = await SurveyResponse.find({ surveyId: b._id }).session(session).lean<SurveyResponseDoc[]>()
          // Inserted again in the order of their new ids: the collection's natural order followed the order they were cast.
          const renamed = rows.map((r) => ({ r, next: newId() })).sort((x, y) => (x.next < y.next ? -1 : 1))
          // Removed before the new ones go in: the unique (surveyId, respondentKey) holds at every step.
          await SurveyResponse.deleteMany({ surveyId: b._id }, { session })
          if (renamed.length)
            await SurveyResponse.insertMany(
              renamed.map(({ r, next }) => ({
                _id: next,
                surveyId: b._id,
                respondentKey: r.respondentKey,
                mpUserId: null,
                deputyId: null,
                stationId: null,
                districtId: null,
                via: null,
                answers: plain(r.answers),
                comments: plain(r.comments ?? []),
                createdAt: b.opensAt,
              })),
              { session },
            )
          // A ballot has neither text answers nor opinions; were there any, they follow their vote.
          const moves = (extra: Filter) =>
            renamed.map(({ r, next }) => ({
              updateMany: {
                filter: { surveyId: b._id, responseId: r._id },
                update: { $set: { responseId: next, stationId: null, createdAt: b.opensAt, ...extra } },
              },
            }))
          if (renamed.length && (await SurveyText.exists({ surveyId: b._id }).session(session)))
            await SurveyText.bulkWrite(moves({ districtId: null }), { session })
          if (renamed.length && (await SurveyOpinion.exists({ surveyId: b._id }).session(session)))
            await SurveyOpinion.bulkWrite(moves({ mpUserId: null, via: null }), { session })
          await SurveyTally.deleteMany({ surveyId: b._id, scope: { $ne: '' } }, { session })
          votes += renamed.length
        })
      }
      return votes
    },
  }
}
