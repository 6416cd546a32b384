import { asAdmin, startApp, type Client, type TestApp } from './app.js'
import { asStaff, meetingCity } from './meetings.js'

/**
 * The meeting city on Monday 23 November 2026, 10:00 in Shanghai, with the city's office (an admin) and 孙丽, the
 * organizer of 湛河区 (d01) who follows what the city runs for her district.
 */
export async function startCityAndDistrictOffice(): Promise<{ app: TestApp; city: Client; sunli: Client }> {
  const app = await startApp({ directory: meetingCity() })
  app.clock.set(new Date('2026-11-23T02:00:00Z'))
  return { app, city: await asAdmin(app), sunli: await asStaff(app, 'sunli') }
}
