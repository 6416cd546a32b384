import type { TopicTraining } from '../../services/topics/topic-models.js'

/** One office's latest training of its topic model, as the console lists it. */
export const presentTraining = (t: TopicTraining) => ({
  districtId: t.office,
  trainedAt: t.trainedAt.toISOString(),
  upTo: t.upTo.toISOString(),
  corrections: t.corrections,
  trainedBy: t.trainedBy,
})
