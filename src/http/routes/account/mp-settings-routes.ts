import Router from '@koa/router'
import type { Config } from '../../../config.js'
import type { AppState } from '../../state.js'

/** What the mini-program must agree with the backend on, read from the one config. */
export interface MpSettings {
  /** Templates to ask permission for (wx.requestSubscribeMessage) after a message is sent. */
  subscribeTemplateIds: string[]
  /** Photos one message may carry. */
  maxPhotos: number
  /** A closed message rated at most this, within reopenWindowDays of the reply, may be reopened. */
  reopenMaxRating: number
  reopenWindowDays: number
  /** The topics a message can be about: the 办理选登 page filters by them. */
  topics: string[]
}

export const mpSettingsOf = (config: Config): MpSettings => ({
  subscribeTemplateIds: [
    ...new Set(
      Object.values(config.wechat.templates)
        .map((t) => t.id)
        .filter((id) => id),
    ),
  ],
  maxPhotos: config.uploads.maxPerCase,
  reopenMaxRating: config.cases.reopenMaxRating,
  reopenWindowDays: config.cases.reopenWindowDays,
  topics: [...config.business.topics],
})

/** Public: the mini-program reads these before anyone logs in. */
export interface MpSettingsRoutesDeps {
  settings: MpSettings
}

export function mpSettingsRoutes({ settings }: MpSettingsRoutesDeps) {
  const router = new Router<AppState>()
  router.get('/api/mp/settings', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300')
    ctx.body = settings
  })
  return router
}
