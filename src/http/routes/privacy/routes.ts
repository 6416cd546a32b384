import Router from '@koa/router'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { PersonalDataErasure } from '../../../services/privacy/personal-data-erasure.js'
import type { PersonalDataExport } from '../../../services/privacy/personal-data-export.js'
import type { PrivacyService } from '../../../services/privacy/privacy.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import type { ReadingTime } from '../../presenters/cases.js'
import { presentPersonalData } from '../../presenters/personal-data.js'
import type { MpState } from '../../state.js'
import { erasureAnswer, WITHDRAWN_CONSENT_MESSAGE } from '../../presenters/privacy-answers.js'

export interface PrivacyRoutesDeps {
  sessions: MpSessions
  privacy: PrivacyService
  exporter: PersonalDataExport
  erasure: PersonalDataErasure
  /** The time zone and the moment in which a person reads their copy. */
  reading: () => ReadingTime
}

/** A person's rights over their data (PIPL arts. 15, 45, 47): a copy, withdrawing consent, erasure. */
export function privacyRoutes({ sessions, privacy, exporter, erasure, reading }: PrivacyRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp' })
  router.use(requireMpUser(sessions))

  router.get(
    '/me/export',
    rateLimit('mp_data_export', 10, 3600, (s: MpState) => s.mpUser.id),
    async (ctx) => {
      ctx.set('Cache-Control', 'no-store')
      ctx.set('Content-Disposition', 'attachment; filename="my-data.json"')
      ctx.body = presentPersonalData(await exporter.export(ctx.state.mpUser), reading())
    },
  )

  router.delete('/consent', async (ctx) => {
    await privacy.withdrawConsent(ctx.state.mpUser.id)
    ctx.body = { consentVersion: null, message: WITHDRAWN_CONSENT_MESSAGE }
  })

  router.delete('/me', async (ctx) => {
    ctx.body = erasureAnswer(await erasure.erase(ctx.state.mpUser))
  })

  return router
}
