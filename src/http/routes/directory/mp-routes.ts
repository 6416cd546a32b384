import Router from '@koa/router'
import type { DirectoryService } from '../../../services/directory/directory.js'
import { presentPublicDeputy, presentPublicStation, presentPublicStationPage, presentRegion, presentRegionNode } from '../../presenters/directory.js'
import { codeParam } from '../../schemas.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { regionsQuery, stationsForRegionQuery } from './schemas.js'

export interface DirectoryMpRoutesDeps {
  directory: DirectoryService
}

/** What the mini-program needs before anyone logs in: places, stations, deputies' cards. */
export function directoryMpRoutes({ directory }: DirectoryMpRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/mp' })

  router.get('/regions', async (ctx) => {
    const { parentId } = parse(regionsQuery, ctx.query, 'query')
    ctx.body = parentId
      ? { items: (await directory.regionChildren(parentId)).map(presentRegion) }
      : { items: (await directory.regionTree()).map(presentRegionNode) }
  })

  router.get('/stations', async (ctx) => {
    const { regionId } = parse(stationsForRegionQuery, ctx.query, 'query')
    const found = await directory.stationsForRegion(regionId)
    // `office`: where a message from there goes when she picks no station, by its name (找我的代表 says it with none to pick).
    ctx.body = { items: found.map(({ station, coverage }) => ({ ...presentPublicStation(station), coverage })), office: await directory.officeTaking(regionId) }
  })

  router.get('/stations/:code', async (ctx) => {
    const { code } = parse(codeParam, ctx.params, 'params')
    ctx.body = presentPublicStationPage(await directory.publicStation(code))
  })

  router.get('/deputies/:code', async (ctx) => {
    const { code } = parse(codeParam, ctx.params, 'params')
    const { deputy, stations, awayNotice, levelLabel } = await directory.publicDeputy(code)
    ctx.body = presentPublicDeputy(deputy, stations, awayNotice, levelLabel)
  })

  return router
}
