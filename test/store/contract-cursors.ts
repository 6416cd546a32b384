import { expect } from 'chai'
import { ValidationError } from '../../src/errors.js'
import { encodeCursor } from '../../src/store/cursor.js'
import type { Page, Store } from '../../src/store/ports.js'
import { rejects } from '../helpers/rejects.js'

/**
 * Every paged search refuses a cursor it did not issue with a ValidationError (a 400),
 * whatever the adapter: never a driver error (a 500), never an empty page that reads as
 * "nothing more".
 */
export function cursorContract(store: () => Store) {
  type Search = (cursor: string) => Promise<Page<unknown>>
  const searches: Record<string, Search> = {
    'stations.search': (cursor) => store().stations.search({ limit: 2, cursor }),
    'deputies.search': (cursor) => store().deputies.search({ limit: 2, cursor }),
    'staff.search': (cursor) => store().staff.search({ limit: 2, cursor }),
    'audit.list': (cursor) => store().audit.list({ limit: 2, cursor }),
    'outbox.search': (cursor) => store().outbox.search({ limit: 2, cursor }),
    'cases.search (newest)': (cursor) => store().cases.search({ limit: 2, cursor }),
    'cases.search (due)': (cursor) => store().cases.search({ limit: 2, cursor, order: 'due' }),
    'campaigns.search': (cursor) => store().campaigns.search({ limit: 2, cursor }),
    'meetings.search': (cursor) => store().meetings.search({ limit: 2, cursor }),
    'quizzes.search': (cursor) => store().quizzes.search({ limit: 2, cursor }),
    'surveys.search': (cursor) => store().surveys.search({ limit: 2, cursor }),
    'surveys.textAnswers': (cursor) => store().surveys.textAnswers('sv1', { questionId: 'q1', limit: 2, cursor }),
    'recordActivities.search': (cursor) => store().recordActivities.search({ limit: 2, cursor }),
  }
  /** Searches ordered by time then id: their cursors are "<ISO time>|<id>". */
  const timeKeyed = [
    'cases.search (newest)',
    'campaigns.search',
    'meetings.search',
    'quizzes.search',
    'surveys.search',
    'surveys.textAnswers',
    'recordActivities.search',
  ]

  const refuses = async (name: string, cursor: string) => {
    const err = await rejects(searches[name](cursor))
    expect(err, `${name} with ${cursor}`).to.be.instanceOf(ValidationError)
    expect((err as ValidationError).details).to.deep.equal([{ path: 'query.cursor', message: '翻页参数无效，请从第一页重新查看' }])
  }

  describe('paging cursors', () => {
    it('every paged search refuses a cursor that is not one', async () => {
      for (const name of Object.keys(searches)) await refuses(name, 'not-a-cursor!')
    })

    it('searches ordered by time refuse a cursor without a time and an id', async () => {
      for (const name of [...timeKeyed, 'cases.search (due)']) await refuses(name, encodeCursor('st001'))
    })

    it('searches ordered by time refuse a cursor whose time is no time', async () => {
      for (const name of timeKeyed) await refuses(name, encodeCursor('yesterday|x1'))
    })

    it('the audit log refuses a cursor that is no entry of it', async () => {
      await refuses('audit.list', encodeCursor('x1'))
    })
  })
}
