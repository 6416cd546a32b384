import { expect } from 'chai'
import { createRequire } from 'node:module'

// The mini-program is CommonJS, as WeChat loads it.
const require = createRequire(import.meta.url)
const { createRequest } = require('../../miniprogram/utils/request.js')

/**
 * A public read that did not take her token (a sign-in gone stale) answers her as a stranger; her phone signs in
 * again and reads once more. Once: a backend that keeps refusing must not keep her phone asking.
 */
describe('mini-program: a public read that did not take her sign-in', () => {
  function phoneOf(readAnswer: () => { header: Record<string, string>; data: unknown }) {
    const asked: string[] = []
    const storage = new Map<string, unknown>([['session.token', 'stale-token']])
    const wxApi = {
      request(options: any) {
        asked.push(`${options.method} ${options.url} ${options.header.authorization ?? ''}`.trim())
        const login = options.url.endsWith('/api/mp/login')
        const answer = login ? { header: {}, data: { token: `fresh-${asked.length}`, id: 'mu-1', roles: ['resident'] } } : readAnswer()
        setImmediate(() => options.success({ statusCode: 200, ...answer }))
      },
      login: (options: any) => setImmediate(() => options.success({ code: 'code-1' })),
      getStorageSync: (key: string) => storage.get(key),
      setStorageSync: (key: string, value: unknown) => storage.set(key, value),
      removeStorageSync: (key: string) => storage.delete(key),
    }
    return { request: createRequest(wxApi, 'https://x'), asked }
  }
  const notTaken = { 'WWW-Authenticate': 'Bearer error="invalid_token"' }

  it('signs in again and reads once more, answered with her own place', async () => {
    let reads = 0
    const { request, asked } = phoneOf(() =>
      ++reads === 1 ? { header: notTaken, data: { registration: null } } : { header: {}, data: { registration: { name: '王秀兰' } } },
    )
    expect(await request('GET', '/api/mp/public-meetings/m1')).to.deep.equal({ registration: { name: '王秀兰' } })
    expect(asked).to.deep.equal([
      'GET https://x/api/mp/public-meetings/m1 Bearer stale-token',
      'POST https://x/api/mp/login',
      'GET https://x/api/mp/public-meetings/m1 Bearer fresh-2',
    ])
  })

  it('asks once more at most, and shows what the second answer says', async () => {
    const { request, asked } = phoneOf(() => ({ header: { 'www-authenticate': notTaken['WWW-Authenticate'] }, data: { registration: null } }))
    expect(await request('GET', '/api/mp/public-meetings/m1')).to.deep.equal({ registration: null })
    expect(asked.filter((a) => a.startsWith('GET'))).to.have.length(2)
    expect(asked.filter((a) => a.startsWith('POST'))).to.have.length(1)
  })
})
