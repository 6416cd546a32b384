import { installNetworkGuard, takeBlockedConnections } from './helpers/network-guard.js'

// Every test runs with the test configuration (config/test.json).
process.env.NODE_ENV = 'test'

installNetworkGuard()

/** Root hooks: a test that tried to reach anything but loopback fails, naming where. */
export const mochaHooks = {
  afterEach() {
    const refused = takeBlockedConnections()
    if (refused.length) throw new Error(`this test tried to connect beyond loopback: ${refused.join(', ')}`)
  },
}
