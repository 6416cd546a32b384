import { expect } from 'chai'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// Loaded by path, as console-refusals.test.ts does: the console's modules are vue-tsc's to check.
const consoleModule = (path: string) => import(pathToFileURL(resolve(import.meta.dirname, '../../admin/src', path)).href)

/**
 * Review 44 (Li, a district organizer): 学习进度 按人 said "已读 0/1" of someone who had read nothing, and she read
 * 已读; a suggestion's 办理期限 said 12月7日 beside 办理经过's "期限 2026年12月7日".
 */
describe('console: states said in words (reading, deadlines)', () => {
  it('学习进度 按人: 还没读 when nothing is read, 读了 1/3 篇 for part, 已读完', async () => {
    const { readWords } = await consoleModule('views/campaigns/reach-words.ts')
    expect([
      readWords({ read: false, itemsRead: 0, itemsReached: 1 }),
      readWords({ read: false, itemsRead: 1, itemsReached: 3 }),
      readWords({ read: true, itemsRead: 3, itemsReached: 3 }),
    ]).to.deep.equal(['还没读', '读了 1/3 篇', '已读完'])
  })

  it('a suggestion’s 办理期限 always says its year, as 办理经过 writes it', async () => {
    const { deadlineText } = await consoleModule('views/suggestions/words.ts')
    const thisYear = new Date().getFullYear()
    expect([deadlineText(`${thisYear}-12-07`), deadlineText(`${thisYear + 1}-03-04`), deadlineText(null)]).to.deep.equal([
      `${thisYear}年12月7日`,
      `${thisYear + 1}年3月4日`,
      '—',
    ])
  })
})
