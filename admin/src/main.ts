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
// A failure nobody caught is still told to the person, in the backend's words.
app.config.errorHandler = (err) => {
  console.error(err)
  // A part of an open page (a chart) whose file an update removed: 系统已更新 with 刷新, not a reload under her typing.
  if (isPageLoadFailure(err)) return partCouldNotLoad()
  void MessagePlugin.error(err instanceof ApiError ? err.message : '页面出了点问题，请刷新后再试')
}
// The same, for a file asked for outside Vue's reach (a load started and not awaited by a component).
window.addEventListener('unhandledrejection', (event) => {
  if (!isPageLoadFailure(event.reason)) return
  event.preventDefault()
  partCouldNotLoad()
})
app.mount('#app')
