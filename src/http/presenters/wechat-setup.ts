import type { WeChatSetupState } from '../../services/readiness.js'

/** WeChat's setup on /readyz: unchecked (no call yet), ok, or what is wrong in the office's words (never the secret), since when. */
export const presentWeChatSetup = (s: WeChatSetupState) =>
  s.state === 'misconfigured'
    ? { status: s.state, problem: s.problem, errcode: s.errcode, api: s.api, since: s.since.toISOString() }
    : s.state === 'ok'
      ? { status: s.state, since: s.since.toISOString() }
      : { status: s.state }
