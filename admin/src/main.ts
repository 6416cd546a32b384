import { createApp } from 'vue'
import { MessagePlugin } from 'tdesign-vue-next'
import 'tdesign-vue-next/dist/tdesign.min.css'
import './console.css'
import App from './App.vue'
import { ApiError } from './api'
import { router } from './router'
import { isPageLoadFailure, partCouldNotLoad } from './stale-build'
import { useTDesign } from './tdesign'

const app = createApp(App)
useTDesign(app)
app.use(router)
/**
 * A request that met an ended session: api.ts has already sent her to the login page, which says
 * 登录已超时 itself. Whoever did not catch it has nothing more to tell (no second toast, no error).
 */
const sessionEnded = (err: unknown) => err instanceof ApiError && err.status === 401

// A failure nobody caught is still told to the person, in the backend's words.
app.config.errorHandler = (err) => {
  if (sessionEnded(err)) return
  console.error(err)
  // A part of an open page (a chart) whose file an update removed: 系统已更新 with 刷新, not a reload under her typing.
  if (isPageLoadFailure(err)) return partCouldNotLoad()
  void MessagePlugin.error(err instanceof ApiError ? err.message : '页面出了点问题，请刷新后再试')
}
// The same, for a promise nobody awaited (a page's refresh started and left to run): a file asked
// for outside Vue's reach is said as above; an ended session is already on the login page.
window.addEventListener('unhandledrejection', (event) => {
  if (sessionEnded(event.reason)) return event.preventDefault()
  if (!isPageLoadFailure(event.reason)) return
  event.preventDefault()
  partCouldNotLoad()
})
app.mount('#app')
