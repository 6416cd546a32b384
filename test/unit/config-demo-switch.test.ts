import { expect } from 'chai'
import { ConfigError, loadConfig } from '../../src/config.js'

/** The demo is turned off by the environment, as a deployment sets everything else (README's configuration table). */
describe('configuration: LIAISON_DEMO', () => {
  const demoOn = (env: Record<string, string>) => loadConfig({ env }).demo.seedOnEmptyStore

  it('keeps the demo on by default (npm start on a fresh machine), and turns it off or on by the variable', () => {
    expect(demoOn({})).to.equal(true)
    for (const off of ['off', 'OFF', 'false', '0']) expect(demoOn({ LIAISON_DEMO: off }), off).to.equal(false)
    for (const on of ['on', 'true', '1']) expect(demoOn({ LIAISON_DEMO: on }), on).to.equal(true)
  })

  it('stops with one line naming the key and the variable when it is neither', () => {
    let message = ''
    try {
      loadConfig({ env: { LIAISON_DEMO: 'maybe' } })
    } catch (err) {
      expect(err).to.be.instanceOf(ConfigError)
      message = (err as Error).message
    }
    expect(message).to.equal('config error: demo.seedOnEmptyStore (env LIAISON_DEMO): must be on or off, got "maybe"')
  })
})
