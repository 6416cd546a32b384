import { expect } from 'chai'
import { lazy } from '../../src/domain/lazy.js'

/** The loader of packages that only some requests need: loaded once, at the first call. */
describe('a package loaded at first use', () => {
  it('is loaded once for every caller, also for callers asking at the same time', async () => {
    let loads = 0
    const csv = lazy(async () => ({ parse: () => ++loads }))
    expect(loads, 'nothing loaded before the first call').to.equal(0)
    const [a, b] = await Promise.all([csv(), csv()])
    const c = await csv()
    expect(a).to.equal(b).and.to.equal(c)
    expect(a.parse(), 'the loader ran once').to.equal(1)
  })

  it('is tried again after a failed load, instead of failing for the rest of the process', async () => {
    let tries = 0
    const sanitiser = lazy(async () => {
      if (++tries === 1) throw new Error('EMFILE: too many open files')
      return 'sanitize-html'
    })
    let failure: unknown = null
    await sanitiser().catch((err: unknown) => (failure = err))
    expect(String(failure)).to.include('EMFILE')
    expect(await sanitiser()).to.equal('sanitize-html')
    expect(await sanitiser()).to.equal('sanitize-html')
    expect(tries).to.equal(2)
  })
})
