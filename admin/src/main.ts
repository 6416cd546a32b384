import { createApp } from 'vue'
import { MessagePlugin } from 'tdesign-vue-next'
import 'tdesign-vue-next/dist/tdesign.min.css'
import './console.css'
import App from './App.vue'
import { ApiError } from './api'
import { router } from './router'
import { useTDesign } from './tdesign'

const app = createApp(App)
useTDesign(app)
app.use(router)
// A failure nobody caught is still told to the person, in the backend's words.
app.config.errorHandler = (err) => {
  console.error(err)
  void MessagePlugin.error(err instanceof ApiError ? err.message : '页面出了点问题，请刷新后再试')
}
app.mount('#app')
