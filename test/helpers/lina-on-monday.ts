import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { Client, startApp, type TestApp } from './app.js'

/** Monday 23 November 2026, 10:00 in Asia/Shanghai: the week the clerk's stories begin. */
export const MONDAY_10AM = new Date('2026-11-23T02:00:00Z')

/**
 * The case city started afresh, its clock at MONDAY_10AM, and 李娜 (clerk of 轻工街道代表联络站, st001) signed in to the
 * console: where a clerk's story begins. The caller closes the app (afterEach); it is closed here if she cannot sign in.
 */
export async function linaOnMonday(): Promise<{ app: TestApp; lina: Client }> {
  const app = await startApp({ directory: caseCity() })
  try {
    app.clock.set(MONDAY_10AM)
    return { app, lina: await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) }
  } catch (err) {
    await app.close()
    throw err
  }
}
